import { LinkageError } from "../errors/LinkageError.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { LOGIT_TOLERANCE, LogitWorkspace, profileOf, traceLogitBranch } from "./logitQre.js";
import { strategicLogitSystem } from "./logitQreSystem.js";

/** The maximum-likelihood logit QRE found by {@link estimateLogitLambda}. */
export interface LogitEstimate {
  /** The estimated precision λ (in the game's payoff units). */
  readonly lambda: number;
  /** Σ_ij c_ij · ln σ_ij(λ) at the estimate (natural log, without the multinomial constant). */
  readonly logLikelihood: number;
  /** The QRE on the principal branch at the estimate, in Gambit's order. */
  readonly profile: Float64Array;
}

/** Golden-section iterations (the bracket shrinks by 0.618 per iteration). */
const GOLDEN_ITERATIONS = 80;
const GOLDEN = (Math.sqrt(5) - 1) / 2;
/** Most branch steps followed. */
const MAX_STEPS = 10000;

/**
 * Maximum-likelihood estimate of the logit precision λ from observed play of a strategic game,
 * restricted to the principal branch of logit QRE (McKelvey & Palfrey 1995, §5).
 *
 * Given counts c_ij of how often player i chose strategy j, the log-likelihood of λ is
 * L(λ) = Σ_ij c_ij · ln σ_ij(λ), where σ(λ) is the QRE on the principal branch. The branch is
 * followed by arc length (see `logitBranch`) from λ = 0 until it has converged; since the
 * variables are ln σ, L is a linear function of every point. The best point found is then refined
 * by golden-section search on the arc length between its two neighbours, each trial point being
 * put back on the branch by Newton's method in the hyperplane orthogonal to the tangent. When the
 * likelihood still increases at the end of the branch (the data are at a Nash equilibrium), the
 * branch's last point — the largest λ followed — is returned.
 *
 * Sources: McKelvey & Palfrey (1995), "Quantal response equilibria for normal form games", GEB 10,
 * §5; Turocy (2005), GEB 51 (estimation along the principal branch).
 *
 * @param game - a strategic game
 * @param observedCounts - per player, a count (≥ 0, finite) per strategy, in file order
 * @returns λ, the log-likelihood there and the QRE profile
 * @throws {LinkageError} E_DOMAIN when the counts do not match the game's shape, are negative or
 * not finite, or are all zero; E_SOLVER when the branch cannot be followed
 * @example
 * const estimate = estimateLogitLambda(game, [[820, 180], [300, 700]]);
 * estimate.lambda; // => the λ whose QRE best explains these frequencies
 */
export function estimateLogitLambda(
  game: StrategicGame,
  observedCounts: readonly (readonly number[])[],
): LogitEstimate {
  const system = strategicLogitSystem(game);
  const n = system.size;
  const counts = checkCounts(game, observedCounts, n);
  const ws = new LogitWorkspace(system);
  const logLikelihood = (y: Float64Array): number => {
    let sum = 0;
    for (let b = 0; b + 1 < system.blockStart.length; b++) {
      const first = system.blockStart[b]!;
      const end = system.blockStart[b + 1]!;
      let total = 0;
      for (let k = first; k < end; k++) total += Math.exp(y[k]!);
      const logTotal = Math.log(total); // ≈ 0 on the branch; keeps σ normalised exactly
      for (let k = first; k < end; k++) if (counts[k]! > 0) sum += counts[k]! * (y[k]! - logTotal);
    }
    return sum;
  };

  const points: { y: Float64Array; tangent: Float64Array }[] = [];
  let best = 0;
  let bestValue = Number.NEGATIVE_INFINITY;
  let steps = 0;
  for (const point of traceLogitBranch(system)) {
    points.push(point);
    const value = logLikelihood(point.y);
    if (value > bestValue) {
      bestValue = value;
      best = points.length - 1;
    }
    const profile = profileOf(system, point.y);
    const converged =
      system.regret(profile) <= LOGIT_TOLERANCE * system.scale &&
      ws.agentRegret(point.y) <= LOGIT_TOLERANCE;
    if (converged || steps++ >= MAX_STEPS) break;
  }

  // golden-section search on the arc length s around the best point, within its neighbours
  const centre = points[best]!;
  const distance = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let k = 0; k <= n; k++) s += (a[k]! - b[k]!) ** 2;
    return Math.sqrt(s);
  };
  const left = best > 0 ? -distance(centre.y, points[best - 1]!.y) : 0;
  const right = best + 1 < points.length ? distance(centre.y, points[best + 1]!.y) : 0;
  let bestY = centre.y;
  const at = (s: number): { y: Float64Array; value: number } | null => {
    const predicted = new Float64Array(n + 1);
    for (let k = 0; k <= n; k++) predicted[k] = centre.y[k]! + s * centre.tangent[k]!;
    const y = s === 0 ? centre.y : ws.project(predicted, centre.tangent);
    if (!y || y[n]! < 0) return null;
    return { y, value: logLikelihood(y) };
  };
  if (right > left) {
    let a = left;
    let b = right;
    let c = b - GOLDEN * (b - a);
    let d = a + GOLDEN * (b - a);
    let fc = at(c);
    let fd = at(d);
    for (let i = 0; i < GOLDEN_ITERATIONS && fc && fd; i++) {
      if (fc.value >= fd.value) {
        b = d;
        d = c;
        fd = fc;
        c = b - GOLDEN * (b - a);
        fc = at(c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + GOLDEN * (b - a);
        fd = at(d);
      }
      if (b - a <= 1e-12 * (1 + Math.abs(a))) break;
    }
    for (const candidate of [fc, fd]) {
      if (candidate && candidate.value > bestValue) {
        bestValue = candidate.value;
        bestY = candidate.y;
      }
    }
  }
  return {
    lambda: bestY[n]! / system.scale,
    logLikelihood: bestValue,
    profile: profileOf(system, bestY),
  };
}

function checkCounts(
  game: StrategicGame,
  observedCounts: readonly (readonly number[])[],
  n: number,
): Float64Array {
  if (observedCounts.length !== game.players.length) {
    throw new LinkageError(
      "E_DOMAIN",
      `estimateLogitLambda: counts for ${observedCounts.length} players, the game has ${game.players.length}`,
    );
  }
  const counts = new Float64Array(n);
  let offset = 0;
  let total = 0;
  observedCounts.forEach((row, p) => {
    const expected = game.strategies[p]!.length;
    if (row.length !== expected) {
      throw new LinkageError(
        "E_DOMAIN",
        `estimateLogitLambda: player ${p + 1} has ${row.length} counts for ${expected} strategies`,
      );
    }
    row.forEach((c, j) => {
      if (!(c >= 0) || !Number.isFinite(c)) {
        throw new LinkageError(
          "E_DOMAIN",
          `estimateLogitLambda: count ${c} for player ${p + 1}, strategy ${j + 1} is not a finite number ≥ 0`,
        );
      }
      counts[offset + j] = c;
      total += c;
    });
    offset += expected;
  });
  if (total === 0) throw new LinkageError("E_DOMAIN", "estimateLogitLambda: all counts are zero");
  return counts;
}
