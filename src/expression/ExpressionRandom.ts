/**
 * The random draws an expression may make. Expressions never touch a global generator: the
 * caller passes one of these (seeded, one stream per chunk of runs) to every evaluation.
 * The samplers themselves live in `src/math/`; a mean-field run may pass an implementation
 * that returns expectations instead of draws.
 *
 * Expressions call these in a fixed order: operands left to right, and only the chosen
 * branch of `if`, `and`, `or`. The same expression therefore consumes the same draws whether
 * it is compiled ({@link compileExpressions}) or interpreted ({@link evaluateExpression}).
 */
export interface ExpressionRandom {
  /** A uniform draw in [0, 1). Not callable from expressions; for the samplers' own use. */
  uniform(): number;
  /** A Poisson draw with the given mean (`poisson(mean)`). */
  poisson(mean: number): number;
  /** 1 with probability `p`, else 0 (`bernoulli(p)`). */
  bernoulli(p: number): number;
  /** A normal draw (`normal(mean, sd)`). */
  normal(mean: number, sd: number): number;
  /** exp of a normal draw with mean `meanlog` and sd `sdlog` (`lognormal(meanlog, sdlog)`). */
  lognormal(meanlog: number, sdlog: number): number;
  /** A Pareto draw with density ∝ x^−alpha on x ≥ xmin (`powerlaw(xmin, alpha)`). */
  powerlaw(xmin: number, alpha: number): number;
  /**
   * Sum of `n` per-attack severities, each a power-law draw (xmin, alpha) with probability
   * `pmass` (truncated at `xmax` when given), otherwise lognormal with the given median and
   * log-sd `sigma`.
   */
  severity(
    n: number,
    pmass: number,
    median: number,
    sigma: number,
    xmin: number,
    alpha: number,
    xmax?: number,
  ): number;
}
