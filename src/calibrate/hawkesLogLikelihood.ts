import type { EventTimes } from "./DatedEvents.js";
import type { HawkesSpec } from "./HawkesModel.js";
import { hawkesWindowLogLikelihood } from "./hawkesWindowLogLikelihood.js";

/**
 * The log-likelihood of event times on [0, T) under a {@link HawkesSpec}, with its analytic
 * gradient by Ozaki's O(N) recursion:
 *
 *   ℓ(θ) = Σ_i log λ(t_i) − ∫_0^T λ(s) ds,
 *   λ(t) = μ(t) + n Σ_k w_k β_k Σ_{t_j<t} e^{−β_k (t − t_j)},
 *   ∫_0^T λ = ∫_0^T μ + n Σ_k w_k Σ_j (1 − e^{−β_k (T − t_j)}).
 *
 * This is {@link hawkesWindowLogLikelihood} on the window [0, T); see there for the recursion
 * and the gradient's formulas. θ = background coefficients, n, β_1 … β_K, w_1 … w_K.
 *
 * Source: T. Ozaki, Annals of the Institute of Statistical Mathematics 31 (1979) 145–155;
 * Y. Ogata, "On Lewis' simulation method for point processes", and "The asymptotic behaviour
 * of maximum likelihood estimators for stationary point processes", Annals of the Institute of
 * Statistical Mathematics 30 (1978) 243–261 (the likelihood).
 *
 * @param events times assumed checked (checkEventTimes: ascending in [0, duration))
 * @param spec a checked spec (checkHawkesSpec)
 * @param gradient if given, receives ∂ℓ/∂θ
 * @throws {LinkageError} E_DOMAIN if θ or the gradient has the wrong length
 * @example hawkesLogLikelihood({ times: Float64Array.of(1, 2), duration: 3 },
 *   { background: { kind: "constant" }, components: 1 }, Float64Array.of(0.5, 0.5, 1, 1))
 *   // => log 0.5 + log(0.5 + 0.5e^{−1}) − 1.5 − 0.5(2 − e^{−2} − e^{−1}) = −3.3214…
 */
export function hawkesLogLikelihood(
  events: EventTimes,
  spec: HawkesSpec,
  theta: Float64Array,
  gradient?: Float64Array,
): number {
  return hawkesWindowLogLikelihood(events.times, spec, theta, 0, events.duration, gradient);
}
