import { LinkageError } from "../errors/LinkageError.js";
import { logGamma } from "../math/betaQuantile.js";
import { checkCounts, checkSegmentStarts } from "./checkCountSeries.js";
import { persistedSegmentRates } from "./persistedSegmentRates.js";
import { type RollingOriginScore, rollingOriginScore } from "./RollingOriginScore.js";
import { checkRollingOriginBoundaries } from "./rollingOriginBoundaries.js";

/**
 * The rolling-origin out-of-sample log-likelihood of the Poisson count baseline
 * ({@link poissonCountsFit}): for each fold k the segment rates are fitted on steps [0, b_k) and
 * the steps [b_k, b_{k+1}) are scored,
 *
 *   ℓ_k = Σ_{t∈[b_k, b_{k+1})} Nₜ ln λ̂_{j(t)} − λ̂_{j(t)} − ln Nₜ!.
 *
 * A segment that has not begun by b_k is forecast with the rate of the latest segment that has
 * (persistence); a forecast rate of 0 scores −∞ on a step with events.
 *
 * Source: L. J. Tashman, International Journal of Forecasting 16 (2000) 437–450 (rolling
 * origin); the Poisson log-likelihood as in {@link poissonCountsFit}.
 *
 * @param counts - Nₜ ≥ 0 per step
 * @param segmentStarts - first step of each segment, from 0 ([0] for one rate; the order of
 * arguments is countHawkesRollingOrigin's: data, segments, folds)
 * @param boundaries - integer fold edges b₀ < … < b_K within (0, steps]
 * ({@link rollingOriginBoundaries} of the number of steps)
 * @throws {LinkageError} E_DOMAIN if counts, boundaries or segment starts are out of range or
 * a boundary is not an integer
 * @example poissonCountsRollingOrigin(Int32Array.of(1, 1, 1, 1), [0], [2, 4]).mean // => ln 1 − 1 − 0 = −1
 */
export function poissonCountsRollingOrigin(
  counts: Int32Array,
  segmentStarts: readonly number[],
  boundaries: readonly number[],
): RollingOriginScore {
  checkCounts(counts);
  const steps = counts.length;
  checkSegmentStarts(segmentStarts, steps);
  checkRollingOriginBoundaries(boundaries, steps);
  for (const b of boundaries) {
    if (!Number.isInteger(b)) {
      throw new LinkageError(
        "E_DOMAIN",
        `rolling-origin boundary ${b} of a count series is not a whole step`,
      );
    }
  }
  const prefix = new Float64Array(steps + 1); // prefix[t] = N₀ + … + N_{t−1}
  for (let t = 0; t < steps; t++) prefix[t + 1] = prefix[t]! + counts[t]!;
  const segments = segmentStarts.length;
  const start = (j: number): number => segmentStarts[j]!;
  const end = (j: number): number => (j + 1 < segments ? segmentStarts[j + 1]! : steps);
  const rates = new Float64Array(segments);
  const folds = [];
  for (let k = 0; k + 1 < boundaries.length; k++) {
    const from = boundaries[k]!;
    const to = boundaries[k + 1]!;
    persistedSegmentRates(rates, start, end, from, (a, b) => prefix[b]! - prefix[a]!);
    let logLikelihood = 0;
    let j = 0;
    for (let t = from; t < to; t++) {
      while (j + 1 < segments && t >= start(j + 1)) j++;
      const n = counts[t]!;
      const rate = rates[j]!;
      if (n > 0) logLikelihood += n * Math.log(rate) - logGamma(n + 1); // −∞ when rate = 0
      logLikelihood -= rate;
    }
    folds.push({ from, to, events: prefix[to]! - prefix[from]!, logLikelihood });
  }
  return rollingOriginScore(folds);
}
