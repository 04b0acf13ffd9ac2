import { LinkageError } from "../errors/LinkageError.js";
import { profileCount, type StrategicGame } from "../games/strategicGame.js";
import { solveInPlace } from "../math/solveLinearSystem.js";
import { strategicRegret } from "./regret.js";

/** Options of {@link refineEquilibrium}. */
export interface RefineEquilibriumOptions {
  /** Target regret relative to the payoff spread (see {@link payoffScale}). @default 1e-12 */
  readonly tolerance?: number;
}

/** The result of {@link refineEquilibrium}. */
export interface RefinedEquilibrium {
  /** Mixed profile, player by player (Gambit's order). */
  readonly profile: Float64Array;
  /** Its regret (`strategicRegret(...).max`), in payoff units. */
  readonly regret: number;
  /** Whether `regret ≤ tolerance × scale`. */
  readonly converged: boolean;
  /** Whether the profile is a solution of a support system (false: the input, returned as is). */
  readonly refined: boolean;
  /** The supports of the refined profile (per player, strategy indices), or null when not refined. */
  readonly supports: readonly (readonly number[])[] | null;
}

/**
 * The scale of a game's payoffs: the spread max − min over the whole table, or, when every payoff
 * is equal, max(1, |payoff|). Regret tolerances are relative to it.
 * @example payoffScale(strategicGameFromTables([2, 2], [[3, 5, 0, 1], [3, 0, 5, 1]])) // => 5
 */
export function payoffScale(game: StrategicGame): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const x of game.payoffs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (!(hi >= lo)) return 1;
  return hi > lo ? hi - lo : Math.max(1, Math.abs(hi));
}

/** Strategy offsets: player p's strategies are entries offset[p] … offset[p+1] − 1 of a profile. */
export function strategyOffsets(game: StrategicGame): Int32Array {
  const offset = new Int32Array(game.players.length + 1);
  game.strategies.forEach((s, p) => {
    offset[p + 1] = offset[p]! + s.length;
  });
  return offset;
}

/**
 * Expected payoff of every pure strategy against the others' mixture, u_ij(σ₋ᵢ), and optionally
 * the second derivatives ∂u_ij/∂σ_kl (k ≠ i; the payoff when i plays j, k plays l and the rest
 * mix), written row-major into `second` (size S × S, S = total strategies; zero for k = i).
 * One pass over the payoff table, O(Π nᵢ · n²) (O(Π nᵢ · n³) with the derivatives).
 */
export function strategyPayoffs(
  game: StrategicGame,
  offset: Int32Array,
  sigma: Float64Array,
  out: Float64Array,
  second: Float64Array | null = null,
): void {
  const n = game.players.length;
  const size = offset[n]!;
  out.fill(0);
  second?.fill(0);
  const digits = new Int32Array(n);
  const total = profileCount(game);
  const payoffs = game.payoffs;
  const prob = new Float64Array(n);
  for (let k = 0; k < total; k++) {
    for (let p = 0; p < n; p++) prob[p] = sigma[offset[p]! + digits[p]!]!;
    for (let i = 0; i < n; i++) {
      const a = payoffs[k * n + i]!;
      if (a !== 0) {
        const row = offset[i]! + digits[i]!;
        let w = 1;
        for (let q = 0; q < n; q++) if (q !== i) w *= prob[q]!;
        out[row] = out[row]! + w * a;
        if (second) {
          for (let r = 0; r < n; r++) {
            if (r === i) continue;
            let w2 = a;
            for (let q = 0; q < n; q++) if (q !== i && q !== r) w2 *= prob[q]!;
            const index = row * size + offset[r]! + digits[r]!;
            second[index] = second[index]! + w2;
          }
        }
      }
    }
    for (let p = 0; p < n; p++) {
      if (++digits[p]! < game.strategies[p]!.length) break;
      digits[p] = 0;
    }
  }
}

