import { describe, expect, it } from "vitest";
import { simulateDiscreteHawkes } from "../../test/support/discreteHawkes.js";
import { randomStream } from "../math/randomStream.js";
import { poisson } from "../math/samplers.js";
import { countPitResiduals } from "./countPitResiduals.js";

describe("countPitResiduals", () => {
  it("are uniform for Poisson counts under their true means (moments and decile counts)", () => {
    const rng = randomStream(5, 0);
    const steps = 20_000;
    const means = Float64Array.from({ length: steps }, (_, t) => 0.2 + (t % 50) / 5);
    const counts = Int32Array.from(means, (m) => poisson(rng, m));
    const u = countPitResiduals(counts, means, randomStream(5, 1));
    const mean = u.reduce((a, b) => a + b, 0) / steps;
    const variance = u.reduce((a, b) => a + (b - mean) ** 2, 0) / steps;
    // U(0,1): mean 1/2 (sd 1/√(12·n) ≈ 0.002), variance 1/12
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / steps));
    expect(variance).toBeCloseTo(1 / 12, 2);
    const deciles = new Int32Array(10);
    for (const x of u) deciles[Math.floor(x * 10)]!++;
    // each decile holds 2,000 ± 4·√(2000·0.9)
    for (const c of deciles) expect(Math.abs(c - 2000)).toBeLessThan(4 * Math.sqrt(2000 * 0.9));
  });

  it("are not uniform when the counts are overdispersed against the means used", () => {
    const counts = simulateDiscreteHawkes(randomStream(9, 0), {
      steps: 5000,
      baseline: 1,
      branching: 0.7,
      tau: 3,
    });
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const u = countPitResiduals(
      counts,
      new Float64Array(counts.length).fill(mean),
      randomStream(9, 1),
    );
    const tails = u.filter((x) => x < 0.05 || x > 0.95).length / u.length;
    // uniform would put 10% ± 0.4% (sd) in the two tails
    expect(tails).toBeGreaterThan(0.12);
  });

  it("handle large counts without overflow and refuse impossible counts", () => {
    const u = countPitResiduals(Int32Array.of(1000), Float64Array.of(1000), randomStream(1, 0));
    expect(u[0]).toBeGreaterThan(0.45);
    expect(u[0]).toBeLessThan(0.55);
    expect(() =>
      countPitResiduals(Int32Array.of(1), Float64Array.of(0), randomStream(1, 0)),
    ).toThrow(/1 events under a mean of 0/);
  });
});

describe("countPitResiduals on the exponential scale", () => {
  it("are Exp(1) under the true means, equal −ln(1 − u) of the uniform ones, and stay finite far in the tail", () => {
    const rng = randomStream(6, 0);
    const means = Float64Array.from({ length: 20_000 }, (_, t) => 0.5 + (t % 20));
    const counts = Int32Array.from(means, (m) => poisson(rng, m));
    const u = countPitResiduals(counts, means, randomStream(6, 1));
    const e = countPitResiduals(counts, means, randomStream(6, 1), "exponential");
    for (let t = 0; t < 200; t++) {
      if (u[t]! < 0.999) expect(e[t]).toBeCloseTo(-Math.log1p(-u[t]!), 8);
    }
    const mean = e.reduce((a, b) => a + b, 0) / e.length;
    expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(e.length)); // Exp(1): mean 1, sd 1
    const far = countPitResiduals(
      Int32Array.of(5_000_000, 21),
      Float64Array.of(1, 0.5),
      randomStream(1, 0),
      "exponential",
    );
    for (const x of far) {
      expect(Number.isFinite(x)).toBe(true);
      expect(x).toBeGreaterThan(20);
    }
  });
});
