import { LinkageError } from "../errors/LinkageError.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { euclideanNorm as norm } from "../math/euclideanNorm.js";
import { randomStream } from "../math/randomStream.js";
import { solveInPlace } from "../math/solveLinearSystem.js";
import {
  payoffScale,
  refineEquilibrium,
  strategyOffsets,
  strategyPayoffs,
} from "./newtonRefine.js";
import { strategicRegret } from "./regret.js";

/** Options of {@link globalNewton}. */
export interface GlobalNewtonOptions {
  /**
   * Seed of the bonus vector g (random stream 0, entries uniform in [0, 1)) and of the payoff
   * noise used when a degenerate game stalls the path (streams 1 and 2). @default 0
   */
  readonly seed?: number;
  /**
   * An explicit bonus vector g, one entry per strategy, player by player (overrides `seed` for
   * g). Every player with two or more strategies needs a unique largest and a unique smallest
   * entry. Only its direction matters: it is rescaled to max |gᵢⱼ| = 1.
   */
  readonly perturbation?: ArrayLike<number>;
  /** Wall-clock budget in seconds; when it runs out the result has `complete: false`. @default 10 */
  readonly maxSeconds?: number;
  /** Most predictor–corrector steps, over all attempts. @default 100000 */
  readonly maxSteps?: number;
  /** Target regret of each refined equilibrium, relative to the payoff spread. @default 1e-12 */
  readonly tolerance?: number;
}

/** One equilibrium found by {@link globalNewton}. */
export interface GlobalNewtonEquilibrium {
  /** Mixed profile, player by player (Gambit's order), as `nashEquilibrium` returns it. */
  readonly profile: Float64Array;
  /** Its regret, `strategicRegret(...).max`, in payoff units. */
  readonly regret: number;
}

/** The result of {@link globalNewton}. */
export interface GlobalNewtonResult {
  /** Distinct equilibria with regret ≤ tolerance × scale, in the order the path met them. */
  readonly equilibria: GlobalNewtonEquilibrium[];
  /** Crossings of λ = 0 whose point could not be refined to the tolerance (best profile kept). */
  readonly unrefined: GlobalNewtonEquilibrium[];
  /**
   * How many times the last path followed changed the sign of λ (odd for a generic game and a
   * complete path). The equilibria are collected over every attempt (see `payoffNoise`).
   */
  readonly crossings: number;
  /** Predictor–corrector steps and jumps along linear pieces, over all attempts. */
  readonly steps: number;
  /** Whether the path was followed to its end (λ → −∞) within `maxSeconds` and `maxSteps`. */
  readonly complete: boolean;
  /** The payoff spread tolerances are relative to (see `payoffScale`). */
  readonly scale: number;
  /** The bonus vector g that was used (as given or drawn, before rescaling). */
  readonly perturbation: Float64Array;
  /**
   * 0 when the path of the game itself was followed; otherwise the size, relative to the payoff
   * spread, of the seeded payoff noise added to the last path followed, because the path of the
   * game itself stalled at a degenerate point (the equilibria are still refined on, and checked
   * against, the original game).
   */
  readonly payoffNoise: number;
}

/**
 * Relative payoff noise tried, in order, when the path stalls (0: the game itself), each with
 * the random stream it is drawn from.
 */
const NOISE_LEVELS: readonly (readonly [number, number])[] = [
  [0, 1],
  [1e-7, 1],
  [1e-4, 1],
  [1e-3, 2],
];
/** Residual of H accepted by the corrector (normalised payoffs, times 1 + |λ|). */
const PATH_TOLERANCE = 1e-11;
/** Newton iterations per corrector call. */
const MAX_CORRECTOR = 8;
/** First and largest arc-length steps (normalised units: payoff spread 1, max |g| = 1). */
const FIRST_STEP = 0.02;
const MAX_STEP = 0.5;
/** Least cosine of the angle between the tangents at the two ends of an accepted step. */
const MIN_TURN_COSINE = 0.9;
/** Below this step length the path is declared stalled. */
const MIN_STEP = 1e-13;
/** Two refined equilibria closer than this (max norm) are the same. */
const DUPLICATE_TOLERANCE = 1e-8;
/** An unrefined crossing this close (max norm) to another point found is not reported again. */
const UNREFINED_SAME = 1e-6;
/** |λ| at or below this counts as λ = 0 when counting crossings. */
const ZERO_BAND = 1e-10;
/** A step ends on a piece's boundary when the constraint is within this of 0. */
const EVENT_TOLERANCE = 1e-11;
/** How far a piece's constraint may be violated before a step counts as leaving the piece. */
const EVENT_DETECTION = 1e-9;
/** A second constraint this close to 0 where the support changes makes the point degenerate. */
const DEGENERATE_TOLERANCE = 1e-9;