/** Probability thresholds and payoff gaps (× scale) tried when guessing supports. */
const SUPPORT_GUESSES: readonly (readonly [number, number])[] = [
  [1e-9, 1e-6],
  [1e-6, 1e-4],
  [1e-4, 1e-3],
  [1e-3, 1e-2],
  [1e-12, 1e-9],
  [1e-2, 5e-2],
  [1e-2, 0.25],
  [1e-2, Number.POSITIVE_INFINITY],
];
/** Newton iterations per support system. */
const MAX_NEWTON = 40;
/** Support adjustments (add a profitable strategy, drop a negative one) per guess. */
const MAX_ADJUSTMENTS = 6;

/**
 * Refines an approximate Nash equilibrium of a strategic game to one accurate to rounding, by
 * guessing its supports and solving the equilibrium conditions on them with Newton's method.
 *
 * Method: for a few pairs (probability threshold ε, payoff gap δ), player i's support guess is
 * Sᵢ = { j : σᵢⱼ > ε and maxₖ uᵢₖ(σ) − uᵢⱼ(σ) ≤ δ·scale } (its best strategy when that is empty).
 * On the supports the equilibrium conditions are the square polynomial system
 * uᵢⱼ(σ) − vᵢ = 0 for j ∈ Sᵢ and Σ_{j∈Sᵢ} σᵢⱼ = 1, with σᵢⱼ = 0 off the support; it is solved by
 * Newton's method from the input with the analytic Jacobian (payoffs are multilinear:
 * ∂uᵢⱼ/∂σₖₗ is the payoff of i playing j against k playing l and the rest mixing). A singular
 * Jacobian (duplicate strategies, continua of equilibria) falls back to a Levenberg–Marquardt
 * step, which takes the least-change solution. The solution is then checked: a support
 * probability below −1e-14 is dropped from the support, a strategy off the support that pays
 * more than vᵢ is added, and the system solved again (up to a few times); tiny negative
 * probabilities are clipped and every player's vector renormalised. Among all candidates the one
 * with the smallest `strategicRegret` is returned; when none beats the input, the input is.
 *
 * Sources: McKelvey & McLennan (1996), "Computation of equilibria in finite games", Handbook of
 * Computational Economics I, §3 (equilibria as solutions of support systems); Nocedal & Wright
 * (2006), "Numerical Optimization", §11.2 (Newton and Levenberg–Marquardt for equations).
 *
 * @param game - a strategic game with any number of players
 * @param profile - an approximate equilibrium, player by player (need not sum exactly to one)
 * @param options - see {@link RefineEquilibriumOptions}
 * @returns the best profile found, its regret and whether the tolerance is met
 * @throws {LinkageError} E_DOMAIN when the profile's length does not match the game
 * @example
 * const pennies = strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]]);
 * refineEquilibrium(pennies, Float64Array.of(0.49, 0.51, 0.52, 0.48)).profile;
 * // => Float64Array [0.5, 0.5, 0.5, 0.5]
 */
