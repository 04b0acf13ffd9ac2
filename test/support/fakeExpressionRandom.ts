import type { ExpressionRandom } from "../../src/expression/ExpressionRandom.js";

/** One recorded call of a {@link FakeExpressionRandom} method. */
export interface RandomCall {
  readonly method: keyof ExpressionRandom;
  readonly args: readonly number[];
}

/**
 * A deterministic stand-in for the samplers, for tests only: a seeded 32-bit generator
 * (mulberry32) feeding crude but cheap transforms, and a log of every call so tests can
 * check which draws an expression made, with which arguments, in which order. Not a
 * statistically faithful sampler; `src/math/` provides those.
 */
export class FakeExpressionRandom implements ExpressionRandom {
  readonly calls: RandomCall[] = [];
  private state: number;

  constructor(seed = 1) {
    this.state = seed >>> 0;
  }

  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  }

  private record(method: keyof ExpressionRandom, args: readonly number[]): number {
    this.calls.push({ method, args });
    return this.next();
  }

  uniform(): number {
    return this.record("uniform", []);
  }
  poisson(mean: number): number {
    return Math.floor(this.record("poisson", [mean]) * (2 * mean + 1));
  }
  bernoulli(p: number): number {
    return this.record("bernoulli", [p]) < p ? 1 : 0;
  }
  normal(mean: number, sd: number): number {
    return mean + sd * (2 * this.record("normal", [mean, sd]) - 1);
  }
  lognormal(meanlog: number, sdlog: number): number {
    return Math.exp(meanlog + sdlog * (2 * this.record("lognormal", [meanlog, sdlog]) - 1));
  }
  powerlaw(xmin: number, alpha: number): number {
    return xmin * (1 - this.record("powerlaw", [xmin, alpha])) ** (-1 / (alpha - 1));
  }
  severity(
    n: number,
    pmass: number,
    median: number,
    sigma: number,
    xmin: number,
    alpha: number,
  ): number {
    const u = this.record("severity", [n, pmass, median, sigma, xmin, alpha]);
    return n * (u < pmass ? xmin * (1 + alpha * u) : median * Math.exp(sigma * (u - 0.5)));
  }

  /** Names of the methods called so far, in order. */
  methods(): string[] {
    return this.calls.map((c) => c.method);
  }
}