/**
 * Nash equilibria of a strategic game with any number of players by the global Newton method of
 * Govindan & Wilson: follow the equilibria of the game perturbed by a bonus λ·g from λ = +∞,
 * where they are unique, down to λ = −∞; every crossing of λ = 0 is an equilibrium.
 *
 * Method. Let V(σ) ∈ ℝˢ be the strategy payoffs (Vᵢⱼ(σ) = uᵢ(j, σ₋ᵢ); S strategies in all) and
 * r the retraction of ℝˢ onto the product of simplices, r(z)ᵢⱼ = max(zᵢⱼ − vᵢ, 0) with vᵢ such
 * that player i's entries sum to 1. By the Kohlberg–Mertens structure theorem, σ is an
 * equilibrium of the game with payoffs V + λg iff z = σ + V(σ) + λg satisfies
 *
 *   H(z, λ) = z − r(z) − V(r(z)) − λg = 0,   and then σ = r(z).
 *
 * For λ above the largest kink, the profile in which each player plays its largest gᵢⱼ is the
 * unique solution; for a generic g the solutions form a piecewise-smooth curve from there to the
 * unique solution at λ = −∞. On each piece (fixed supports Tᵢ of r(z)) the Jacobian is
 * H_z = I − (I + DV)·Dr, where Dr is block diagonal with blocks I − 𝟏𝟏ᵀ/|Tᵢ| on the supports
 * and 0 elsewhere; there r(z)ᵢⱼ = zᵢⱼ − (Σ_{k∈Tᵢ} zᵢₖ − 1)/|Tᵢ| is affine and H a polynomial.
 * Each piece is followed by Euler prediction and Newton correction on the bordered system
 * [H_z, −g; tᵀ] with that piece's (support-restricted) Jacobian. A step that leaves the piece
 * (some σᵢⱼ < 0 on the support, or some zᵢₖ > vᵢ off it; a cubic Hermite check on the
 * constraints also catches a boundary crossed and re-crossed within one step) is shortened by
 * a secant search until it ends on the boundary, where the strategy leaves or joins the support.
 * The oriented tangent is the cofactor vector (adj(H_z)·g, det H_z) times a fixed sign (−1, so
 * that λ falls at the start, where H_z = I). That vector keeps its component across every
 * support boundary, so the orientation survives the kinks, and it turns λ back up where
 * det H_z changes sign. On pieces where every support is a single strategy the curve is a
 * straight line and is jumped along to its next kink. Each change of sign of λ is located by
 * Newton's method on H(·, 0) and refined with {@link refineEquilibrium}; in a generic game the
 * path crosses λ = 0 an odd number of times. Steps are rejected when the tangent turns by more
 * than about 25° or the corrector moves far, so as not to jump to another branch.
 *
 * Degenerate games. Where two boundaries meet at one point of the path (ties in the payoffs,
 * e.g. all payoffs equal, or a kink exactly at λ = 0) the path is not a manifold and is declared
 * stalled; it is then followed again for the game plus seeded uniform payoff noise of 10⁻⁷, 10⁻⁴
 * and 10⁻³ of the payoff spread (the last from a fresh stream), and the crossings found are
 * still refined on, and checked against, the original game. Stalls, `maxSteps` and `maxSeconds`
 * always end the run, so it never hangs.
 *
 * Source: S. Govindan & R. Wilson (2003), "A global Newton method to compute Nash equilibria",
 * Journal of Economic Theory 110, 65–86; E. Kohlberg & J.-F. Mertens (1986), "On the strategic
 * stability of equilibria", Econometrica 54 (the structure theorem); E. Allgower & K. Georg
 * (1990), "Numerical Continuation Methods", §2–3 (predictor–corrector, orientation). Written from
 * these descriptions.
 *
 * @param game - a strategic game with at least one player and one strategy per player
 * @param options - see {@link GlobalNewtonOptions}
 * @returns the equilibria found, crossings that failed refinement, the number of crossings and
 * steps, whether the path was completed, the scale, g and the payoff noise used
 * @throws {LinkageError} E_DOMAIN when the game has no players, a player has no strategies, an
 * option is invalid, or `perturbation` has the wrong length, a non-finite entry or a tie for a
 * player's largest or smallest entry
 * @example
 * const pennies = strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]]);
 * globalNewton(pennies).equilibria[0]!.profile; // => ≈ Float64Array [0.5, 0.5, 0.5, 0.5]
 */
