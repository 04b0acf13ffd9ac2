import type { ExpressionRandom } from "../expression/ExpressionRandom.js";

/**
 * The mean-field stand-in for random draws: every draw returns its distribution's mean
 * (poisson(m) → m, bernoulli(p) → p, lognormal(μ, σ) → e^{μ + σ²/2}, powerlaw(x₀, α) →
 * x₀(α − 1)/(α − 2), infinite for α ≤ 2, severity(n, …) → n times the mixture's mean).
 */
export const expectedValueRandom: ExpressionRandom = {
  uniform: () => 0.5,
  poisson: (mean) => mean,
  bernoulli: (p) => p,
  normal: (mean) => mean,
  lognormal: (meanlog, sdlog) => Math.exp(meanlog + (sdlog * sdlog) / 2),
  powerlaw: (xmin, alpha) => powerlawMean(xmin, alpha),
  severity: (n, pmass, median, sigma, xmin, alpha) =>
    n * (pmass * powerlawMean(xmin, alpha) + (1 - pmass) * median * Math.exp((sigma * sigma) / 2)),
};

function powerlawMean(xmin: number, alpha: number): number {
  return alpha > 2 ? (xmin * (alpha - 1)) / (alpha - 2) : Number.POSITIVE_INFINITY;
}
