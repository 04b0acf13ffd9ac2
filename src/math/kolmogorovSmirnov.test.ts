import { describe, expect, it } from "vitest";
import { kolmogorovSmirnov } from "./kolmogorovSmirnov.js";
import { randomStream } from "./randomStream.js";

const uniformCdf = (x: number): number => Math.min(1, Math.max(0, x));

/** Fraction of seeded null samples of size n whose p-value falls below `level`. */
function rejectionRate(seed: number, samples: number, n: number, level: number): number {
  let rejected = 0;
  const x = new Float64Array(n);
  for (let s = 0; s < samples; s++) {
    const rng = randomStream(seed, s);
    for (let i = 0; i < n; i++) x[i] = rng.next();
    if (kolmogorovSmirnov(x, uniformCdf).pValue < level) rejected++;
  }
  return rejected / samples;
}

/** Four binomial standard deviations of a rejection fraction at `level` over `samples`. */
function binomialTolerance(samples: number, level: number): number {
  return 4 * Math.sqrt((level * (1 - level)) / samples);
}

describe("kolmogorovSmirnov", () => {
  it("computes Dₙ from the sorted sample (hand-computed)", () => {
    // sorted 0.1, 0.4, 0.7: max(1/3 − 0.1, 2/3 − 0.4, 1 − 0.7, 0.1, 0.4 − 1/3, 0.7 − 2/3) = 0.3
    const r = kolmogorovSmirnov([0.7, 0.1, 0.4], uniformCdf);
    expect(r.statistic).toBeCloseTo(0.3, 15);
    expect(r.n).toBe(3);
    // scipy 1.17: kstest([0.7, 0.1, 0.4], "uniform").pvalue = 0.8862222222222222
    expect(r.pValue).toBeCloseTo(0.8862222222222222, 12);
  });

  it("leaves its input unsorted", () => {
    const x = Float64Array.of(0.9, 0.2);
    kolmogorovSmirnov(x, uniformCdf);
    expect([...x]).toEqual([0.9, 0.2]);
  });

  it("gives uniform p-values under the null (exact range, n = 30, 1,000 seeded samples)", () => {
    for (const level of [0.05, 0.5]) {
      const rate = rejectionRate(1, 1000, 30, level);
      expect(Math.abs(rate - level)).toBeLessThan(binomialTolerance(1000, level));
    }
  });

  it("gives uniform p-values under the null (limit range, n = 1,500, 500 seeded samples)", () => {
    const rate = rejectionRate(2, 500, 1500, 0.05);
    expect(Math.abs(rate - 0.05)).toBeLessThan(binomialTolerance(500, 0.05));
  });

  it("rejects a sample from another distribution", () => {
    const rng = randomStream(3, 0);
    const squares = Float64Array.from({ length: 200 }, () => rng.next() ** 2);
    expect(kolmogorovSmirnov(squares, uniformCdf).pValue).toBeLessThan(1e-6);
  });

  it("refuses an empty sample, NaN and a CDF outside [0, 1]", () => {
    expect(() => kolmogorovSmirnov([], uniformCdf)).toThrow(/at least one/);
    expect(() => kolmogorovSmirnov([0.1, Number.NaN], uniformCdf)).toThrow(/NaN/);
    expect(() => kolmogorovSmirnov([0.1], () => 2)).toThrow(/\[0, 1\]/);
  });
});