export function globalNewton(
  game: StrategicGame,
  options: GlobalNewtonOptions = {},
): GlobalNewtonResult {
  const seed = options.seed ?? 0;
  const maxSeconds = options.maxSeconds ?? 10;
  const maxSteps = options.maxSteps ?? 100_000;
  const tolerance = options.tolerance ?? 1e-12;
  if (game.players.length === 0)
    throw new LinkageError("E_DOMAIN", "global Newton: the game has no players");
  game.strategies.forEach((s, p) => {
    if (s.length === 0)
      throw new LinkageError("E_DOMAIN", `global Newton: player ${p + 1} has no strategies`);
  });
  if (!(maxSeconds >= 0))
    throw new LinkageError("E_DOMAIN", `global Newton: maxSeconds must be ≥ 0, got ${maxSeconds}`);
  if (!(Number.isInteger(maxSteps) && maxSteps >= 1))
    throw new LinkageError("E_DOMAIN", `global Newton: maxSteps must be a positive integer`);
  if (!(tolerance > 0))
    throw new LinkageError("E_DOMAIN", `global Newton: tolerance must be > 0, got ${tolerance}`);
  const offset = strategyOffsets(game);
  const n = game.players.length;
  const g = bonusVector(options.perturbation, seed, offset, n);
  const scale = payoffScale(game);
  const deadline = Date.now() + maxSeconds * 1000;

  const equilibria: GlobalNewtonEquilibrium[] = [];
  const unrefined: GlobalNewtonEquilibrium[] = [];
  const known = (profile: Float64Array): boolean =>
    equilibria.some((e) => maxDistance(e.profile, profile) <= DUPLICATE_TOLERANCE);
  const record = (sigma: Float64Array): void => {
    const refined = refineEquilibrium(game, onSimplices(sigma, offset, n), { tolerance });
    const profile = onSimplices(refined.profile, offset, n);
    const mixed = game.strategies.map((_, p) => profile.subarray(offset[p]!, offset[p + 1]!));
    const found = { profile, regret: strategicRegret(game, mixed).max };
    if (found.regret <= tolerance * scale) {
      if (!known(profile)) equilibria.push(found);
    } else if (!unrefined.some((e) => maxDistance(e.profile, found.profile) <= UNREFINED_SAME)) {
      unrefined.push(found);
    }
  };

  let steps = 0;
  let crossings = 0;
  let complete = false;
  let payoffNoise = 0;
  for (const [noise, stream] of NOISE_LEVELS) {
    // no budget left for another attempt: report the last path that was actually followed
    if (noise > 0 && (steps >= maxSteps || Date.now() >= deadline)) break;
    payoffNoise = noise;
    const path = new GnmPath(normalisedGame(game, scale, noise, seed, stream), offset, g);
    const outcome = path.run(deadline, maxSteps - steps);
    steps += outcome.steps;
    crossings = outcome.crossings;
    for (const sigma of outcome.points) record(sigma);
    if (outcome.status === "complete") {
      complete = true;
      break;
    }
    if (outcome.status !== "stalled") break;
  }
  // a crossing that failed refinement but equals a refined one is not worth reporting
  const stillUnrefined = unrefined.filter(
    (u) => !equilibria.some((e) => maxDistance(e.profile, u.profile) <= UNREFINED_SAME),
  );
  return {
    equilibria,
    unrefined: stillUnrefined,
    crossings,
    steps,
    complete,
    scale,
    perturbation: g.original,
    payoffNoise,
  };
}

/** Rounding clean-up: negative entries to 0, then each player's block divided by its sum. */
function onSimplices(profile: Float64Array, offset: Int32Array, n: number): Float64Array {
  const out = new Float64Array(profile.length);
  for (let p = 0; p < n; p++) {
    let sum = 0;
    for (let k = offset[p]!; k < offset[p + 1]!; k++) {
      out[k] = Math.max(0, profile[k]!);
      sum += out[k]!;
    }
    for (let k = offset[p]!; k < offset[p + 1]!; k++)
      out[k] = sum > 0 ? out[k]! / sum : 1 / (offset[p + 1]! - offset[p]!);
  }
  return out;
}

function maxDistance(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let k = 0; k < a.length; k++) d = Math.max(d, Math.abs(a[k]! - b[k]!));
  return d;
}

/** The bonus vector: as given or drawn, checked, and rescaled to max |g| = 1. */
function bonusVector(
  given: ArrayLike<number> | undefined,
  seed: number,
  offset: Int32Array,
  n: number,
): { original: Float64Array; unit: Float64Array } {
  const size = offset[n]!;
  let original: Float64Array;
  if (given) {
    if (given.length !== size)
      throw new LinkageError(
        "E_DOMAIN",
        `global Newton: perturbation has ${given.length} entries, the game has ${size} strategies`,
      );
    original = Float64Array.from(given);
  } else {
    const stream = randomStream(seed, 0);
    original = new Float64Array(size);
    for (let k = 0; k < size; k++) original[k] = stream.next();
  }
  let big = 0;
  for (let k = 0; k < size; k++) {
    if (!Number.isFinite(original[k]!))
      throw new LinkageError("E_DOMAIN", `global Newton: perturbation[${k}] is not finite`);
    big = Math.max(big, Math.abs(original[k]!));
  }
  for (let p = 0; p < n; p++) {
    const lo = offset[p]!;
    const hi = offset[p + 1]!;
    if (hi - lo < 2) continue;
    const sorted = Array.from(original.subarray(lo, hi)).sort((a, b) => a - b);
    if (sorted[0] === sorted[1] || sorted[hi - lo - 1] === sorted[hi - lo - 2])
      throw new LinkageError(
        "E_DOMAIN",
        `global Newton: perturbation must have a unique largest and smallest entry for player ${p + 1}`,
      );
  }
  const unit = new Float64Array(size);
  if (big > 0) for (let k = 0; k < size; k++) unit[k] = original[k]! / big;
  return { original, unit };
}

