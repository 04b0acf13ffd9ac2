import { LinkageError } from "../errors/LinkageError.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { minimizeBounded, type SmoothObjective } from "../math/minimizeBounded.js";
import { randomStream } from "../math/randomStream.js";
import {
  payoffScale,
  refineEquilibrium,
  strategyOffsets,
  strategyPayoffs,
} from "./newtonRefine.js";

/** Options of {@link liapEquilibria}. */
export interface LiapOptions {
  /** Starting points: the centroid, then uniform random profiles. @default 10 */
  readonly starts?: number;
  /** Seed of the random starting points (one stream per start). @default 0 */
  readonly seed?: number;
  /** Iterations of each minimisation. @default 1000 */
  readonly maxIterations?: number;
  /** Start no new minimisation after this many seconds (the result says it stopped early). */
  readonly maxSeconds?: number;
}

/** One start's local minimum of the Lyapunov function, and what it refined to. */
export interface LiapMinimum {
  /** The start's index (0 = the centroid). */
  readonly start: number;
  /** L at the minimum, in units of the payoff spread squared. */
  readonly value: number;
  /** The profile refined on its support (player by player), and its regret in payoff units. */
  readonly profile: Float64Array;
  readonly regret: number;
}

/** The result of {@link liapEquilibria}. */
export interface LiapResult {
  /** Distinct equilibria (regret ≤ 1e-9 of the payoff spread), in the order first found. */
  readonly equilibria: readonly Float64Array[];
  /** Every start's minimum, equilibrium or not (a local minimum with L > 0 is not one). */
  readonly minima: readonly LiapMinimum[];
  /** Whether `maxSeconds` stopped it before every start was tried. */
  readonly truncated: boolean;
}

/** Weight of the penalty that holds each player's probabilities to a sum of one. */
const SIMPLEX_PENALTY = 1;
/** A refined profile is an equilibrium when its regret is at most this share of the spread. */
const EQUILIBRIUM_TOLERANCE = 1e-9;
/** Two equilibria are the same when no probability differs by more than this. */
const SAME_PROFILE = 1e-6;

/**
 * Nash equilibria of a strategic game with any number of players by minimising a Lyapunov
 * function from several starting points (what gambit-liap computes).
 *
 * The function, zero exactly at the equilibria (McKelvey 1998):
 *   L(σ) = Σ_i Σ_j max(0, u_ij(σ₋ᵢ) − v_i(σ))² + Σ_i (Σ_j σ_ij − 1)²,   v_i = Σ_j σ_ij u_ij,
 * with payoffs divided by their spread, over the box 0 ≤ σ_ij ≤ 1 (projected quasi-Newton,
 * `math/minimizeBounded`, with the analytic gradient: ∂u_ij/∂σ_kl is the payoff of i playing j
 * against k playing l, and ∂v_i/∂σ_il = u_il). Each start's minimum is refined on its support by
 * Newton's method (`refineEquilibrium`) and kept when its regret is at most 1e-9 of the payoff
 * spread; a local minimum with L > 0 (the function is not convex) is reported in `minima` only.
 * Starts: the centroid, then profiles drawn uniformly from each player's simplex, one seeded
 * random stream per start, so the same seed gives the same equilibria.
 *
 * Sources: R. D. McKelvey, "A Liapunov function for Nash equilibria" (1998, Caltech working
 * paper); McKelvey and McLennan, "Computation of equilibria in finite games", Handbook of
 * Computational Economics I (1996), §4.
 *
 * Cost: each evaluation is one pass over the payoff table with second derivatives,
 * O(Π nᵢ · n³) time and O(S²) memory (S the total number of strategies): meant for small games.
 *
 * @throws {LinkageError} E_DOMAIN when `starts` is not a whole number ≥ 1
 * @example
 * const pennies = strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]]);
 * liapEquilibria(pennies).equilibria[0] // => Float64Array [0.5, 0.5, 0.5, 0.5]
 */
