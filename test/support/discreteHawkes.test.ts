import { describe, expect, it } from "vitest";
import { randomStream } from "../../src/math/randomStream.js";
import { simulateDiscreteHawkes } from "./discreteHawkes.js";

/** Standard errors allowed between the long-run mean rate and μ/(1 − n). */
const Z_TOL = 5;
const BURN_IN = 1000;

function moments(counts: Int32Array, from: number): { mean: number; variance: number } {
  let mean = 0;
  let m2 = 0;
  let i = 0;
  for (let t = from; t < counts.length; t++) {
    i++;
    const d = counts[t]! - mean;
    mean += d / i;
    m2 += d * (counts[t]! - mean);
  }
  return { mean, variance: m2 / (i - 1) };
}

describe("simulateDiscreteHawkes", () => {
  it.each([
    [0.3, 2, 1],
    [0.6, 2, 2],
    [0.6, 6, 3],
  ])("has stationary mean rate μ/(1 − n) for n = %f, τ = %f", (branching, tau, index) => {
    const baseline = 4;
    const steps = 200_000;
    const counts = simulateDiscreteHawkes(randomStream(90, index), {
      steps,
      baseline,
      branching,
      tau,
    });
    const { mean, variance } = moments(counts, BURN_IN);
    const rate = baseline / (1 - branching);
    // Standard error of a long-run mean: the counts are autocorrelated, so use the asymptotic
    // variance of the cumulative count per step. Each immigrant starts a cluster of
    // 1/(1 − n) events on average with variance n/(1 − n)³ (Galton–Watson with Poisson
    // offspring), so Var(total)/T → μ·E[S²] = μ/(1 − n)³ (Hawkes 1971; Daley & Vere-Jones §12).
    const se = Math.sqrt(baseline / (1 - branching) ** 3 / (steps - BURN_IN));
    expect(Math.abs(mean - rate)).toBeLessThanOrEqual(Z_TOL * se);
    expect(variance / mean).toBeGreaterThan(1);
  });

  it("is a Poisson process with mean μ and dispersion 1 when n = 0", () => {
    const counts = simulateDiscreteHawkes(randomStream(91, 0), {
      steps: 100_000,
      baseline: 3,
      branching: 0,
      tau: 2,
    });
    const { mean, variance } = moments(counts, 0);
    expect(Math.abs(mean - 3)).toBeLessThan(Z_TOL * Math.sqrt(3 / 100_000));
    // Var(s²) ≈ (μ₄ − σ⁴)/N with μ₄ = λ(1 + 3λ)
    expect(Math.abs(variance - 3)).toBeLessThan(Z_TOL * Math.sqrt((3 + 2 * 9) / 100_000));
  });

  it("is reproducible and refuses explosive or invalid parameters", () => {
    const opts = { steps: 52, baseline: 4, branching: 0.3, tau: 2 };
    expect(simulateDiscreteHawkes(randomStream(5, 0), opts)).toEqual(
      simulateDiscreteHawkes(randomStream(5, 0), opts),
    );
    expect(simulateDiscreteHawkes(randomStream(5, 0), { ...opts, steps: 0 }).length).toBe(0);
    expect(() => simulateDiscreteHawkes(randomStream(5, 0), { ...opts, branching: 1 })).toThrow(
      /\[0, 1\)/,
    );
    expect(() => simulateDiscreteHawkes(randomStream(5, 0), { ...opts, tau: 0 })).toThrow(/tau/);
    expect(() => simulateDiscreteHawkes(randomStream(5, 0), { ...opts, baseline: -1 })).toThrow(
      /baseline/,
    );
    expect(() => simulateDiscreteHawkes(randomStream(5, 0), { ...opts, steps: 2.5 })).toThrow(
      /steps/,
    );
  });
});