/** The game with payoffs divided by `scale`, plus uniform noise of size `noise` (stream `index`). */
function normalisedGame(
  game: StrategicGame,
  scale: number,
  noise: number,
  seed: number,
  index: number,
): StrategicGame {
  const payoffs = new Float64Array(game.payoffs.length);
  const stream = randomStream(seed, index);
  for (let k = 0; k < payoffs.length; k++) {
    payoffs[k] = game.payoffs[k]! / scale + (noise > 0 ? noise * (stream.next() - 0.5) : 0);
  }
  return { ...game, payoffs, exactPayoffs: null, outcomes: null };
}

type PathStatus = "complete" | "stalled" | "timeout" | "steps";

interface PathOutcome {
  readonly status: PathStatus;
  readonly steps: number;
  /** σ at each arrival at λ = 0. */
  readonly points: Float64Array[];
  /** Sign changes of λ. */
  readonly crossings: number;
}

/**
 * The solution curve of H(z, λ) = 0 for one (normalised) game and bonus vector, followed piece
 * by piece. Points are x = (z, λ) ∈ ℝˢ⁺¹, z first. On a piece with supports T the retraction is
 * the affine map σ_T(z)ᵢⱼ = zᵢⱼ − vᵢ (j ∈ Tᵢ), vᵢ = (Σ_{j∈Tᵢ} zᵢⱼ − 1)/|Tᵢ|, so H is a
 * polynomial there; the piece ends where some σᵢⱼ (j ∈ Tᵢ) reaches 0 or some zᵢₖ (k ∉ Tᵢ)
 * reaches vᵢ, and the support changes accordingly.
 */
class GnmPath {
  private readonly n: number;
  private readonly size: number;
  private readonly g: Float64Array;
  private readonly sigma: Float64Array;
  private readonly values: Float64Array;
  private readonly second: Float64Array;
  private readonly threshold: Float64Array;
  private readonly inSupport: Uint8Array;
  private readonly supportSize: Int32Array;
  private readonly playerOf: Int32Array;
  private readonly residual: Float64Array;
  private readonly jacobian: Float64Array;
  private readonly bordered: Float64Array;
  private readonly rhs: Float64Array;

  constructor(
    private readonly game: StrategicGame,
    private readonly offset: Int32Array,
    bonus: { unit: Float64Array },
  ) {
    this.n = game.players.length;
    this.size = offset[this.n]!;
    const s = this.size;
    this.g = bonus.unit;
    this.sigma = new Float64Array(s);
    this.values = new Float64Array(s);
    this.second = new Float64Array(s * s);
    this.threshold = new Float64Array(this.n);
    this.inSupport = new Uint8Array(s);
    this.supportSize = new Int32Array(this.n);
    this.playerOf = new Int32Array(s);
    for (let p = 0; p < this.n; p++) this.playerOf.fill(p, offset[p]!, offset[p + 1]!);
    this.residual = new Float64Array(s);
    this.jacobian = new Float64Array(s * s);
    this.bordered = new Float64Array((s + 1) * (s + 1));
    this.rhs = new Float64Array(s + 1);
  }

