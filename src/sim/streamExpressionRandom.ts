import type { ExpressionRandom } from "../expression/ExpressionRandom.js";
import type { RandomStream } from "../math/randomStream.js";
import {
  bernoulli,
  lognormal,
  normal,
  poisson,
  powerlaw,
  severity,
  uniform,
} from "../math/samplers.js";

/**
 * Binds every sampler of `math/samplers` to one {@link RandomStream}; calls draw from the stream
 * in call order, exactly as the free functions would.
 *
 * @example streamExpressionRandom(randomStream(1, 0)).poisson(4) // a Poisson(4) draw
 */
export function streamExpressionRandom(rng: RandomStream): ExpressionRandom {
  return {
    uniform: () => uniform(rng),
    poisson: (mean) => poisson(rng, mean),
    bernoulli: (p) => bernoulli(rng, p),
    normal: (mean, sd) => normal(rng, mean, sd),
    lognormal: (meanlog, sdlog) => lognormal(rng, meanlog, sdlog),
    powerlaw: (xmin, alpha) => powerlaw(rng, xmin, alpha),
    severity: (n, pmass, median, sigma, xmin, alpha, xmax) =>
      severity(rng, n, pmass, median, sigma, xmin, alpha, xmax),
  };
}
