import { checkEventTimes, countBelow } from "./checkEventTimes.js";
import type { EventTimes } from "./DatedEvents.js";
import { persistedSegmentRates } from "./persistedSegmentRates.js";
import { checkChangePoints } from "./poissonPiecewiseFit.js";
import { type RollingOriginScore, rollingOriginScore } from "./RollingOriginScore.js";
import { checkRollingOriginBoundaries } from "./rollingOriginBoundaries.js";

/**
 * The rolling-origin out-of-sample log-likelihood of the Poisson baseline (constant, or piecewise
 * constant with given change points) on event times: for each fold k the rates are fitted on
 * [0, b_k) ({@link poissonPiecewiseFit} restricted to that window) and the events of [b_k, b_{k+1})
 * are scored,
 *
 *   ℓ_k = Σ_{tᵢ∈[b_k, b_{k+1})} ln μ̂_{j(tᵢ)} − ∫_{b_k}^{b_{k+1}} μ̂_{j(s)} ds.
 *
 * A segment that has not begun by b_k (a change point inside or after the fitting window) has no
 * data of its own: it is forecast with the rate of the latest segment that has (persistence), the
 * only forecast available at b_k. A segment observed without events forecasts rate 0, and an
 * event there scores −∞.
 *
 * Source: L. J. Tashman, International Journal of Forecasting 16 (2000) 437–450 (rolling
 * origin); the point-process log-likelihood as D. J. Daley & D. Vere-Jones (2003), §7.1.
 *
 * @param events - ascending times in [0, T)
 * @param changePoints - interior segment boundaries, strictly ascending in (0, T); [] for the
 * constant baseline (the order of arguments is the Hawkes fitters': data, segments, folds)
 * @param boundaries - fold edges b₀ < … < b_K within (0, T] ({@link rollingOriginBoundaries})
 * @throws {LinkageError} E_DOMAIN if times, boundaries or change points are out of order or range
 * @example poissonRollingOrigin({ times: Float64Array.of(1, 2, 6, 7, 8, 9.5), duration: 10 }, [], [5, 8, 10]).mean
 *   // => (2 ln 0.4 − 1.2 + 2 ln 0.5 − 1)/4 = −1.3547…
 */
export function poissonRollingOrigin(
  events: EventTimes,
  changePoints: ArrayLike<number>,
  boundaries: readonly number[],
): RollingOriginScore {
  checkEventTimes(events);
  const { times, duration } = events;
  checkChangePoints(changePoints, duration);
  checkRollingOriginBoundaries(boundaries, duration);
  const segments = changePoints.length + 1;
  const start = (j: number): number => (j === 0 ? 0 : changePoints[j - 1]!);
  const end = (j: number): number => (j + 1 < segments ? changePoints[j]! : duration);
  const rates = new Float64Array(segments);
  const folds = [];
  for (let k = 0; k + 1 < boundaries.length; k++) {
    const from = boundaries[k]!;
    const to = boundaries[k + 1]!;
    // fit on [0, from), persisting the last observed rate into segments not yet begun
    persistedSegmentRates(
      rates,
      start,
      end,
      from,
      (a, b) => countBelow(times, b) - countBelow(times, a),
    );
    // score [from, to)
    let logLikelihood = 0;
    for (let j = 0; j < segments; j++) {
      const a = Math.max(start(j), from);
      const b = Math.min(end(j), to);
      if (!(b > a)) continue;
      const count = countBelow(times, b) - countBelow(times, a);
      const rate = rates[j]!;
      if (count > 0) logLikelihood += count * Math.log(rate); // −∞ when rate = 0
      logLikelihood -= rate * (b - a);
    }
    const scored = countBelow(times, to) - countBelow(times, from);
    folds.push({ from, to, events: scored, logLikelihood });
  }
  return rollingOriginScore(folds);
}