  /**
   * Follows the path from λ = +∞ to λ = −∞; returns σ where it reaches λ = 0 and the number of
   * sign changes of λ. |λ| ≤ ZERO_BAND counts as 0, so a piece lying in λ = 0 (degenerate games)
   * gives one point, not one per rounding flutter.
   */
  run(deadline: number, stepBudget: number): PathOutcome {
    const s = this.size;
    const points: Float64Array[] = [];
    let crossings = 0;
    let sign = 1;
    let inBand = false;
    const passed = (x0: Float64Array, x1: Float64Array): void => {
      const l1 = x1[s]!;
      if (Math.abs(l1) <= ZERO_BAND) {
        if (!inBand) points.push(this.crossing(x0, x1));
        inBand = true;
        return;
      }
      const s1 = l1 > 0 ? 1 : -1;
      if (s1 !== sign) {
        if (!inBand) points.push(this.crossing(x0, x1));
        crossings++;
      }
      inBand = false;
      sign = s1;
    };
    let steps = 0;
    const done = (status: PathStatus): PathOutcome => ({ status, steps, points, crossings });
    // start: each player's largest g, above every kink of that pure piece
    const x = new Float64Array(s + 1);
    for (let p = 0; p < this.n; p++) {
      let arg = this.offset[p]!;
      for (let k = arg; k < this.offset[p + 1]!; k++) if (this.g[k]! > this.g[arg]!) arg = k;
      x[arg] = 1;
      this.inSupport[arg] = 1;
      this.supportSize[p] = 1;
    }
    strategyPayoffs(this.game, this.offset, x.subarray(0, s), this.values);
    const lambda0 = Math.max(0, this.pureKink(x.subarray(0, s)).lambda) + 1;
    for (let k = 0; k < s; k++) x[k] = x[k]! + this.values[k]! + lambda0 * this.g[k]!;
    x[s] = lambda0;
    let tangent: Float64Array = new Float64Array(s + 1);
    this.pureTangent(tangent);
    let h = FIRST_STEP;
    const trial = new Float64Array(s + 1);
    const previous = new Float64Array(s + 1);
    const start = new Float64Array(s);
    const startRate = new Float64Array(s);
    const end = new Float64Array(s);
    const endRate = new Float64Array(s);
    let idleSwitches = 0;
    this.evaluate(x, true);
    while (true) {
      if (steps >= stepBudget) return done("steps");
      if ((steps & 15) === 0 && Date.now() > deadline) return done("timeout");
      steps++;
      if (this.allPure()) {
        // a straight piece: σ and V are constant, z = σ + V + λg, and λ falls (det H_z = 1)
        const sigma = this.sigma.slice();
        const kink = this.pureKink(sigma);
        const target: number =
          kink.index < 0 ? Math.min(x[s]!, 0) - 1 : Math.min(kink.lambda, x[s]!);
        previous.set(x);
        for (let k = 0; k < s; k++) x[k] = sigma[k]! + this.values[k]! + target * this.g[k]!;
        x[s] = target;
        passed(previous, x);
        if (kink.index < 0) return done("complete");
        if (!this.switchSupport(x, kink.index)) return done("stalled");
        const turned = this.tangentAt(tangent);
        if (!turned || !this.entersPiece(kink.index, turned)) return done("stalled");
        tangent = turned;
        h = FIRST_STEP;
        continue;
      }
      // predictor–corrector step on the current piece, shortened to end on its boundary
      // constraint values and rates at x, for spotting a boundary crossed and re-crossed in a step
      this.evaluate(x, false);
      this.constraintValues(x, start);
      this.constraintRates(tangent, startRate);
      let event = -1;
      let low = 0;
      let lowValue = 0;
      let high = Number.NaN;
      let highValue = Number.NaN;
      let accepted = -1;
      let t1: Float64Array | null = null;
      for (let tries = 0; tries < 100 && accepted < 0; tries++) {
        if (h < MIN_STEP * (1 + Math.abs(x[s]!))) return done("stalled");
        for (let k = 0; k <= s; k++) trial[k] = x[k]! + h * tangent[k]!;
        const iterations = this.correct(trial, tangent, h);
        t1 = iterations < 0 ? null : this.tangentAt(tangent);
        // the tangent may turn only a little over a step, and never back along it: otherwise the
        // corrector may have jumped to another branch
        let forward = 0;
        let turn = 0;
        if (t1) {
          for (let k = 0; k <= s; k++) {
            forward += (trial[k]! - x[k]!) * t1[k]!;
            turn += tangent[k]! * t1[k]!;
          }
        }
        if (!t1 || !(forward > 0) || !(turn >= MIN_TURN_COSINE)) {
          high = h;
          highValue = Number.NaN;
          h = event < 0 ? h / 2 : (low + h) / 2;
          continue;
        }
        const worst = this.mostViolated(trial);
        this.constraintValues(trial, end);
        this.constraintRates(t1, endRate);
        const dip = hermiteDip(start, startRate, end, endRate, h);
        if (dip > 0) {
          h = dip;
          event = -1;
          low = 0;
          high = Number.NaN;
          continue;
        }
        if (event < 0 && worst.value >= -EVENT_DETECTION) {
          accepted = iterations;
          break;
        }
        if (worst.value < -EVENT_DETECTION && worst.index !== event) {
          // the step left the piece (first, or through an earlier boundary): search again from x
          event = worst.index;
          this.evaluate(x, false);
          lowValue = this.constraint(x, event);
          low = 0;
          high = Number.NaN;
        }
        const value = this.constraintAt(trial, event);
        if (Math.abs(value) <= EVENT_TOLERANCE && worst.value >= -EVENT_DETECTION) {
          accepted = iterations;
          break;
        }
        if (value > EVENT_TOLERANCE) {
          low = h;
          lowValue = value;
        } else {
          high = h;
          highValue = value;
        }
        // x itself on this boundary (the piece was just entered through it): look for a point
        // inside first, by bisection, so that the search does not return to x
        const secant =
          low === 0 && lowValue <= EVENT_DETECTION
            ? Number.NaN
            : low - (lowValue * (high - low)) / (highValue - lowValue);
        h = Number.isFinite(secant) && secant > low && secant < high ? secant : (low + high) / 2;
      }
      if (accepted < 0 || !t1) return done("stalled");
      previous.set(x);
      x.set(trial);
      passed(previous, x);
      if (event >= 0 && Math.abs(this.constraintAt(x, event)) <= EVENT_TOLERANCE) {
        if (!this.switchSupport(x, event)) return done("stalled");
        const turned = this.tangentAt(t1);
        if (!turned || !this.entersPiece(event, turned)) return done("stalled");
        tangent = turned;
        if (h <= 1e-9 && ++idleSwitches > 4 * s) return done("stalled");
        h = Math.max(h, FIRST_STEP);
      } else {
        this.evaluate(x, true);
        tangent = t1;
        idleSwitches = 0;
        if (accepted <= 2) h = Math.min(2 * h, MAX_STEP);
        else if (accepted >= 5) h *= 0.5;
      }
    }
  }

