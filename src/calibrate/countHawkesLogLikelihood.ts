import { LinkageError } from "../errors/LinkageError.js";
import { logGamma } from "../math/betaQuantile.js";
import { checkCounts, checkSegmentStarts } from "./checkCountSeries.js";

/**
 * The discrete-time Hawkes model of event counts per step, exactly the simulation's attack
 * process (`hawkes(H, attacks, nH, tau)` in a scenario's dynamics):
 *
 *   N_t ~ Poisson(μ_{j(t)} + H_t),  H_0 = 0,  H_{t+1} = d·H_t + n(1 − d)·N_t,  d = e^{−1/τ},
 *
 * with a background μ_j constant on each segment j of steps (segment j starts at step
 * `segmentStarts[j]`, the first at 0), branching ratio n ∈ [0, 1) and decay time τ > 0 in steps.
 * Each event adds n(1 − d)·d^{s−1} to the rate s ≥ 1 steps later, so the kernel sums to n.
 */
export interface CountHawkesModel {
  /** Counts per step (week or day), ≥ 0. */
  readonly counts: Int32Array;
  /** First step of each background segment, ascending, starting with 0. */
  readonly segmentStarts: readonly number[];
}

/** Parameter order of {@link countHawkesLogLikelihood}: μ_1 … μ_J, then n, then τ. */
export function countHawkesParameterCount(model: CountHawkesModel): number {
  return model.segmentStarts.length + 2;
}

/**
 * Checks a count model once, so the likelihood's hot loop need not.
 *
 * @throws {LinkageError} E_DOMAIN on negative or non-integer counts, fewer than 2 steps, or
 * segment starts that do not begin at 0 and ascend strictly inside the series
 */
export function checkCountHawkesModel(model: CountHawkesModel): void {
  const { counts, segmentStarts } = model;
  if (counts.length < 2) {
    throw new LinkageError(
      "E_DOMAIN",
      `a count Hawkes fit needs at least 2 steps, got ${counts.length}`,
    );
  }
  checkCounts(counts);
  checkSegmentStarts(segmentStarts, counts.length);
}

/**
 * Σ_t log N_t!, the part of the Poisson log-likelihood that no parameter changes (added so the
 * log-likelihood is comparable with a Poisson baseline's and across models).
 */
export function logFactorialSum(counts: Int32Array): number {
  let total = 0;
  for (let t = 0; t < counts.length; t++) {
    const n = counts[t]!;
    if (n > 1) total += logGamma(n + 1);
  }
  return total;
}

/**
 * Log-likelihood of the counts under {@link CountHawkesModel}, with its analytic gradient by the
 * forward recursion of the excitation's derivatives (one pass, O(steps)):
 *
 *   ℓ = Σ_t N_t log λ_t − λ_t − log N_t!,   λ_t = μ_{j(t)} + H_t,
 *   ∂H_{t+1}/∂n = d·∂H_t/∂n + (1 − d)·N_t,   ∂H_{t+1}/∂d = H_t + d·∂H_t/∂d − n·N_t,
 *   ∂d/∂τ = d/τ².
 *
 * A step with N_t > 0 and λ_t = 0 has likelihood 0: the result is −∞ (and the gradient is not
 * meaningful). `logFactorials` is {@link logFactorialSum} of the counts, passed in so repeated
 * evaluations do not recompute it.
 *
 * Source: the INGARCH(1,1) / Poisson autoregression of K. Fokianos, A. Rahbek and
 * D. Tjøstheim, "Poisson autoregression", JASA 104 (2009) 1430–1439, in Hawkes's
 * parametrisation (A. G. Hawkes, Biometrika 58, 1971).
 *
 * @param theta μ_1 … μ_J, n, τ ({@link countHawkesParameterCount} values)
 * @param gradient if given, receives ∂ℓ/∂θ in the same order
 * @example countHawkesLogLikelihood({ counts: Int32Array.of(2, 0), segmentStarts: [0] },
 *   Float64Array.of(1, 0, 1), 0) // => 2·log 1 − 1 − log 2 + 0 − 1 = −2.693…
 */
export function countHawkesLogLikelihood(
  model: CountHawkesModel,
  theta: Float64Array,
  logFactorials: number,
  gradient?: Float64Array,
): number {
  const { counts, segmentStarts } = model;
  const segments = segmentStarts.length;
  const n = theta[segments]!;
  const tau = theta[segments + 1]!;
  const d = Math.exp(-1 / tau);
  const gain = n * (1 - d);
  let h = 0;
  let dhdn = 0;
  let dhdd = 0;
  let total = 0;
  let gradN = 0;
  let gradD = 0;
  if (gradient) gradient.fill(0);
  for (let j = 0; j < segments; j++) {
    const mu = theta[j]!;
    const end = j + 1 < segments ? segmentStarts[j + 1]! : counts.length;
    let gradMu = 0;
    for (let t = segmentStarts[j]!; t < end; t++) {
      const k = counts[t]!;
      const rate = mu + h;
      if (k > 0) {
        if (!(rate > 0)) return Number.NEGATIVE_INFINITY;
        total += k * Math.log(rate) - rate;
        const score = k / rate - 1;
        gradMu += score;
        gradN += score * dhdn;
        gradD += score * dhdd;
      } else {
        total -= rate;
        gradMu -= 1;
        gradN -= dhdn;
        gradD -= dhdd;
      }
      // H_{t+1} and its derivatives (dhdd uses the old h)
      dhdd = h + d * dhdd - n * k;
      dhdn = d * dhdn + (1 - d) * k;
      h = d * h + gain * k;
    }
    if (gradient) gradient[j] = gradMu;
  }
  if (gradient) {
    gradient[segments] = gradN;
    gradient[segments + 1] = (gradD * d) / (tau * tau);
  }
  return total - logFactorials;
}

/**
 * The fitted mean count λ_t = μ_{j(t)} + H_t of every step under {@link CountHawkesModel} at θ
 * (μ_1 … μ_J, n, τ): what the residuals and the plot of the fit compare the counts with.
 */
export function countHawkesMeans(model: CountHawkesModel, theta: Float64Array): Float64Array {
  const { counts, segmentStarts } = model;
  const segments = segmentStarts.length;
  const d = Math.exp(-1 / theta[segments + 1]!);
  const gain = theta[segments]! * (1 - d);
  const out = new Float64Array(counts.length);
  let h = 0;
  let j = 0;
  for (let t = 0; t < counts.length; t++) {
    while (j + 1 < segments && segmentStarts[j + 1]! <= t) j++;
    out[t] = theta[j]! + h;
    h = d * h + gain * counts[t]!;
  }
  return out;
}
