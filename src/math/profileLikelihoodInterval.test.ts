import { describe, expect, it } from "vitest";
import type { SmoothObjective } from "./minimizeBounded.js";
import { normalQuantile } from "./normalQuantile.js";
import { profileLikelihoodInterval } from "./profileLikelihoodInterval.js";

/** Accuracy asked of an interval's ends (the default tolerance is 1e-6 of the scale). */
const END_TOL = 1e-5;
const CHI2_95 = normalQuantile(0.975) ** 2;

describe("profileLikelihoodInterval", () => {
  it("is θ̂ ± z₀.₉₇₅ for a standard normal log-likelihood", () => {
    const f: SmoothObjective = (x, g) => {
      g[0] = x[0]! - 2;
      return (x[0]! - 2) ** 2 / 2;
    };
    const interval = profileLikelihoodInterval(f, Float64Array.of(2), 0, 0, {
      lower: [-10],
      upper: [10],
    });
    expect(interval.lower).toBeCloseTo(2 - 1.959963984540054, 5);
    expect(interval.upper).toBeCloseTo(2 + 1.959963984540054, 5);
    expect(interval.lowerAtBound || interval.upperAtBound).toBe(false);
  });

  it("re-maximises the nuisance: a normal mean with unknown σ has ends x̄ ± s√(e^{c/n} − 1)", () => {
    // −ℓ(μ, σ) = n log σ + Σ(x_i − μ)²/(2σ²); the profile deviance of μ is n log(1 + (x̄ − μ)²/s²),
    // s² the MLE variance (Pawitan 2001, §3.4)
    const data = [1.2, 0.7, 2.9, 1.8, 0.4, 2.2, 1.1, 1.6];
    const count = data.length;
    const mean = data.reduce((a, b) => a + b, 0) / count;
    const s2 = data.reduce((a, b) => a + (b - mean) ** 2, 0) / count;
    const f: SmoothObjective = (x, g) => {
      const mu = x[0]!;
      const sigma = x[1]!;
      let ss = 0;
      let sd = 0;
      for (const v of data) {
        ss += (v - mu) ** 2;
        sd += v - mu;
      }
      g[0] = -sd / sigma ** 2;
      g[1] = count / sigma - ss / sigma ** 3;
      return count * Math.log(sigma) + ss / (2 * sigma ** 2);
    };
    const hat = Float64Array.of(mean, Math.sqrt(s2));
    const minimum = f(hat, new Float64Array(2));
    const interval = profileLikelihoodInterval(f, hat, minimum, 0, {
      lower: [-100, 1e-6],
      upper: [100, 100],
      standardError: Math.sqrt(s2 / count),
    });
    const half = Math.sqrt(s2 * (Math.exp(CHI2_95 / count) - 1));
    expect(Math.abs(interval.lower - (mean - half))).toBeLessThan(END_TOL);
    expect(Math.abs(interval.upper - (mean + half))).toBeLessThan(END_TOL);
    expect(interval.evaluations).toBeLessThan(40);
  });

  it("ends on the bound when the deviance never reaches χ²: a proportion with no successes", () => {
    // 0 successes in 20 trials: −ℓ(p) = −20 log(1 − p), p̂ = 0; upper end 1 − e^{−c/40}
    const f: SmoothObjective = (x, g) => {
      g[0] = 20 / (1 - x[0]!);
      return -20 * Math.log(1 - x[0]!);
    };
    const interval = profileLikelihoodInterval(f, Float64Array.of(0), 0, 0, {
      lower: [0],
      upper: [0.999],
    });
    expect(interval.lower).toBe(0);
    expect(interval.lowerAtBound).toBe(true);
    expect(Math.abs(interval.upper - (1 - Math.exp(-CHI2_95 / 40)))).toBeLessThan(END_TOL);
    expect(interval.upperAtBound).toBe(false);
  });

  it("flags an end at the upper bound for a flat likelihood", () => {
    const f: SmoothObjective = (x, g) => {
      g[0] = 0.01 * (x[0]! - 0.5);
      return 0.005 * (x[0]! - 0.5) ** 2;
    };
    const interval = profileLikelihoodInterval(f, Float64Array.of(0.5), 0, 0, {
      lower: [0],
      upper: [1],
    });
    expect(interval).toMatchObject({ lower: 0, upper: 1, lowerAtBound: true, upperAtBound: true });
  });

  it("refuses an index that is not a coordinate and an estimate outside its bounds", () => {
    const f: SmoothObjective = (x, g) => {
      g[0] = x[0]!;
      return x[0]! ** 2 / 2;
    };
    expect(() =>
      profileLikelihoodInterval(f, Float64Array.of(0), 0, 1, { lower: [-1], upper: [1] }),
    ).toThrow(/index 1/);
    expect(() =>
      profileLikelihoodInterval(f, Float64Array.of(2), 0, 0, { lower: [-1], upper: [1] }),
    ).toThrow(/outside/);
  });
});