  /** σ = σ_T(z) on the current supports, V(σ), H and (optionally) the Jacobian H_z. */
  private evaluate(x: Float64Array, withJacobian: boolean): number {
    const s = this.size;
    const lambda = x[s]!;
    for (let p = 0; p < this.n; p++) {
      let sum = 0;
      for (let k = this.offset[p]!; k < this.offset[p + 1]!; k++)
        if (this.inSupport[k]) sum += x[k]!;
      this.threshold[p] = (sum - 1) / this.supportSize[p]!;
    }
    for (let k = 0; k < s; k++)
      this.sigma[k] = this.inSupport[k] ? x[k]! - this.threshold[this.playerOf[k]!]! : 0;
    strategyPayoffs(
      this.game,
      this.offset,
      this.sigma,
      this.values,
      withJacobian ? this.second : null,
    );
    let worst = 0;
    for (let k = 0; k < s; k++) {
      const r = x[k]! - this.sigma[k]! - this.values[k]! - lambda * this.g[k]!;
      this.residual[k] = r;
      worst = Math.max(worst, Math.abs(r));
    }
    if (withJacobian) this.fillJacobian();
    return worst;
  }

  /**
   * The piece's constraint for strategy k at the point last evaluated: σₖ ≥ 0 when k is in the
   * support (and its player has another), vᵢ − zₖ ≥ 0 when it is not.
   */
  private constraint(x: Float64Array, k: number): number {
    const p = this.playerOf[k]!;
    if (this.inSupport[k])
      return this.supportSize[p]! > 1 ? this.sigma[k]! : Number.POSITIVE_INFINITY;
    return this.threshold[p]! - x[k]!;
  }

  private constraintAt(x: Float64Array, k: number): number {
    this.evaluate(x, false);
    return this.constraint(x, k);
  }

  /** Every strategy's constraint value at the point last evaluated (x), into `out`. */
  private constraintValues(x: Float64Array, out: Float64Array): void {
    for (let k = 0; k < this.size; k++) out[k] = this.constraint(x, k);
  }

  /** The rate of change of every constraint along direction d (they are linear in z). */
  private constraintRates(d: Float64Array, out: Float64Array): void {
    for (let p = 0; p < this.n; p++) {
      let mean = 0;
      for (let k = this.offset[p]!; k < this.offset[p + 1]!; k++)
        if (this.inSupport[k]) mean += d[k]!;
      mean /= this.supportSize[p]!;
      for (let k = this.offset[p]!; k < this.offset[p + 1]!; k++)
        out[k] = this.inSupport[k] ? d[k]! - mean : mean - d[k]!;
    }
  }

  /** The smallest constraint value at x (evaluates x) and its strategy. */
  private mostViolated(x: Float64Array): { value: number; index: number } {
    this.evaluate(x, false);
    let value = Number.POSITIVE_INFINITY;
    let index = -1;
    for (let k = 0; k < this.size; k++) {
      const c = this.constraint(x, k);
      if (c < value) {
        value = c;
        index = k;
      }
    }
    return { value, index };
  }

  /**
   * Adds k to, or removes it from, its player's support and evaluates x with the Jacobian; false
   * when that is impossible or another constraint is tight too (degenerate).
   */
  private switchSupport(x: Float64Array, k: number): boolean {
    const p = this.playerOf[k]!;
    if (this.inSupport[k]) {
      if (this.supportSize[p]! <= 1) return false;
      this.inSupport[k] = 0;
      this.supportSize[p] = this.supportSize[p]! - 1;
    } else {
      this.inSupport[k] = 1;
      this.supportSize[p] = this.supportSize[p]! + 1;
    }
    this.evaluate(x, true);
    // another constraint tight at the same point: a degenerate vertex where several pieces meet
    for (let l = 0; l < this.size; l++)
      if (l !== k && Math.abs(this.constraint(x, l)) <= DEGENERATE_TOLERANCE) return false;
    return true;
  }

