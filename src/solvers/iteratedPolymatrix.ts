import { LinkageError } from "../errors/LinkageError.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { randomStream } from "../math/randomStream.js";
import { solveInPlace } from "../math/solveLinearSystem.js";
import {
  payoffScale,
  refineEquilibrium,
  strategyOffsets,
  strategyPayoffs,
} from "./newtonRefine.js";
import { polymatrixEquilibrium } from "./polymatrixEquilibrium.js";

/** Options of {@link iteratedPolymatrix}. */
export interface IteratedPolymatrixOptions {
  /**
   * Seed of a random starting profile (uniform on each player's simplex) and of the profiles of
   * later restarts. Without it the iteration starts from the centroid, every player mixing
   * uniformly (restarts then use seed 0).
   */
  readonly seed?: number;
  /** Most polymatrix approximations solved. @default 10000 */
  readonly maxIterations?: number;
  /** Stop iterating after this many seconds (the result says it was stopped). */
  readonly maxSeconds?: number;
  /** Target regret, relative to the payoff spread (see payoffScale). @default 1e-12 */
  readonly tolerance?: number;
}

/** The result of {@link iteratedPolymatrix}. */
export interface IteratedPolymatrixResult {
  /** The profile reached (player by player), refined on its support. */
  readonly profile: Float64Array;
  /** Its regret, in payoff units. */
  readonly regret: number;
  /** Whether the regret is within the tolerance: the profile is an equilibrium. */
  readonly converged: boolean;
  /** Polymatrix approximations solved. */
  readonly iterations: number;
  /** How many of them needed a full Lemke path (the others kept the previous support). */
  readonly lemkePaths: number;
  /** Whether `maxSeconds` stopped the iteration. */
  readonly truncated: boolean;
}

/** The iteration hands over to Newton refinement once the regret is below this share of the spread. */
const HANDOVER = 1e-10;
/** Step fractions tried toward the approximation's equilibrium, largest first. */
const STEPS = [1, 0.5, 0.25, 0.125, 0.0625, 0.03125] as const;
/** Iterations without a 10% lower regret after which the iteration restarts from a random profile. */
const RESTART_AFTER = 50;
const PROGRESS = 0.9;
/** A probability below this is off the support of the approximation's equilibrium. */
const SUPPORT_THRESHOLD = 1e-12;

/**
 * One Nash equilibrium of a strategic game with any number of players by iterated polymatrix
 * approximation (what gambit-ipa computes).
 *
 * At the current profile σ each player's payoff is replaced by its first-order expansion, which
 * is a polymatrix game (payoffs are multilinear, so the expansion is a sum of bilinear terms):
 *   ũᵢ(sᵢ, τ) = Σ_{j≠i} uᵢ(sᵢ, τ_j, σ₋ᵢⱼ) − (n − 2)·uᵢ(sᵢ, σ₋ᵢ),
 * exact for two players. An equilibrium τ of that approximation is found — by keeping the
 * supports of the previous one and solving its indifference equations when that is still an
 * equilibrium (then the step is exactly a Newton step on the support system, so convergence is
 * quadratic near a regular equilibrium), otherwise by Lemke's algorithm on the polymatrix game
 * (polymatrixEquilibrium) — and σ moves toward it, σ ← σ + α(τ − σ), with the largest α in
 * 1, 1/2, …, 1/32 that lowers the Lyapunov function Σᵢ Σ_s max(0, uᵢₛ(σ) − uᵢ(σ))² (else the
 * smallest, so the iteration can leave a local minimum of it). A fixed point, σ an equilibrium
 * of its own approximation, is a Nash equilibrium of the game. The iteration is not globally
 * convergent (it can cycle among supports): after 50 approximations without a 10% lower regret
 * it starts again from a random profile (stream k of the seed's random streams for the k-th
 * restart; seed 0 when none is given). Once the regret is below 1e-10
 * of the payoff spread (or the budget is spent) the best profile seen is refined by Newton's
 * method on its support (refineEquilibrium) and its regret reported; like gambit-ipa it returns
 * one profile, which is an equilibrium when `converged` (the iteration is not globally
 * convergent, though it converges on every game of the test suites).
 *
 * Source: S. Govindan and R. Wilson, "Computing Nash equilibria by iterated polymatrix
 * approximation", Journal of Economic Dynamics and Control 28 (2004) 1229–1241.
 *
 * Cost per iteration: one pass over the payoff table with second derivatives, O(Π nᵢ · n³), and
 * an LCP of S + 2n rows (S the total number of strategies) when the support changes.
 *
 * @throws {LinkageError} E_DOMAIN when `maxIterations` is not a whole number ≥ 1
 * @example
 * const pennies = strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]]);
 * iteratedPolymatrix(pennies).profile // => Float64Array [0.5, 0.5, 0.5, 0.5]
 */
