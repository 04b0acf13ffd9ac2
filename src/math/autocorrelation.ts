import { LinkageError } from "../errors/LinkageError.js";

/**
 * The sample autocorrelation function of a series at lags 0 … maxLag:
 *
 *   r_k = Σ_{t=1}^{n−k} (x_t − x̄)(x_{t+k} − x̄) / Σ_{t=1}^{n} (x_t − x̄)²,   r₀ = 1,
 *
 * the usual estimator with the full-sample mean and the common denominator n·c₀ (so the
 * sequence of r_k is positive semi-definite). Under white noise each r_k (k ≥ 1) is about
 * N(0, 1/n), which gives the ±1.96/√n bounds of an ACF plot.
 *
 * Source: G. E. P. Box, G. M. Jenkins, G. C. Reinsel & G. M. Ljung, Time Series Analysis:
 * Forecasting and Control (5th ed., Wiley 2015), §2.1.4 (eq. 2.1.12); M. S. Bartlett (1946)
 * for the large-lag variance 1/n.
 *
 * @param series - x₁ … xₙ, n ≥ 2
 * @param maxLag - largest lag, an integer in [0, n − 1]
 * @returns r₀ … r_maxLag (length maxLag + 1)
 * @throws {LinkageError} E_DOMAIN if the series has fewer than 2 values, holds a non-finite
 * value or is constant (zero variance: the correlations are undefined), or maxLag is out of range
 * @example autocorrelation([1, 2, 3, 4, 5], 2) // => Float64Array [1, 0.4, -0.1]
 */
export function autocorrelation(series: ArrayLike<number>, maxLag: number): Float64Array {
  const n = series.length;
  if (n < 2) {
    throw new LinkageError("E_DOMAIN", `autocorrelation needs at least 2 values, got ${n}`);
  }
  if (!(Number.isInteger(maxLag) && maxLag >= 0 && maxLag < n)) {
    throw new LinkageError(
      "E_DOMAIN",
      `autocorrelation: maxLag must be an integer in [0, ${n - 1}], got ${maxLag}`,
    );
  }
  let mean = 0;
  for (let t = 0; t < n; t++) {
    const x = series[t]!;
    if (!Number.isFinite(x)) {
      throw new LinkageError("E_DOMAIN", `autocorrelation: value ${t} is ${x}`);
    }
    mean += x;
  }
  mean /= n;
  const centred = new Float64Array(n);
  let c0 = 0;
  for (let t = 0; t < n; t++) {
    const y = series[t]! - mean;
    centred[t] = y;
    c0 += y * y;
  }
  if (!(c0 > 0)) {
    throw new LinkageError(
      "E_DOMAIN",
      "autocorrelation: the series is constant, so its correlations are undefined",
    );
  }
  const r = new Float64Array(maxLag + 1);
  r[0] = 1;
  for (let k = 1; k <= maxLag; k++) {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += centred[t]! * centred[t + k]!;
    r[k] = s / c0;
  }
  return r;
}