  /**
   * Whether the tangent leads into the piece just entered through strategy k's boundary: σₖ
   * grows when k was added, zₖ − vᵢ falls when it was removed (fails only in degenerate games).
   */
  private entersPiece(k: number, tangent: Float64Array): boolean {
    const p = this.playerOf[k]!;
    let mean = 0;
    for (let l = this.offset[p]!; l < this.offset[p + 1]!; l++)
      if (this.inSupport[l]) mean += tangent[l]!;
    mean /= this.supportSize[p]!;
    const rate = tangent[k]! - mean;
    return this.inSupport[k] ? rate > 0 : rate < 0;
  }

  /**
   * H_z = I − (I + DV)·Dr: column k on player i's support is eₖ − (W·eₖ − mean of W's support
   * columns), W = I + DV; other columns are eₖ.
   */
  private fillJacobian(): void {
    const s = this.size;
    const a = this.jacobian;
    const d = this.second;
    a.fill(0);
    for (let k = 0; k < s; k++) a[k * s + k] = 1;
    for (let p = 0; p < this.n; p++) {
      const lo = this.offset[p]!;
      const hi = this.offset[p + 1]!;
      const t = this.supportSize[p]!;
      for (let r = 0; r < s; r++) {
        let mean = 0;
        for (let l = lo; l < hi; l++) {
          if (this.inSupport[l]) mean += (r === l ? 1 : 0) + d[r * s + l]!;
        }
        mean /= t;
        for (let k = lo; k < hi; k++) {
          if (!this.inSupport[k]) continue;
          a[r * s + k] = -d[r * s + k]! + mean;
        }
      }
    }
  }

  private allPure(): boolean {
    for (let p = 0; p < this.n; p++) if (this.supportSize[p]! !== 1) return false;
    return true;
  }

  /** The oriented tangent on a pure piece: −(g, 1), normalised. */
  private pureTangent(out: Float64Array): void {
    const s = this.size;
    const length = Math.hypot(1, norm(this.g));
    for (let k = 0; k < s; k++) out[k] = -this.g[k]! / length;
    out[s] = -1 / length;
  }

  /**
   * The end of the straight piece of the pure profile `sigma` (with V = this.values at it): the
   * largest λ at which a strategy k ties with the played j, Vᵢₖ − Vᵢⱼ + λ(gᵢₖ − gᵢⱼ) = 0 with
   * gᵢₖ < gᵢⱼ, and that strategy; index −1 when there is none (the piece goes to λ = −∞).
   */
  private pureKink(sigma: Float64Array): { lambda: number; index: number } {
    let lambda = Number.NEGATIVE_INFINITY;
    let index = -1;
    for (let p = 0; p < this.n; p++) {
      let j = this.offset[p]!;
      for (let k = j; k < this.offset[p + 1]!; k++) if (sigma[k]! > sigma[j]!) j = k;
      for (let k = this.offset[p]!; k < this.offset[p + 1]!; k++) {
        const dg = this.g[k]! - this.g[j]!;
        if (k === j || !(dg < 0)) continue;
        const root = (this.values[k]! - this.values[j]!) / -dg;
        if (root > lambda) {
          lambda = root;
          index = k;
        }
      }
    }
    return { lambda, index };
  }

  /**
   * Newton's method on H = 0 within the hyperplane tᵀ(x − x_predicted) = 0, in place. Returns the
   * iterations used, or −1 when it fails (singular, diverging, or too far from the prediction).
   */
  private correct(x: Float64Array, tangent: Float64Array, h: number): number {
    const s = this.size;
    let previous = Number.POSITIVE_INFINITY;
    let moved = 0;
    for (let iteration = 0; iteration <= MAX_CORRECTOR; iteration++) {
      const worst = this.evaluate(x, true);
      if (!Number.isFinite(worst)) return -1;
      if (worst <= PATH_TOLERANCE * (1 + Math.abs(x[s]!))) return iteration;
      if (iteration === MAX_CORRECTOR) return -1;
      this.fillBordered(tangent);
      for (let k = 0; k < s; k++) this.rhs[k] = -this.residual[k]!;
      this.rhs[s] = 0;
      if (luSolve(this.bordered, this.rhs, s + 1) === 0) return -1;
      const step = norm(this.rhs);
      if (step > 0.5 * previous && iteration > 0) return -1;
      moved += step;
      if (moved > 0.5 * h + 1e-12) return -1;
      previous = step;
      for (let k = 0; k <= s; k++) x[k] = x[k]! + this.rhs[k]!;
    }
    return -1;
  }

