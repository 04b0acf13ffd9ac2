import { LinkageError } from "../errors/LinkageError.js";
import { backgroundIntegral, backgroundPieces } from "./backgroundPieces.js";
import type { EventTimes } from "./DatedEvents.js";
import type { HawkesSpec } from "./HawkesModel.js";
import { hawkesBackgroundSize, hawkesParameterCount } from "./hawkesParameterLayout.js";

/**
 * The compensator Λ(t_i) = ∫_0^{t_i} λ(s) ds at each event, for time-rescaling residuals
 * (under the true model the gaps Λ(t_i) − Λ(t_{i−1}) are i.i.d. Exp(1)). In O(N·K) by the
 * recursion R_k(t_i) = e^{−β_k (t_i − t_{i−1})}(1 + R_k(t_{i−1})):
 *
 *   Λ(t_i) = ∫_0^{t_i} μ + n Σ_k w_k Σ_{j<i} (1 − e^{−β_k (t_i − t_j)}) = M(t_i) + n Σ_k w_k (i − R_k(t_i)),
 *
 * with i the number of earlier events (0-based index).
 *
 * Source: Y. Ogata, "Statistical models for earthquake occurrences and residual analysis for
 * point processes", JASA 83 (1988) 9–27, §3 (residual analysis by the transformed times).
 *
 * @param events times assumed checked (checkEventTimes)
 * @param spec a checked spec; θ in the likelihoods' order (hawkesParameterCount values)
 * @throws {LinkageError} E_DOMAIN if θ has the wrong length
 * @example hawkesCompensator({ times: Float64Array.of(1, 2), duration: 3 },
 *   { background: { kind: "constant" }, components: 1 }, Float64Array.of(0.5, 0.5, 1, 1))
 *   // => [0.5, 1 + 0.5(1 − e^{−1})] = [0.5, 1.3160…]
 */
export function hawkesCompensator(
  events: EventTimes,
  spec: HawkesSpec,
  theta: Float64Array,
): Float64Array {
  const p = hawkesParameterCount(spec);
  if (theta.length !== p) {
    throw new LinkageError(
      "E_DOMAIN",
      `the Hawkes compensator of this spec takes ${p} parameters, got ${theta.length}`,
    );
  }
  const size = hawkesBackgroundSize(spec.background);
  const kCount = spec.components;
  const n = theta[size]!;
  const pieces = backgroundPieces(spec.background);
  const { times } = events;
  const out = new Float64Array(times.length);
  const rp = new Float64Array(kCount);
  let previous = 0;
  let background = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    background += backgroundIntegral(pieces, theta, previous, t);
    let excitation = 0;
    for (let k = 0; k < kCount; k++) {
      const r = Math.exp(-theta[size + 1 + k]! * (t - previous)) * rp[k]!;
      excitation += theta[size + 1 + kCount + k]! * (i - r);
      rp[k] = r + 1;
    }
    out[i] = background + n * excitation;
    previous = t;
  }
  return out;
}
