/**
 * The continuous-time Hawkes models of `linkage calibrate`: a self-exciting point process with
 * conditional intensity
 *
 *   λ(t) = μ(t) + n · Σ_k w_k β_k Σ_{t_i < t} e^{−β_k (t − t_i)},
 *
 * branching ratio n ∈ [0, 1) (the mean number of direct offspring of an event), decay rates
 * β_k > 0 (decay times τ_k = 1/β_k) and weights w_k ≥ 0 with Σ_k w_k = 1, so the kernel
 * n·Σ_k w_k β_k e^{−β_k s} integrates to n. One component is the exponential kernel, more the
 * sum-of-exponentials kernel. The background μ(t) is one of {@link HawkesBackground}.
 *
 * Source: A. G. Hawkes, "Spectra of some self-exciting and mutually exciting point processes",
 * Biometrika 58 (1971) 83–90; Y. Ogata, "Statistical models for earthquake occurrences and
 * residual analysis for point processes", JASA 83 (1988) 9–27.
 */
export interface HawkesSpec {
  readonly background: HawkesBackground;
  /** Number of exponential components of the kernel, ≥ 1 (1: the exponential kernel). */
  readonly components: number;
}

/**
 * The background rate μ(t), in events per time unit, linear in its coefficients c_j ≥ 0:
 *
 * - `constant`: μ(t) = c_0;
 * - `piecewise`: μ(t) = c_j on [p_j, p_{j+1}) with p_0 = −∞, the change points p_1 < … < p_J
 *   (e.g. the regime change of 2021-08-15) and p_{J+1} = +∞: J + 1 coefficients;
 * - `spline`: the degree-1 B-spline (piecewise-linear) interpolation of c_j at the knot times
 *   κ_0 < … < κ_{K−1} (μ(κ_j) = c_j), constant beyond the first and last knots: K ≥ 2
 *   coefficients, and μ ≥ 0 wherever every c_j ≥ 0. Its integral is the trapezoid rule, exact.
 *
 * Change points and knots are absolute times, so a model fitted on [0, T) still defines μ after
 * T (held at its last value): what a forecast of the next window needs.
 */
export type HawkesBackground =
  | { readonly kind: "constant" }
  | { readonly kind: "piecewise"; readonly changePoints: readonly number[] }
  | { readonly kind: "spline"; readonly knots: readonly number[] };

/**
 * The parameters of a {@link HawkesSpec}, on their natural scale. As one vector θ (what the
 * likelihoods take), in this order: background coefficients, n, β_1 … β_K, w_1 … w_K.
 */
export interface HawkesParameters {
  /** c_j of the background (1, J + 1 or K values), events per time unit. */
  readonly background: Float64Array;
  /** n ∈ [0, 1). */
  readonly branchingRatio: number;
  /** β_k > 0, per time unit. */
  readonly decayRates: Float64Array;
  /** w_k ≥ 0, summing to 1. */
  readonly weights: Float64Array;
}