  /** [H_z, −g; wᵀ] into the bordered buffer (uses the current Jacobian). */
  private fillBordered(w: Float64Array): void {
    const s = this.size;
    const b = this.bordered;
    for (let r = 0; r < s; r++) {
      for (let c = 0; c < s; c++) b[r * (s + 1) + c] = this.jacobian[r * s + c]!;
      b[r * (s + 1) + s] = -this.g[r]!;
    }
    for (let c = 0; c <= s; c++) b[s * (s + 1) + c] = w[c]!;
  }

  /**
   * The oriented unit tangent at the point last evaluated (with the Jacobian): solve
   * [H_z, −g; wᵀ]·y = e_last; the cofactor tangent (adj(H_z)·g, det H_z) is det·y, and the
   * orientation is −sign(det)·y. Null when the bordered matrix is singular for every w tried.
   */
  private tangentAt(previous: Float64Array): Float64Array | null {
    const s = this.size;
    const candidates = [previous];
    for (let c = s; c >= 0 && candidates.length < 4; c--) {
      const e = new Float64Array(s + 1);
      e[c] = 1;
      candidates.push(e);
    }
    for (const w of candidates) {
      this.fillBordered(w);
      this.rhs.fill(0);
      this.rhs[s] = 1;
      const sign = luSolve(this.bordered, this.rhs, s + 1);
      if (sign === 0) continue;
      const length = norm(this.rhs);
      if (!(length > 0 && Number.isFinite(length))) continue;
      const out = new Float64Array(s + 1);
      for (let k = 0; k <= s; k++) out[k] = (-sign * this.rhs[k]!) / length;
      return out;
    }
    return null;
  }

  /**
   * σ where the segment x0 → x1 (on the current piece) reaches λ = 0: linear interpolation, then
   * Newton's method on H(z, 0) = 0 on the piece, kept when it converges to a profile.
   */
  private crossing(x0: Float64Array, x1: Float64Array): Float64Array {
    const s = this.size;
    const theta = x0[s]! === x1[s]! ? 1 : x0[s]! / (x0[s]! - x1[s]!);
    const x = new Float64Array(s + 1);
    for (let k = 0; k < s; k++) x[k] = x0[k]! + theta * (x1[k]! - x0[k]!);
    this.evaluate(x, false);
    const fallback = this.sigma.slice();
    const a = new Float64Array(s * s);
    const b = new Float64Array(s);
    for (let iteration = 0; iteration < 12; iteration++) {
      const worst = this.evaluate(x, true);
      if (worst <= 1e-14) break;
      a.set(this.jacobian);
      for (let k = 0; k < s; k++) b[k] = -this.residual[k]!;
      if (luSolve(a, b, s) === 0) break;
      for (let k = 0; k < s; k++) x[k] = x[k]! + b[k]!;
    }
    const worst = this.evaluate(x, false);
    let inside = true;
    for (let k = 0; k < s; k++) if (this.sigma[k]! < -1e-9) inside = false;
    const result = worst <= 1e-10 && inside ? this.sigma.slice() : fallback;
    this.evaluate(x1, true);
    return result;
  }
}

/**
 * The first of 15 interior points of [0, h] at which the cubic Hermite interpolant of some
 * constraint (values c0, c1 and rates r0, r1 at the ends, both ends feasible) is negative: the
 * step probably crossed that boundary and came back. −1 when there is none.
 */
function hermiteDip(
  c0: Float64Array,
  r0: Float64Array,
  c1: Float64Array,
  r1: Float64Array,
  h: number,
): number {
  for (let m = 1; m < 16; m++) {
    const u = m / 16;
    const a = (1 + 2 * u) * (1 - u) * (1 - u);
    const b = u * (1 - u) * (1 - u) * h;
    const c = u * u * (3 - 2 * u);
    const d = u * u * (u - 1) * h;
    for (let k = 0; k < c0.length; k++) {
      if (!(c0[k]! >= -EVENT_DETECTION && c1[k]! >= -EVENT_DETECTION)) continue;
      if (c0[k]! === Number.POSITIVE_INFINITY || c1[k]! === Number.POSITIVE_INFINITY) continue;
      if (a * c0[k]! + b * r0[k]! + c * c1[k]! + d * r1[k]! < -EVENT_DETECTION) return u * h;
    }
  }
  return -1;
}

/**
 * Solves A·y = b in place (A m × m row-major, destroyed; b overwritten with y) by Gaussian
 * elimination with partial pivoting. Returns the sign of det A, or 0 when a pivot is negligible
 * (at most 1e-14 of A's largest entry).
 */
function luSolve(a: Float64Array, b: Float64Array, m: number): number {
  let big = 0;
  for (let k = 0; k < m * m; k++) big = Math.max(big, Math.abs(a[k]!));
  return solveInPlace(a, b, m, 1e-14 * Math.max(big, 1e-300));
}