export function iteratedPolymatrix(
  game: StrategicGame,
  options: IteratedPolymatrixOptions = {},
): IteratedPolymatrixResult {
  const maxIterations = options.maxIterations ?? 10_000;
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `ipa needs a whole number of iterations ≥ 1, got ${maxIterations}`,
    );
  }
  const tolerance = options.tolerance ?? 1e-12;
  const offset = strategyOffsets(game);
  const n = game.players.length;
  const size = offset[n]!;
  const scale = payoffScale(game);
  const deadline =
    options.maxSeconds === undefined
      ? Number.POSITIVE_INFINITY
      : Date.now() + options.maxSeconds * 1000;

  if (n === 1) {
    // a decision problem: no opponents to carry the approximation; the best strategy is the answer
    const values = new Float64Array(size);
    strategyPayoffs(game, offset, new Float64Array(size), values);
    let best = 0;
    for (let k = 1; k < size; k++) if (values[k]! > values[best]!) best = k;
    const profile = new Float64Array(size);
    profile[best] = 1;
    return { profile, regret: 0, converged: true, iterations: 0, lemkePaths: 0, truncated: false };
  }
  const u = new Float64Array(size);
  const second = new Float64Array(size * size);
  const polymatrix = new Float64Array(size * size);
  let sigma = startingProfile(offset, options.seed);
  strategyPayoffs(game, offset, sigma, u);
  let merit = lyapunov(offset, sigma, u, scale);
  let best = sigma.slice();
  let bestRegret = regretOf(offset, sigma, u);
  let support: Uint8Array | null = null;
  let iterations = 0;
  let lemkePaths = 0;
  let truncated = false;
  let restarts = 0;
  let sinceProgress = 0;
  while (bestRegret > HANDOVER * scale && iterations < maxIterations) {
    if (Date.now() >= deadline) {
      truncated = true;
      break;
    }
    if (sinceProgress >= RESTART_AFTER) {
      // stalled (the iteration is not globally convergent): start again from a fresh random profile
      restarts++;
      sigma = startingProfile(offset, options.seed ?? 0, restarts);
      strategyPayoffs(game, offset, sigma, u);
      merit = lyapunov(offset, sigma, u, scale);
      support = null;
      sinceProgress = 0;
    }
    iterations++;
    strategyPayoffs(game, offset, sigma, u, second);
    approximation(offset, u, second, polymatrix);
    // the previous support's solution first (a Newton step); Lemke's path when it is not an
    // equilibrium of this approximation or does not lower the Lyapunov function
    let step: { sigma: Float64Array; merit: number; improved: boolean } | null = null;
    let tau = support ? supportEquilibrium(offset, polymatrix, support, scale) : null;
    if (tau) step = lineSearch(game, offset, sigma, tau, merit, scale, u);
    if (!step?.improved) {
      let fresh: Float64Array;
      try {
        fresh = polymatrixEquilibrium({ offset, payoff: polymatrix });
      } catch (error) {
        if (!(error instanceof LinkageError && error.code === "E_SOLVER")) throw error;
        sinceProgress = RESTART_AFTER;
        continue;
      }
      lemkePaths++;
      const freshStep = lineSearch(game, offset, sigma, fresh, merit, scale, u);
      if (!step || freshStep.improved || freshStep.merit < step.merit) {
        step = freshStep;
        tau = fresh;
      }
    }
    support = new Uint8Array(size);
    for (let k = 0; k < size; k++) support[k] = tau![k]! > SUPPORT_THRESHOLD ? 1 : 0;
    sigma = step!.sigma;
    merit = step!.merit;
    strategyPayoffs(game, offset, sigma, u);
    const regret = regretOf(offset, sigma, u);
    if (regret < bestRegret) {
      sinceProgress = regret < PROGRESS * bestRegret ? 0 : sinceProgress + 1;
      bestRegret = regret;
      best = sigma.slice();
    } else sinceProgress++;
  }
  const refined = refineEquilibrium(game, best, { tolerance });
  const better = refined.regret <= bestRegret;
  const profile = better ? refined.profile : best;
  const regret = better ? refined.regret : bestRegret;
  return {
    profile,
    regret,
    converged: regret <= tolerance * scale,
    iterations,
    lemkePaths,
    truncated,
  };
}

/**
 * The polymatrix approximation at σ, from u_s = uᵢ(s, σ₋ᵢ) and the second derivatives
 * ∂u_s/∂σ_c = uᵢ(s, c, σ₋ᵢⱼ): entry [s][c] is uᵢ(s, c, σ₋ᵢⱼ) − (n − 2)/(n − 1)·u_s, the constant
 * term spread over the n − 1 opponents' blocks (each τ_j sums to one).
 */
function approximation(
  offset: Int32Array,
  u: Float64Array,
  second: Float64Array,
  out: Float64Array,
): void {
  const n = offset.length - 1;
  const size = offset[n]!;
  const share = n > 1 ? (n - 2) / (n - 1) : 0;
  for (let i = 0; i < n; i++) {
    for (let s = offset[i]!; s < offset[i + 1]!; s++) {
      const base = s * size;
      const constant = share * u[s]!;
      for (let c = 0; c < size; c++) {
        out[base + c] = c >= offset[i]! && c < offset[i + 1]! ? 0 : second[base + c]! - constant;
      }
    }
  }
}

