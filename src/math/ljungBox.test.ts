import { describe, expect, it } from "vitest";
import { ljungBox } from "./ljungBox.js";
import { randomStream } from "./randomStream.js";
import { normal } from "./samplers.js";

/** Four binomial standard deviations of a rejection fraction at `level` over `samples`. */
function binomialTolerance(samples: number, level: number): number {
  return 4 * Math.sqrt((level * (1 - level)) / samples);
}

describe("ljungBox", () => {
  it("computes Q by hand for 1, 2, 3, 4, 5 at one lag", () => {
    // r₁ = 0.4: Q = 5·7·0.16/4 = 1.4; scipy 1.17 chi2.sf(1.4, 1) = 0.23672357063785393
    const r = ljungBox([1, 2, 3, 4, 5], 1);
    expect(r.statistic).toBeCloseTo(1.4, 13);
    expect(r.degreesOfFreedom).toBe(1);
    expect(r.pValue).toBeCloseTo(0.23672357063785393, 12);
  });

  it("is χ²(h)-distributed on white noise: rejects 5% of seeded series at 5%", () => {
    for (const [make, label] of [
      [(rng: ReturnType<typeof randomStream>) => normal(rng, 0, 1), "normal"],
      [(rng: ReturnType<typeof randomStream>) => -Math.log1p(-rng.next()), "Exp(1)"],
    ] as const) {
      const samples = 1000;
      let rejected = 0;
      for (let s = 0; s < samples; s++) {
        const rng = randomStream(label === "normal" ? 4 : 5, s);
        const x = Float64Array.from({ length: 300 }, () => make(rng));
        if (ljungBox(x, 20).pValue < 0.05) rejected++;
      }
      expect(Math.abs(rejected / samples - 0.05), label).toBeLessThan(
        binomialTolerance(samples, 0.05),
      );
    }
  });

  it("rejects a strongly autocorrelated AR(1) series (φ = 0.6)", () => {
    const rng = randomStream(6, 0);
    const x = new Float64Array(300);
    for (let t = 1; t < x.length; t++) x[t] = 0.6 * x[t - 1]! + normal(rng, 0, 1);
    expect(ljungBox(x, 10).pValue).toBeLessThan(1e-10);
  });

  it("subtracts fitted degrees of freedom and refuses bad lags", () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
    expect(ljungBox(x, 4, 2).degreesOfFreedom).toBe(2);
    expect(ljungBox(x, 4, 2).statistic).toBe(ljungBox(x, 4).statistic);
    expect(() => ljungBox(x, 0)).toThrow(/lags/);
    expect(() => ljungBox(x, 10)).toThrow(/lags/);
    expect(() => ljungBox(x, 4, 4)).toThrow(/fittedDegreesOfFreedom/);
  });
});
