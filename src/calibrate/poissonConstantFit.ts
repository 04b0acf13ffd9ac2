import type { EventTimes } from "./DatedEvents.js";
import { type PoissonProcessFit, poissonPiecewiseFit } from "./poissonPiecewiseFit.js";

/**
 * The maximum-likelihood homogeneous Poisson process: the simplest baseline of a Hawkes fit.
 *
 *   μ̂ = n/T,   ℓ̂ = n ln μ̂ − μ̂T = n ln(n/T) − n,   Λ̂(tᵢ) = μ̂·tᵢ,
 *
 * for n events in [0, T). The one-segment case of {@link poissonPiecewiseFit} (same result type,
 * `rates` of length 1).
 *
 * Source: D. J. Daley & D. Vere-Jones, An Introduction to the Theory of Point Processes, vol. I
 * (2nd ed., Springer 2003), §7.1.
 *
 * @throws {LinkageError} E_DOMAIN if the duration is not finite and positive or the times do not
 * ascend within [0, T)
 * @example poissonConstantFit({ times: Float64Array.of(1, 2, 7), duration: 10 }).logLikelihood // => 3·ln 0.3 − 3 = −6.6119…
 */
export function poissonConstantFit(events: EventTimes): PoissonProcessFit {
  return poissonPiecewiseFit(events, []);
}