/**
 * The equilibrium of a polymatrix game with the given supports, from its indifference equations
 * Σ_c A[s][c]·τ_c = vᵢ (s in i's support), Σ_{s∈Sᵢ} τ_s = 1, τ = 0 off the supports; null when
 * the system is singular or its solution is not an equilibrium (a negative probability, or a
 * strategy off the support paying more than vᵢ by over 1e-9 of the spread).
 */
function supportEquilibrium(
  offset: Int32Array,
  payoff: Float64Array,
  support: Uint8Array,
  scale: number,
): Float64Array | null {
  const n = offset.length - 1;
  const size = offset[n]!;
  const index = new Int32Array(size).fill(-1);
  let m = 0;
  for (let k = 0; k < size; k++) if (support[k]) index[k] = m++;
  const unknowns = m + n; // supported probabilities, then the values vᵢ
  const jacobian = new Float64Array(unknowns * unknowns);
  const rhs = new Float64Array(unknowns);
  let row = 0;
  for (let i = 0; i < n; i++) {
    for (let s = offset[i]!; s < offset[i + 1]!; s++) {
      if (!support[s]) continue;
      for (let c = 0; c < size; c++) {
        if (index[c]! >= 0) jacobian[row * unknowns + index[c]!] = payoff[s * size + c]!;
      }
      jacobian[row * unknowns + m + i] = -1;
      row++;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let s = offset[i]!; s < offset[i + 1]!; s++)
      if (support[s]) jacobian[row * unknowns + index[s]!] = 1;
    rhs[row] = 1;
    row++;
  }
  if (row !== unknowns) return null;
  const det = solveInPlace(jacobian, rhs, unknowns, 1e-13 * Math.max(1, scale));
  if (det === 0 || !rhs.every(Number.isFinite)) return null;
  const tau = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    if (index[k]! < 0) continue;
    const p = rhs[index[k]!]!;
    if (p < -1e-12) return null;
    tau[k] = Math.max(0, p);
  }
  for (let i = 0; i < n; i++) {
    const value = rhs[m + i]!;
    for (let s = offset[i]!; s < offset[i + 1]!; s++) {
      if (support[s]) continue;
      let pays = 0;
      for (let c = 0; c < size; c++) pays += payoff[s * size + c]! * tau[c]!;
      if (pays > value + 1e-9 * scale) return null;
    }
  }
  return tau;
}

/**
 * A step toward τ: σ + α(τ − σ) for the largest α in STEPS that lowers the Lyapunov function
 * (`improved`), else the smallest. Leaves `u` holding the payoffs at the last profile tried.
 */
function lineSearch(
  game: StrategicGame,
  offset: Int32Array,
  sigma: Float64Array,
  tau: Float64Array,
  merit: number,
  scale: number,
  u: Float64Array,
): { sigma: Float64Array; merit: number; improved: boolean } {
  const size = sigma.length;
  let trial = sigma;
  let value = merit;
  for (const alpha of STEPS) {
    trial = new Float64Array(size);
    for (let k = 0; k < size; k++) trial[k] = sigma[k]! + alpha * (tau[k]! - sigma[k]!);
    strategyPayoffs(game, offset, trial, u);
    value = lyapunov(offset, trial, u, scale);
    if (value < merit) return { sigma: trial, merit: value, improved: true };
  }
  return { sigma: trial, merit: value, improved: false };
}

/** Σᵢ Σ_s max(0, uᵢₛ − uᵢ(σ))² in units of the spread squared (zero exactly at equilibria). */
function lyapunov(offset: Int32Array, sigma: Float64Array, u: Float64Array, scale: number): number {
  const n = offset.length - 1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let k = offset[i]!; k < offset[i + 1]!; k++) v += sigma[k]! * u[k]!;
    for (let k = offset[i]!; k < offset[i + 1]!; k++) {
      const gain = Math.max(0, u[k]! - v) / scale;
      value += gain * gain;
    }
  }
  return value;
}

/** The most any player gains by a pure deviation from σ. */
function regretOf(offset: Int32Array, sigma: Float64Array, u: Float64Array): number {
  const n = offset.length - 1;
  let regret = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    let top = Number.NEGATIVE_INFINITY;
    for (let k = offset[i]!; k < offset[i + 1]!; k++) {
      v += sigma[k]! * u[k]!;
      if (u[k]! > top) top = u[k]!;
    }
    regret = Math.max(regret, top - v);
  }
  return regret;
}

/**
 * The centroid (no seed, first start), or a uniform draw from each player's simplex: stream
 * `start` of the seed's random streams.
 */
function startingProfile(offset: Int32Array, seed: number | undefined, start = 0): Float64Array {
  const n = offset.length - 1;
  const x = new Float64Array(offset[n]!);
  const rng = seed === undefined ? null : randomStream(seed, start);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = offset[i]!; k < offset[i + 1]!; k++) {
      x[k] = rng ? -Math.log(1 - rng.next()) : 1;
      sum += x[k]!;
    }
    for (let k = offset[i]!; k < offset[i + 1]!; k++) x[k] = x[k]! / sum;
  }
  return x;
}
