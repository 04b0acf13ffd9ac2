import type { SmoothObjective } from "../math/minimizeBounded.js";
import type { EventTimes } from "./DatedEvents.js";
import type { HawkesSpec } from "./HawkesModel.js";
import { hawkesLogLikelihood } from "./hawkesLogLikelihood.js";
import { hawkesBackgroundSize, hawkesParameterCount } from "./hawkesParameterLayout.js";

/**
 * The coordinates a Hawkes fit optimises in, and the maps to and from the likelihoods' θ.
 *
 * - **ψ (optimiser)**: background coefficients c_j ≥ 0, n ∈ [0, n_max], log β_k in
 *   [log β_min, log β_max], and stick-breaking fractions v_1 … v_{K−1} ∈ [0, 1] with
 *   w_1 = v_1, w_k = v_k Π_{j<k}(1 − v_j), w_K = Π_{j<K}(1 − v_j): a box, so the weights stay
 *   on the simplex. Decay rates on the log scale because the likelihood is closer to
 *   quadratic there and they span orders of magnitude.
 * - **ξ (natural free parameters)**: c_j, n, β_k, w_1 … w_{K−1} (w_K = 1 − Σ the others): where
 *   the observed information and the standard errors are taken.
 *
 * The objectives return the negative log-likelihood (+∞ where ℓ = −∞) with its gradient by the
 * chain rule from {@link hawkesLogLikelihood}'s.
 */
export interface HawkesFitCoordinates {
  /** Length of ψ and of ξ: background + 1 + K + (K − 1). */
  readonly size: number;
  /** θ from ψ. */
  thetaOfPsi(psi: ArrayLike<number>, theta: Float64Array): void;
  /** θ from ξ. */
  thetaOfXi(xi: ArrayLike<number>, theta: Float64Array): void;
  /** ξ from θ. */
  xiOfTheta(theta: ArrayLike<number>): Float64Array;
  /** −ℓ and its ψ-gradient. */
  readonly psiObjective: SmoothObjective;
  /** −ℓ and its ξ-gradient. */
  readonly xiObjective: SmoothObjective;
}

/**
 * The coordinates of a Hawkes fit of `events` under `spec` (see {@link HawkesFitCoordinates}).
 * Buffers are allocated once here; the objectives allocate nothing.
 */
export function hawkesFitCoordinates(events: EventTimes, spec: HawkesSpec): HawkesFitCoordinates {
  const b = hawkesBackgroundSize(spec.background);
  const k = spec.components;
  const p = hawkesParameterCount(spec);
  const size = b + 2 * k;
  const theta = new Float64Array(p);
  const gTheta = new Float64Array(p);
  const prefix = new Float64Array(k + 1);

  const thetaOfPsi = (psi: ArrayLike<number>, out: Float64Array): void => {
    for (let j = 0; j <= b; j++) out[j] = psi[j]!;
    for (let j = 0; j < k; j++) out[b + 1 + j] = Math.exp(psi[b + 1 + j]!);
    // prefix[j] = Π_{i<j} (1 − v_i)
    prefix[0] = 1;
    for (let j = 0; j < k - 1; j++) {
      const v = psi[b + 1 + k + j]!;
      out[b + 1 + k + j] = v * prefix[j]!;
      prefix[j + 1] = prefix[j]! * (1 - v);
    }
    out[b + k + k] = prefix[k - 1]!;
  };

  const thetaOfXi = (xi: ArrayLike<number>, out: Float64Array): void => {
    for (let j = 0; j <= b + k; j++) out[j] = xi[j]!;
    let rest = 1;
    for (let j = 0; j < k - 1; j++) {
      out[b + 1 + k + j] = xi[b + 1 + k + j]!;
      rest -= xi[b + 1 + k + j]!;
    }
    out[b + k + k] = rest;
  };

  const xiOfTheta = (th: ArrayLike<number>): Float64Array => {
    const xi = new Float64Array(size);
    for (let j = 0; j < size; j++) xi[j] = th[j]!;
    return xi;
  };

  const psiObjective: SmoothObjective = (psi, gradient) => {
    thetaOfPsi(psi, theta);
    const ll = hawkesLogLikelihood(events, spec, theta, gTheta);
    if (!(ll > Number.NEGATIVE_INFINITY)) return Number.POSITIVE_INFINITY;
    for (let j = 0; j <= b; j++) gradient[j] = -gTheta[j]!;
    for (let j = 0; j < k; j++) gradient[b + 1 + j] = -gTheta[b + 1 + j]! * theta[b + 1 + j]!;
    // ∂w_m/∂v_j: prefix[j] for m = j; −v_m Π_{i<m, i≠j}(1 − v_i) for m > j (w_K has v_K = 1)
    for (let j = 0; j < k - 1; j++) {
      let sum = gTheta[b + 1 + k + j]! * prefix[j]!;
      for (let m = j + 1; m < k; m++) {
        const vm = m < k - 1 ? psi[b + 1 + k + m]! : 1;
        let others = 1;
        for (let i = 0; i < m; i++) if (i !== j) others *= 1 - psi[b + 1 + k + i]!;
        sum -= gTheta[b + 1 + k + m]! * vm * others;
      }
      gradient[b + 1 + k + j] = -sum;
    }
    return -ll;
  };

  const xiObjective: SmoothObjective = (xi, gradient) => {
    thetaOfXi(xi, theta);
    const ll = hawkesLogLikelihood(events, spec, theta, gTheta);
    if (!(ll > Number.NEGATIVE_INFINITY)) return Number.POSITIVE_INFINITY;
    for (let j = 0; j <= b + k; j++) gradient[j] = -gTheta[j]!;
    const last = gTheta[b + k + k]!;
    for (let j = 0; j < k - 1; j++) gradient[b + 1 + k + j] = -(gTheta[b + 1 + k + j]! - last);
    return -ll;
  };

  return { size, thetaOfPsi, thetaOfXi, xiOfTheta, psiObjective, xiObjective };
}
