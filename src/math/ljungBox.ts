import { LinkageError } from "../errors/LinkageError.js";
import { autocorrelation } from "./autocorrelation.js";
import { chiSquareSurvival } from "./chiSquare.js";

/** The Ljung–Box portmanteau test's outcome. */
export interface LjungBoxResult {
  /** Q = n(n + 2) Σ_{k=1}^{h} r_k²/(n − k). */
  readonly statistic: number;
  /** Lags h summed. */
  readonly lags: number;
  /** h minus the fitted degrees of freedom: Q's reference χ² has this many. */
  readonly degreesOfFreedom: number;
  /** P(χ²_df ≥ Q): small when the series is autocorrelated. */
  readonly pValue: number;
}

/**
 * The Ljung–Box test that a series is white noise (its first h autocorrelations are all zero):
 *
 *   Q = n(n + 2) Σ_{k=1}^{h} r_k² / (n − k),   p = P(χ²_{h − m} ≥ Q),
 *
 * with r_k from {@link autocorrelation} and m the parameters fitted to produce the series (p + q
 * for the residuals of an ARMA(p, q); 0 for a series not produced by fitting a serial-dependence
 * model). Q is asymptotically χ²_{h−m} under the null; the n(n + 2)/(n − k) weights make it close
 * to that already for moderate n, where Box–Pierce's n·Σr_k² is too small.
 *
 * Source: G. M. Ljung & G. E. P. Box, "On a measure of lack of fit in time series models",
 * Biometrika 65 (1978) 297–303.
 *
 * @param series - x₁ … xₙ, not constant
 * @param lags - h, an integer in [1, n − 1]
 * @param fittedDegreesOfFreedom - m, an integer in [0, h − 1] @default 0
 * @throws {LinkageError} E_DOMAIN if the series is too short, constant or not finite, or lags or
 * fittedDegreesOfFreedom is out of range
 * @example ljungBox([1, 2, 3, 4, 5], 1) // => { statistic: 5·7·0.16/4 = 1.4, lags: 1, degreesOfFreedom: 1, pValue: 0.2367… }
 */
export function ljungBox(
  series: ArrayLike<number>,
  lags: number,
  fittedDegreesOfFreedom = 0,
): LjungBoxResult {
  const n = series.length;
  if (!(Number.isInteger(lags) && lags >= 1 && lags < n)) {
    throw new LinkageError(
      "E_DOMAIN",
      `ljungBox: lags must be an integer in [1, n − 1] = [1, ${n - 1}], got ${lags}`,
    );
  }
  if (
    !(
      Number.isInteger(fittedDegreesOfFreedom) &&
      fittedDegreesOfFreedom >= 0 &&
      fittedDegreesOfFreedom < lags
    )
  ) {
    throw new LinkageError(
      "E_DOMAIN",
      `ljungBox: fittedDegreesOfFreedom must be an integer in [0, lags − 1] = [0, ${lags - 1}], got ${fittedDegreesOfFreedom}`,
    );
  }
  const r = autocorrelation(series, lags);
  let sum = 0;
  for (let k = 1; k <= lags; k++) sum += (r[k]! * r[k]!) / (n - k);
  const statistic = n * (n + 2) * sum;
  const degreesOfFreedom = lags - fittedDegreesOfFreedom;
  return {
    statistic,
    lags,
    degreesOfFreedom,
    pValue: chiSquareSurvival(statistic, degreesOfFreedom),
  };
}
