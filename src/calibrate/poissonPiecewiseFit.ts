import { LinkageError } from "../errors/LinkageError.js";
import { checkEventTimes, countBelow } from "./checkEventTimes.js";
import type { EventTimes } from "./DatedEvents.js";

/** A homogeneous Poisson baseline fitted by maximum likelihood (constant or piecewise constant). */
export interface PoissonProcessFit {
  /** Start of each segment (the first is 0), in the events' time unit. */
  readonly segmentStarts: Float64Array;
  /** μ̂_j = N_j / L_j, events per time unit on each segment. */
  readonly rates: Float64Array;
  /** N_j, the events on each segment. */
  readonly segmentEvents: Int32Array;
  /** ℓ̂ = Σ_j N_j ln μ̂_j − μ̂_j L_j (0·ln 0 = 0). */
  readonly logLikelihood: number;
  /** Free parameters: one rate per segment (the change points are given, not fitted). */
  readonly parameterCount: number;
  /** n, the events (BIC's sample size for a continuous-time fit). */
  readonly eventCount: number;
  /** Λ̂(tᵢ) = ∫₀^{tᵢ} μ̂(s) ds at each event, for {@link timeRescalingTest}. */
  readonly compensatorAtEvents: Float64Array;
}

/**
 * Checks change points against a window: strictly ascending, inside (0, duration).
 * @throws {LinkageError} E_DOMAIN naming the first change point at fault
 */
export function checkChangePoints(changePoints: ArrayLike<number>, duration: number): void {
  let previous = 0;
  for (let j = 0; j < changePoints.length; j++) {
    const c = changePoints[j]!;
    if (!(c > previous && c < duration)) {
      throw new LinkageError(
        "E_DOMAIN",
        `change point ${j + 1} is ${c}: change points must ascend strictly inside (0, ${duration})`,
      );
    }
    previous = c;
  }
}

/**
 * The maximum-likelihood piecewise-constant Poisson process with given change points: the
 * baseline a Hawkes fit with the same background segments must beat.
 *
 *   μ̂_j = N_j / L_j,   ℓ̂ = Σ_j N_j ln μ̂_j − μ̂_j L_j = Σ_j N_j ln(N_j/L_j) − N,
 *   Λ̂(t) = Σ_{segments before t} N_j + μ̂_{j(t)}(t − s_{j(t)}),
 *
 * with N_j events on segment j = [s_j, s_{j+1}) of length L_j (the last ends at the duration T).
 * A segment without events has μ̂_j = 0. This is the continuous-time log-likelihood
 * Σᵢ ln λ(tᵢ) − ∫₀ᵀ λ, on the same footing as the Hawkes likelihood.
 *
 * Source: D. J. Daley & D. Vere-Jones, An Introduction to the Theory of Point Processes,
 * vol. I (2nd ed., Springer 2003), §7.1 (the point-process likelihood); the maximiser by
 * setting ∂ℓ/∂μ_j = N_j/μ_j − L_j to zero.
 *
 * @param events - ascending times in [0, T)
 * @param changePoints - interior segment boundaries, strictly ascending in (0, T); [] for one rate
 * @throws {LinkageError} E_DOMAIN if the times or the change points are out of order or range
 * @example poissonPiecewiseFit({ times: Float64Array.of(1, 2, 7), duration: 10 }, [5]).rates // => [0.4, 0.2]
 */
export function poissonPiecewiseFit(
  events: EventTimes,
  changePoints: ArrayLike<number>,
): PoissonProcessFit {
  checkEventTimes(events);
  const { times, duration } = events;
  checkChangePoints(changePoints, duration);
  const segments = changePoints.length + 1;
  const segmentStarts = new Float64Array(segments);
  for (let j = 1; j < segments; j++) segmentStarts[j] = changePoints[j - 1]!;
  const rates = new Float64Array(segments);
  const segmentEvents = new Int32Array(segments);
  let logLikelihood = 0;
  for (let j = 0; j < segments; j++) {
    const start = segmentStarts[j]!;
    const end = j + 1 < segments ? segmentStarts[j + 1]! : duration;
    const count = countBelow(times, end) - countBelow(times, start);
    segmentEvents[j] = count;
    rates[j] = count / (end - start);
    if (count > 0) logLikelihood += count * Math.log(rates[j]!) - count;
  }
  const compensatorAtEvents = new Float64Array(times.length);
  let j = 0;
  let before = 0; // Λ̂ at the start of segment j: the events of the earlier segments
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    while (j + 1 < segments && t >= segmentStarts[j + 1]!) {
      before += segmentEvents[j]!;
      j++;
    }
    compensatorAtEvents[i] = before + rates[j]! * (t - segmentStarts[j]!);
  }
  return {
    segmentStarts,
    rates,
    segmentEvents,
    logLikelihood,
    parameterCount: segments,
    eventCount: times.length,
    compensatorAtEvents,
  };
}
