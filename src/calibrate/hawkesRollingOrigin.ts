import { LinkageError } from "../errors/LinkageError.js";
import { checkEventTimes, countBelow } from "./checkEventTimes.js";
import { checkHawkesSpec } from "./checkHawkesSpec.js";
import type { EventTimes } from "./DatedEvents.js";
import { type FitHawkesOptions, fitHawkes } from "./fitHawkes.js";
import type { HawkesBackground, HawkesSpec } from "./HawkesModel.js";
import { hawkesWindowLogLikelihood } from "./hawkesWindowLogLikelihood.js";
import { type RollingOriginScore, rollingOriginScore } from "./RollingOriginScore.js";
import { checkRollingOriginBoundaries } from "./rollingOriginBoundaries.js";

/**
 * The rolling-origin out-of-sample log-likelihood of a Hawkes model: for each fold k the model
 * is fitted on [0, b_k) ({@link fitHawkes}, the events before b_k only) and the events of
 * [b_k, b_{k+1}) are scored given the whole history before b_k
 * ({@link hawkesWindowLogLikelihood}):
 *
 *   ℓ_k = Σ_{b_k ≤ t_i < b_{k+1}} log λ̂(t_i) − ∫_{b_k}^{b_{k+1}} λ̂(s) ds.
 *
 * The background is forecast by persistence, as the Poisson baselines do: change points at or
 * after b_k are dropped (the last observed segment's rate continues), and a spline keeps its
 * knots before b_k plus one at b_k (μ then holds its value at b_k). Returned in the shape the
 * Poisson baselines share ({@link RollingOriginScore}): per fold and the pooled log-likelihood
 * per event.
 *
 * Source: L. J. Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and review",
 * International Journal of Forecasting 16 (2000) 437–450; Daley and Vere-Jones (2003), §7.2
 * (the likelihood of a window given its past).
 *
 * @param boundaries fold edges b_0 < … < b_K within (0, T] (rollingOriginBoundaries)
 * @param options passed to each fold's fit; the profile interval is skipped unless asked for
 * @throws {LinkageError} E_DOMAIN on malformed times, spec or boundaries; E_INPUT naming the
 * fold when a training window has too few events to fit
 * @example hawkesRollingOrigin(events, { background: { kind: "constant" }, components: 1 },
 *   rollingOriginBoundaries(events.duration)).mean // the mean out-of-sample ℓ per event
 */
export function hawkesRollingOrigin(
  events: EventTimes,
  spec: HawkesSpec,
  boundaries: readonly number[],
  options: FitHawkesOptions = {},
): RollingOriginScore {
  checkEventTimes(events);
  checkHawkesSpec(spec, events.duration);
  checkRollingOriginBoundaries(boundaries, events.duration);
  const { times } = events;
  const folds = [];
  for (let k = 0; k + 1 < boundaries.length; k++) {
    const from = boundaries[k]!;
    const to = boundaries[k + 1]!;
    const foldSpec: HawkesSpec = {
      ...spec,
      background: persistentBackground(spec.background, from),
    };
    const training: EventTimes = {
      times: times.subarray(0, countBelow(times, from)),
      duration: from,
    };
    let theta: Float64Array;
    try {
      theta = fitHawkes(training, foldSpec, { profile: false, ...options }).theta;
    } catch (error) {
      if (error instanceof LinkageError) {
        throw new LinkageError(
          error.code,
          `rolling-origin fold ${k + 1} (fit on [0, ${from})): ${error.message}`,
          undefined,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
    const logLikelihood = hawkesWindowLogLikelihood(times, foldSpec, theta, from, to);
    folds.push({
      from,
      to,
      events: countBelow(times, to) - countBelow(times, from),
      logLikelihood,
    });
  }
  return rollingOriginScore(folds);
}

/** The background fitted on [0, end): change points before `end`; spline knots before it and `end`. */
function persistentBackground(background: HawkesBackground, end: number): HawkesBackground {
  if (background.kind === "piecewise") {
    return { kind: "piecewise", changePoints: background.changePoints.filter((c) => c < end) };
  }
  if (background.kind === "spline") {
    const kept = background.knots.filter((knot) => knot < end);
    // no knot before `end`: μ is constant (c_1) on the whole training window
    return kept.length === 0 ? { kind: "constant" } : { kind: "spline", knots: [...kept, end] };
  }
  return background;
}
