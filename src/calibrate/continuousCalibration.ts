import { binnedCounts } from "./binnedCounts.js";
import type { ContinuousCalibration, ModelScore } from "./CalibrationResult.js";
import type { DatedEvents } from "./DatedEvents.js";
import { evenSplineKnots } from "./evenSplineKnots.js";
import { fitHawkes } from "./fitHawkes.js";
import type { HawkesSpec } from "./HawkesModel.js";
import { hawkesCompensator } from "./hawkesCompensator.js";
import { hawkesIntensity } from "./hawkesIntensity.js";
import { hawkesRollingOrigin } from "./hawkesRollingOrigin.js";
import { jitteredEventTimes } from "./jitteredEventTimes.js";
import { modelScore } from "./modelScore.js";
import { poissonConstantFit } from "./poissonConstantFit.js";
import { poissonPiecewiseFit } from "./poissonPiecewiseFit.js";
import { poissonRollingOrigin } from "./poissonRollingOrigin.js";
import type { RollingOriginScore } from "./RollingOriginScore.js";
import { residualChecks } from "./residualChecks.js";
import { rollingOriginBoundaries } from "./rollingOriginBoundaries.js";

/** Options of {@link continuousCalibration}. */
export interface ContinuousCalibrationOptions {
  readonly seed: number;
  readonly starts: number;
  readonly folds: number;
  /** Exponentials in the kernel (1: the exponential kernel). */
  readonly components: number;
  /** The background's form; piecewise uses the change points. */
  readonly background: "constant" | "piecewise" | "spline";
  /** Evenly spaced knots of a spline background (≥ 2). */
  readonly splineKnots: number;
}

/** Intensity points drawn in the report (at most). */
const INTENSITY_POINTS = 2000;

/**
 * The continuous-time Hawkes fit of the events, in days: each event placed uniformly within its
 * day with the seed ({@link jitteredEventTimes}), fitted by {@link fitHawkes}, its time-rescaled
 * gaps checked, and compared with Poisson processes (constant, and piecewise on the change
 * points) in and out of sample on the same rolling-origin folds.
 */
export function continuousCalibration(
  events: DatedEvents,
  changePointDays: readonly number[],
  options: ContinuousCalibrationOptions,
): ContinuousCalibration {
  const times = jitteredEventTimes(events, options.seed);
  const duration = times.duration;
  const spec: HawkesSpec = {
    background:
      options.background === "spline"
        ? { kind: "spline", knots: evenSplineKnots(duration, options.splineKnots) }
        : options.background === "piecewise" && changePointDays.length > 0
          ? { kind: "piecewise", changePoints: [...changePointDays] }
          : { kind: "constant" },
    components: options.components,
  };
  const fitOptions = { starts: options.starts, seed: options.seed };
  const fit = fitHawkes(times, spec, fitOptions);
  const n = times.times.length;
  const boundaries = rollingOriginBoundaries(duration, { folds: options.folds });
  const models: ModelScore[] = [];
  const score = (model: string, fit: Parameters<typeof modelScore>[1], oos: RollingOriginScore) =>
    models.push(modelScore(model, fit, n, oos));

  score(
    options.components === 1 ? "Hawkes" : `Hawkes, ${options.components} exponentials`,
    fit,
    hawkesRollingOrigin(times, spec, boundaries, { ...fitOptions, profile: false }),
  );
  const constant = poissonConstantFit(times);
  score("Poisson, constant", constant, poissonRollingOrigin(times, [], boundaries));
  if (changePointDays.length > 0) {
    const piecewise = poissonPiecewiseFit(times, changePointDays);
    score(
      "Poisson, piecewise",
      piecewise,
      poissonRollingOrigin(times, changePointDays, boundaries),
    );
  }
  const points = Math.min(INTENSITY_POINTS, Math.ceil(duration * 4));
  const grid = Float64Array.from({ length: points }, (_, i) => (i * duration) / points);
  const intensity = hawkesIntensity(times, spec, fit.theta, grid);
  return {
    unit: "day",
    events: n,
    duration,
    spec,
    estimates: fit.estimates.map((e) => ({ ...e })),
    branchingRatio: {
      estimate: fit.branchingRatio.estimate,
      standardError: fit.branchingRatio.standardError,
      lower: fit.branchingRatio.profile[0],
      upper: fit.branchingRatio.profile[1],
      atBound: fit.branchingRatio.profileAtBound[0]
        ? "lower"
        : fit.branchingRatio.profileAtBound[1]
          ? "upper"
          : null,
    },
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    warnings: [...fit.warnings],
    residuals: residualChecks(hawkesCompensator(times, spec, fit.theta)),
    models,
    intensity: { time: [...grid], rate: [...intensity] },
    dailyCounts: [...binnedCounts(events, 1)],
  };
}