export function refineEquilibrium(
  game: StrategicGame,
  profile: ArrayLike<number>,
  options: RefineEquilibriumOptions = {},
): RefinedEquilibrium {
  const tolerance = options.tolerance ?? 1e-12;
  const offset = strategyOffsets(game);
  const n = game.players.length;
  const size = offset[n]!;
  if (profile.length !== size) {
    throw new LinkageError(
      "E_DOMAIN",
      `profile has ${profile.length} entries, the game has ${size} strategies`,
    );
  }
  const scale = payoffScale(game);
  const target = tolerance * scale;
  const input = Float64Array.from(profile);
  const inputRegret = regretOf(game, offset, input);
  let best: RefinedEquilibrium = {
    profile: input,
    regret: inputRegret,
    converged: inputRegret <= target,
    refined: false,
    supports: null,
  };
  if (best.converged) return best;

  const values = new Float64Array(size);
  strategyPayoffs(game, offset, input, values);
  const tried = new Set<string>();
  for (const [epsilon, delta] of SUPPORT_GUESSES) {
    let supports: number[][] = [];
    for (let p = 0; p < n; p++) {
      let top = Number.NEGATIVE_INFINITY;
      let arg = offset[p]!;
      for (let k = offset[p]!; k < offset[p + 1]!; k++) {
        if (values[k]! > top) {
          top = values[k]!;
          arg = k;
        }
      }
      const s: number[] = [];
      for (let k = offset[p]!; k < offset[p + 1]!; k++) {
        if (input[k]! > epsilon && top - values[k]! <= delta * scale) s.push(k);
      }
      supports.push(s.length > 0 ? s : [arg]);
    }
    for (let adjust = 0; adjust < MAX_ADJUSTMENTS; adjust++) {
      const key = supports.map((s) => s.join(",")).join("|");
      if (tried.has(key)) break;
      tried.add(key);
      const solution = solveSupportSystem(game, offset, supports, input, scale);
      if (!solution) break;
      const { sigma, v } = solution;
      // adjust: drop clearly negative probabilities, add strategies that beat v
      let changed = false;
      const next = supports.map((s) => s.filter((k) => sigma[k]! >= -1e-14));
      if (next.some((s) => s.length === 0)) break;
      if (next.some((s, p) => s.length !== supports[p]!.length)) changed = true;
      const clipped = clipAndNormalise(sigma, offset, n);
      if (!changed) {
        strategyPayoffs(game, offset, clipped, values);
        for (let p = 0; p < n; p++) {
          for (let k = offset[p]!; k < offset[p + 1]!; k++) {
            if (!next[p]!.includes(k) && values[k]! > v[p]! + target) {
              next[p]!.push(k);
              next[p]!.sort((a, b) => a - b);
              changed = true;
            }
          }
        }
        strategyPayoffs(game, offset, input, values);
      }
      const regret = regretOf(game, offset, clipped);
      if (regret < best.regret) {
        best = {
          profile: clipped,
          regret,
          converged: regret <= target,
          refined: true,
          supports: supports.map((s, p) => s.map((k) => k - offset[p]!)),
        };
        if (best.converged) return best;
      }
      if (!changed) break;
      supports = next;
    }
  }
  return best;
}

function regretOf(game: StrategicGame, offset: Int32Array, sigma: Float64Array): number {
  const mixed = game.strategies.map((_, p) => sigma.subarray(offset[p]!, offset[p + 1]!));
  return strategicRegret(game, mixed).max;
}

function clipAndNormalise(sigma: Float64Array, offset: Int32Array, n: number): Float64Array {
  const out = new Float64Array(sigma.length);
  for (let p = 0; p < n; p++) {
    let sum = 0;
    for (let k = offset[p]!; k < offset[p + 1]!; k++) {
      const x = Math.max(0, sigma[k]!);
      out[k] = x;
      sum += x;
    }
    if (sum > 0) for (let k = offset[p]!; k < offset[p + 1]!; k++) out[k] = out[k]! / sum;
    else
      for (let k = offset[p]!; k < offset[p + 1]!; k++) out[k] = 1 / (offset[p + 1]! - offset[p]!);
  }
  return out;
}

/**
 * Newton's method on the support system (see {@link refineEquilibrium}). Returns σ (zero off
 * the supports) and the values v, or null when the iteration diverges or leaves the box badly.
 */