export function liapEquilibria(game: StrategicGame, options: LiapOptions = {}): LiapResult {
  const starts = options.starts ?? 10;
  if (!(Number.isInteger(starts) && starts >= 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `liap needs a whole number of starting points ≥ 1, got ${starts}`,
    );
  }
  const seed = options.seed ?? 0;
  const offset = strategyOffsets(game);
  const n = game.players.length;
  const size = offset[n]!;
  const scale = payoffScale(game);
  const lyapunov = lyapunovObjective(game);
  const lower = new Float64Array(size);
  const upper = new Float64Array(size).fill(1);
  const minima: LiapMinimum[] = [];
  const equilibria: Float64Array[] = [];
  const deadline =
    options.maxSeconds === undefined
      ? Number.POSITIVE_INFINITY
      : Date.now() + options.maxSeconds * 1000;
  let truncated = false;
  for (let start = 0; start < starts; start++) {
    if (start > 0 && Date.now() > deadline) {
      truncated = true;
      break;
    }
    const x0 = startingProfile(offset, start, seed);
    const found = minimizeBounded(lyapunov, x0, {
      lower,
      upper,
      maxIterations: options.maxIterations ?? 1000,
      gradientTolerance: 1e-12,
      valueTolerance: 1e-16,
    });
    const normalised = found.x.slice();
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let k = offset[i]!; k < offset[i + 1]!; k++) sum += normalised[k]!;
      for (let k = offset[i]!; k < offset[i + 1]!; k++)
        normalised[k] = sum > 0 ? normalised[k]! / sum : 1 / (offset[i + 1]! - offset[i]!);
    }
    const refined = refineEquilibrium(game, normalised);
    minima.push({ start, value: found.value, profile: refined.profile, regret: refined.regret });
    if (refined.regret > EQUILIBRIUM_TOLERANCE * scale) continue;
    const known = equilibria.some((e) =>
      e.every((p, k) => Math.abs(p - refined.profile[k]!) <= SAME_PROFILE),
    );
    if (!known) equilibria.push(refined.profile);
  }
  return { equilibria, minima, truncated };
}

/**
 * The Lyapunov function of {@link liapEquilibria} as a smooth objective over the profile
 * (player by player): returns L(σ) and writes its gradient.
 */
export function lyapunovObjective(game: StrategicGame): SmoothObjective {
  const offset = strategyOffsets(game);
  const n = game.players.length;
  const size = offset[n]!;
  const scale = payoffScale(game);
  const u = new Float64Array(size);
  const second = new Float64Array(size * size);
  const gain = new Float64Array(size);
  const v = new Float64Array(n);

  return (sigma: Float64Array, gradient: Float64Array): number => {
    strategyPayoffs(game, offset, sigma, u, second);
    for (let k = 0; k < size; k++) u[k] = u[k]! / scale;
    let value = 0;
    gradient.fill(0);
    for (let i = 0; i < n; i++) {
      let vi = 0;
      let sum = 0;
      for (let k = offset[i]!; k < offset[i + 1]!; k++) {
        vi += sigma[k]! * u[k]!;
        sum += sigma[k]!;
      }
      v[i] = vi;
      const excess = sum - 1;
      value += SIMPLEX_PENALTY * excess * excess;
      for (let k = offset[i]!; k < offset[i + 1]!; k++) {
        gain[k] = Math.max(0, u[k]! - vi);
        value += gain[k]! * gain[k]!;
        gradient[k]! += 2 * SIMPLEX_PENALTY * excess;
      }
    }
    // ∂L/∂σ_m = Σ_i Σ_j 2 g_ij (∂u_ij/∂σ_m − ∂v_i/∂σ_m), m a strategy of player k
    for (let i = 0; i < n; i++) {
      let totalGain = 0;
      for (let row = offset[i]!; row < offset[i + 1]!; row++) totalGain += gain[row]!;
      if (totalGain === 0) continue;
      for (let k = 0; k < n; k++) {
        for (let m = offset[k]!; m < offset[k + 1]!; m++) {
          let d = 0;
          if (k === i) {
            // u_ij does not depend on i's own mixture; ∂v_i/∂σ_im = u_im
            d = -totalGain * u[m]!;
          } else {
            // ∂v_i/∂σ_m = Σ_j σ_ij ∂u_ij/∂σ_m
            let dv = 0;
            for (let row = offset[i]!; row < offset[i + 1]!; row++)
              dv += (sigma[row]! * second[row * size + m]!) / scale;
            for (let row = offset[i]!; row < offset[i + 1]!; row++) {
              if (gain[row] === 0) continue;
              d += gain[row]! * (second[row * size + m]! / scale - dv);
            }
          }
          gradient[m]! += 2 * d;
        }
      }
    }
    return value;
  };
}

/** Start 0: every player mixing uniformly; later starts: uniform draws from each simplex. */
function startingProfile(offset: Int32Array, start: number, seed: number): Float64Array {
  const n = offset.length - 1;
  const x = new Float64Array(offset[n]!);
  if (start === 0) {
    for (let i = 0; i < n; i++)
      for (let k = offset[i]!; k < offset[i + 1]!; k++) x[k] = 1 / (offset[i + 1]! - offset[i]!);
    return x;
  }
  const rng = randomStream(seed, start);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = offset[i]!; k < offset[i + 1]!; k++) {
      x[k] = -Math.log(1 - rng.next());
      sum += x[k]!;
    }
    for (let k = offset[i]!; k < offset[i + 1]!; k++) x[k] = x[k]! / sum;
  }
  return x;
}
