import type { ExpressionRandom } from "../expression/ExpressionRandom.js";
import { powerlawMean } from "../math/samplers.js";

/**
 * The mean-field stand-in for random draws: every draw returns its distribution's mean
 * (poisson(m) → m, bernoulli(p) → p, lognormal(μ, σ) → e^{μ + σ²/2}, powerlaw(x₀, α) →
 * x₀(α − 1)/(α − 2), infinite for α ≤ 2, severity(n, …) → n times the mixture's mean, the power law truncated at xmax when given).
 */
export const expectedValueRandom: ExpressionRandom = {
  uniform: () => 0.5,
  poisson: (mean) => mean,
  bernoulli: (p) => p,
  normal: (mean) => mean,
  lognormal: (meanlog, sdlog) => Math.exp(meanlog + (sdlog * sdlog) / 2),
  powerlaw: (xmin, alpha) => powerlawMean(xmin, alpha),
  severity: (n, pmass, median, sigma, xmin, alpha, xmax) =>
    n * severityMean(pmass, median, sigma, xmin, alpha, xmax),
};

/** The last severity mean computed, reused while its arguments repeat (they are parameters). */
const last = { key: [Number.NaN, 0, 0, 0, 0, 0] as number[], mean: 0 };

/** Mean of one event's severity: the power-law / lognormal mixture of `severity`. */
function severityMean(
  pmass: number,
  median: number,
  sigma: number,
  xmin: number,
  alpha: number,
  xmax = Number.POSITIVE_INFINITY,
): number {
  const k = last.key;
  if (
    k[0] === pmass &&
    k[1] === median &&
    k[2] === sigma &&
    k[3] === xmin &&
    k[4] === alpha &&
    k[5] === xmax
  )
    return last.mean;
  last.key = [pmass, median, sigma, xmin, alpha, xmax];
  last.mean =
    pmass * powerlawMean(xmin, alpha, xmax) + (1 - pmass) * median * Math.exp((sigma * sigma) / 2);
  return last.mean;
}