function solveSupportSystem(
  game: StrategicGame,
  offset: Int32Array,
  supports: readonly (readonly number[])[],
  start: Float64Array,
  scale: number,
): { sigma: Float64Array; v: Float64Array } | null {
  const n = game.players.length;
  const size = offset[n]!;
  const index: number[] = supports.flat();
  const playerOf: number[] = supports.flatMap((s, p) => s.map(() => p));
  const s = index.length;
  const m = s + n;
  const sigma = new Float64Array(size);
  supports.forEach((sup) => {
    let sum = 0;
    for (const k of sup) sum += Math.max(start[k]!, 0);
    for (const k of sup) sigma[k] = sum > 0 ? Math.max(start[k]!, 0) / sum : 1 / sup.length;
  });
  const values = new Float64Array(size);
  const second = new Float64Array(size * size);
  const v = new Float64Array(n);
  strategyPayoffs(game, offset, sigma, values);
  supports.forEach((sup, p) => {
    let x = 0;
    for (const k of sup) x += sigma[k]! * values[k]!;
    v[p] = x;
  });
  const jacobian = new Float64Array(m * m);
  const residual = new Float64Array(m);
  const residualOf = (): number => {
    let worst = 0;
    for (let r = 0; r < s; r++) {
      residual[r] = values[index[r]!]! - v[playerOf[r]!]!;
      worst = Math.max(worst, Math.abs(residual[r]!) / scale);
    }
    for (let p = 0; p < n; p++) {
      let sum = -1;
      for (const k of supports[p]!) sum += sigma[k]!;
      residual[s + p] = sum;
      worst = Math.max(worst, Math.abs(sum));
    }
    return worst;
  };
  let norm = residualOf();
  for (let iteration = 0; iteration < MAX_NEWTON; iteration++) {
    if (norm <= 1e-16) break;
    strategyPayoffs(game, offset, sigma, values, second);
    jacobian.fill(0);
    for (let r = 0; r < s; r++) {
      const row = index[r]!;
      for (let c = 0; c < s; c++) jacobian[r * m + c] = second[row * size + index[c]!]!;
      jacobian[r * m + s + playerOf[r]!] = -1;
    }
    for (let c = 0; c < s; c++) jacobian[(s + playerOf[c]!) * m + c] = 1;
    const step = solveNewtonStep(jacobian, residual, m);
    if (!step) return null;
    // damped update: halve until the residual does not grow much
    let t = 1;
    const oldSigma = sigma.slice();
    const oldV = v.slice();
    let accepted = false;
    for (let tries = 0; tries < 30; tries++) {
      for (let c = 0; c < s; c++) sigma[index[c]!] = oldSigma[index[c]!]! - t * step[c]!;
      for (let p = 0; p < n; p++) v[p] = oldV[p]! - t * step[s + p]!;
      strategyPayoffs(game, offset, sigma, values);
      const next = residualOf();
      if (Number.isFinite(next) && (next < norm || next <= 1e-15)) {
        accepted = true;
        const small = next >= norm * 0.999;
        norm = next;
        if (small && norm <= 1e-14) iteration = MAX_NEWTON;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      sigma.set(oldSigma);
      v.set(oldV);
      strategyPayoffs(game, offset, sigma, values);
      norm = residualOf();
      break;
    }
  }
  if (norm > 1e-10) return null;
  for (const k of index) if (!(sigma[k]! > -1e-6 && sigma[k]! < 1 + 1e-6)) return null;
  return { sigma, v };
}

/**
 * Solves J·δ = F (m × m, row-major; J and F are not modified) by Gaussian elimination with
 * partial pivoting, or, when J is numerically singular, by a Levenberg–Marquardt step
 * (JᵀJ + μI)·δ = JᵀF with a small μ.
 */
function solveNewtonStep(
  jacobian: Float64Array,
  residual: Float64Array,
  m: number,
): Float64Array | null {
  const a = jacobian.slice();
  const b = residual.slice();
  let big = 0;
  for (const x of a) big = Math.max(big, Math.abs(x));
  if (solveInPlace(a, b, m, 1e-11 * Math.max(big, 1)) !== 0) return b;
  // Levenberg–Marquardt: normal equations with a small ridge
  const normal = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  let trace = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let x = 0;
      for (let r = 0; r < m; r++) x += jacobian[r * m + i]! * jacobian[r * m + j]!;
      normal[i * m + j] = x;
    }
    let y = 0;
    for (let r = 0; r < m; r++) y += jacobian[r * m + i]! * residual[r]!;
    rhs[i] = y;
    trace += normal[i * m + i]!;
  }
  const mu = 1e-10 * Math.max(trace / m, 1e-300);
  for (let i = 0; i < m; i++) normal[i * m + i] = normal[i * m + i]! + mu;
  return solveInPlace(normal, rhs, m) !== 0 ? rhs : null;
}
