import { LinkageError } from "../errors/LinkageError.js";
import { kolmogorovSmirnovSurvival } from "./kolmogorovSmirnovDistribution.js";

/** The one-sample Kolmogorov–Smirnov test's outcome. */
export interface KolmogorovSmirnovResult {
  /** Dₙ = sup_x |Fₙ(x) − F(x)|, the largest distance between the empirical and the tested CDF. */
  readonly statistic: number;
  /** P(Dₙ ≥ observed) under the null hypothesis that the sample is i.i.d. from F. */
  readonly pValue: number;
  /** Sample size. */
  readonly n: number;
}

/**
 * The one-sample, two-sided Kolmogorov–Smirnov test of a sample against a fully specified
 * continuous distribution function F.
 *
 * Formula: with the sample sorted, x₍₁₎ ≤ … ≤ x₍ₙ₎,
 * Dₙ = max_i max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i − 1)/n), and the p-value P(Dₙ ≥ d) from
 * {@link kolmogorovSmirnovSurvival} (exact for n ≤ 1000, a corrected Kolmogorov limit beyond).
 * When F's parameters were estimated from the same sample the p-value is conservative.
 *
 * Source: A. N. Kolmogorov (1933); N. V. Smirnov (1948); the formula for Dₙ as in
 * W. J. Conover, Practical Nonparametric Statistics (3rd ed., Wiley 1999), §6.1; the p-value as
 * G. Marsaglia, W. W. Tsang & J. Wang, Journal of Statistical Software 8(18), 2003.
 *
 * @param sample - the observations, in any order (a sorted copy is made; the input is untouched)
 * @param cdf - the distribution function F tested against, returning values in [0, 1]
 * @throws {LinkageError} E_DOMAIN if the sample is empty or holds NaN, or F returns a value
 * outside [0, 1]
 * @example kolmogorovSmirnov([0.1, 0.4, 0.7], (x) => x) // => { statistic: 0.3 (i = 3: 1 − 0.7), pValue: 0.88622…, n: 3 }
 */
export function kolmogorovSmirnov(
  sample: ArrayLike<number>,
  cdf: (x: number) => number,
): KolmogorovSmirnovResult {
  const n = sample.length;
  if (n === 0) throw new LinkageError("E_DOMAIN", "kolmogorovSmirnov needs at least one value");
  const sorted = Float64Array.from(sample);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(sorted[i]!)) {
      throw new LinkageError("E_DOMAIN", `kolmogorovSmirnov: sample value ${i} is NaN`);
    }
  }
  sorted.sort();
  let statistic = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    if (!(f >= 0 && f <= 1)) {
      throw new LinkageError(
        "E_DOMAIN",
        `kolmogorovSmirnov: the CDF gave ${f} at ${sorted[i]}, expected a value in [0, 1]`,
      );
    }
    statistic = Math.max(statistic, (i + 1) / n - f, f - i / n);
  }
  return { statistic, pValue: kolmogorovSmirnovSurvival(n, statistic), n };
}
