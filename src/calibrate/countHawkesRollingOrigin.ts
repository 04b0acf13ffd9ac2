import { countHawkesLogLikelihood, logFactorialSum } from "./countHawkesLogLikelihood.js";
import { type FitCountHawkesOptions, fitCountHawkes } from "./fitCountHawkes.js";
import { type RollingOriginScore, rollingOriginScore } from "./RollingOriginScore.js";

/**
 * The rolling-origin out-of-sample log-likelihood of the count Hawkes model
 * ({@link fitCountHawkes}): for each fold the model is refitted on steps [0, b_k) and the steps
 * [b_k, b_{k+1}) are scored given all history before them, as ℓ(θ̂_k; steps < b_{k+1}) −
 * ℓ(θ̂_k; steps < b_k) (the likelihood factorises over steps, so the difference is the window's
 * conditional log-likelihood). A background segment that has not begun by b_k is forecast with
 * the latest fitted segment's rate (persistence, as the Poisson baseline does).
 *
 * @param boundaries integer fold edges b₀ < … < b_K ≤ steps (rollingOriginBoundaries)
 */
export function countHawkesRollingOrigin(
  counts: Int32Array,
  segmentStarts: readonly number[],
  boundaries: readonly number[],
  options: FitCountHawkesOptions = {},
): RollingOriginScore {
  const folds = [];
  for (let k = 0; k + 1 < boundaries.length; k++) {
    const from = boundaries[k]!;
    const to = boundaries[k + 1]!;
    const trainStarts = segmentStarts.filter((s) => s < from);
    const fit = fitCountHawkes(
      { counts: counts.subarray(0, from), segmentStarts: trainStarts },
      { ...options, intervals: false },
    );
    const scoredStarts = segmentStarts.filter((s) => s < to);
    const last = fit.background[fit.background.length - 1]!.estimate;
    const theta = Float64Array.from([
      ...scoredStarts.map((_, j) => fit.background[j]?.estimate ?? last),
      fit.branchingRatio.estimate,
      fit.decay.estimate,
    ]);
    const thetaTrain = Float64Array.from([
      ...trainStarts.map((_, j) => fit.background[j]!.estimate),
      fit.branchingRatio.estimate,
      fit.decay.estimate,
    ]);
    const upTo = counts.subarray(0, to);
    const before = counts.subarray(0, from);
    const logLikelihood =
      countHawkesLogLikelihood(
        { counts: upTo, segmentStarts: scoredStarts },
        theta,
        logFactorialSum(upTo),
      ) -
      countHawkesLogLikelihood(
        { counts: before, segmentStarts: trainStarts },
        thetaTrain,
        logFactorialSum(before),
      );
    let events = 0;
    for (let t = from; t < to; t++) events += counts[t]!;
    folds.push({ from, to, events, logLikelihood });
  }
  return rollingOriginScore(folds);
}
