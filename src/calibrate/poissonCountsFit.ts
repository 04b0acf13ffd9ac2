import { checkCounts, checkSegmentStarts } from "./checkCountSeries.js";
import { logFactorialSum } from "./countHawkesLogLikelihood.js";

/** A Poisson baseline of a count series (events per week or day), rate constant per segment. */
export interface PoissonCountsFit {
  /** First step of each segment (the first is 0). */
  readonly segmentStarts: readonly number[];
  /** λ̂_j, the mean count per step on each segment. */
  readonly rates: Float64Array;
  /** λ̂ at every step (for {@link countPitResiduals}). */
  readonly means: Float64Array;
  /** ℓ̂ = Σₜ Nₜ ln λ̂ₜ − λ̂ₜ − ln Nₜ! (0·ln 0 = 0). */
  readonly logLikelihood: number;
  /** One rate per segment. */
  readonly parameterCount: number;
  /** Steps (BIC's sample size for a count series). */
  readonly stepCount: number;
  /** Σ Nₜ. */
  readonly eventCount: number;
}

/**
 * The maximum-likelihood Poisson model of counts per step with a rate constant on each segment,
 * the discrete-time baseline of the weekly (count) Hawkes fit:
 *
 *   Nₜ ~ Poisson(λ_{j(t)}),   λ̂_j = (Σ_{t∈j} Nₜ)/L_j,   ℓ̂ = Σₜ Nₜ ln λ̂_{j(t)} − λ̂_{j(t)} − ln Nₜ!,
 *
 * L_j the steps of segment j. The −ln Nₜ! terms are kept, so ℓ̂ is comparable with
 * {@link countHawkesLogLikelihood}'s.
 *
 * Source: the Poisson log-likelihood and its maximiser, e.g. P. McCullagh & J. A. Nelder,
 * Generalized Linear Models (2nd ed., Chapman & Hall 1989), §6.2.
 *
 * @param counts - Nₜ ≥ 0 per step
 * @param segmentStarts - first step of each segment, from 0, strictly ascending @default [0]
 * @throws {LinkageError} E_DOMAIN if the series is empty, a count is negative, or the segment
 * starts are out of order or range
 * @example poissonCountsFit(Int32Array.of(2, 0)).logLikelihood // => 2·ln 1 − 1 − ln 2 + 0 − 1 = −2.6931…
 */
export function poissonCountsFit(
  counts: Int32Array,
  segmentStarts: readonly number[] = [0],
): PoissonCountsFit {
  checkCounts(counts);
  checkSegmentStarts(segmentStarts, counts.length);
  const segments = segmentStarts.length;
  const rates = new Float64Array(segments);
  const means = new Float64Array(counts.length);
  let logLikelihood = 0;
  let eventCount = 0;
  for (let j = 0; j < segments; j++) {
    const start = segmentStarts[j]!;
    const end = j + 1 < segments ? segmentStarts[j + 1]! : counts.length;
    let sum = 0;
    for (let t = start; t < end; t++) sum += counts[t]!;
    const rate = sum / (end - start);
    rates[j] = rate;
    means.fill(rate, start, end);
    eventCount += sum;
    if (sum > 0) logLikelihood += sum * Math.log(rate) - sum;
  }
  return {
    segmentStarts: [...segmentStarts],
    rates,
    means,
    logLikelihood: logLikelihood - logFactorialSum(counts),
    parameterCount: segments,
    stepCount: counts.length,
    eventCount,
  };
}
