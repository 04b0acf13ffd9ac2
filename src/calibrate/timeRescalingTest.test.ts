import { describe, expect, it } from "vitest";
import { type RandomStream, randomStream } from "../math/randomStream.js";
import { poissonConstantFit } from "./poissonConstantFit.js";
import { timeRescalingTest } from "./timeRescalingTest.js";

/** Four binomial standard deviations of a rejection fraction at `level` over `samples`. */
function binomialTolerance(samples: number, level: number): number {
  return 4 * Math.sqrt((level * (1 - level)) / samples);
}

/** Exp(rate) draw by inversion. */
function exponential(rng: RandomStream, rate: number): number {
  return -Math.log1p(-rng.next()) / rate;
}

/**
 * A Hawkes process with exponential kernel, λ(t) = μ + Σ_{tᵢ<t} n·β·e^{−β(t−tᵢ)}, simulated on
 * [0, T) by Ogata's thinning (the intensity only decays between events, so its value just after
 * the last event bounds it), with its exact compensator at the events,
 * Λ(t) = μt + n·Σ_{tᵢ<t}(1 − e^{−β(t−tᵢ)}). Source: Y. Ogata, IEEE Trans. Inf. Theory 27 (1981).
 */
function simulateHawkes(
  rng: RandomStream,
  mu: number,
  branching: number,
  beta: number,
  duration: number,
): { times: Float64Array; compensator: Float64Array } {
  const times: number[] = [];
  const compensator: number[] = [];
  let t = 0;
  let excitation = 0; // Σ n·β·e^{−β(t − tᵢ)} at t
  let kernelMass = 0; // Σ n·(1 − e^{−β(t − tᵢ)}) at t
  let count = 0;
  for (;;) {
    const bound = mu + excitation;
    const w = exponential(rng, bound);
    const decay = Math.exp(-beta * w);
    t += w;
    if (t >= duration) break;
    kernelMass = branching * count - (branching * count - kernelMass) * decay;
    excitation *= decay;
    if (rng.next() * bound < mu + excitation) {
      times.push(t);
      compensator.push(mu * t + kernelMass);
      excitation += branching * beta;
      count++;
    }
  }
  return { times: Float64Array.from(times), compensator: Float64Array.from(compensator) };
}

describe("timeRescalingTest", () => {
  it("rejects a true Poisson model at the nominal 5% (KS and Ljung–Box, 400 seeded series)", () => {
    const samples = 400;
    let ksRejected = 0;
    let boxRejected = 0;
    for (let s = 0; s < samples; s++) {
      const rng = randomStream(21, s);
      const times: number[] = [];
      for (let t = exponential(rng, 2); t < 50; t += exponential(rng, 2)) times.push(t);
      const r = timeRescalingTest(Float64Array.from(times, (t) => 2 * t));
      if (r.ks.pValue < 0.05) ksRejected++;
      if (r.ljungBox.pValue < 0.05) boxRejected++;
    }
    const tol = binomialTolerance(samples, 0.05);
    expect(Math.abs(ksRejected / samples - 0.05)).toBeLessThan(tol);
    expect(Math.abs(boxRejected / samples - 0.05)).toBeLessThan(tol);
  });

  it("holds its level on Hawkes series under their true compensator; rejects the constant Poisson fit", () => {
    const samples = 80;
    let truthRejected = 0;
    let poissonRejected = 0;
    for (let s = 0; s < samples; s++) {
      // μ = 0.5, n = 0.7, β = 1 on [0, 150): about μT/(1 − n) = 250 events
      const { times, compensator } = simulateHawkes(randomStream(22, s), 0.5, 0.7, 1, 150);
      const truth = timeRescalingTest(compensator);
      if (Math.min(truth.ks.pValue, truth.ljungBox.pValue) < 0.025) truthRejected++;
      const poisson = timeRescalingTest(
        poissonConstantFit({ times, duration: 150 }).compensatorAtEvents,
      );
      if (Math.min(poisson.ks.pValue, poisson.ljungBox.pValue) < 0.025) poissonRejected++;
    }
    // either test at 2.5% (Bonferroni): at most 5% under the truth
    expect(truthRejected / samples).toBeLessThan(0.05 + binomialTolerance(samples, 0.05));
    expect(poissonRejected / samples).toBeGreaterThan(0.95);
  });

  it("draws a QQ band that holds every gap exactly when KS does not reject at 5%", () => {
    let inside = 0;
    for (let s = 0; s < 60; s++) {
      const rng = randomStream(23, s);
      // a slightly wrong rate (1.15 for 1) so that some series are rejected
      const compensator = new Float64Array(80);
      let t = 0;
      for (let i = 0; i < 80; i++) {
        t += exponential(rng, 1);
        compensator[i] = 1.15 * t;
      }
      const { ks, qq } = timeRescalingTest(compensator);
      const allInside = qq.sample.every((g, i) => g >= qq.lower[i]! && g <= qq.upper[i]!);
      expect(allInside).toBe(ks.pValue > 0.05);
      if (allInside) inside++;
    }
    expect(inside).toBeGreaterThan(5);
    expect(inside).toBeLessThan(55);
  });

  it("reports plot data: Exp(1) quantiles, sorted gaps, band, ACF with ±1.96/√n", () => {
    const r = timeRescalingTest(
      Float64Array.from({ length: 50 }, (_, i) => i + 1 + 0.3 * Math.sin(i)),
    );
    expect(r.gaps.length).toBe(50);
    expect(r.qq.theoretical[0]).toBeCloseTo(-Math.log1p(-0.5 / 50), 15);
    expect(r.qq.theoretical[49]).toBeCloseTo(-Math.log(0.5 / 50), 12);
    for (let i = 1; i < 50; i++) expect(r.qq.sample[i]).toBeGreaterThanOrEqual(r.qq.sample[i - 1]!);
    expect(r.qq.upper[49]).toBe(Number.POSITIVE_INFINITY);
    expect(r.qq.lower[0]).toBe(0);
    // default lags min(20, ⌊50/5⌋) = 10
    expect(r.ljungBox.lags).toBe(10);
    expect(r.acf.values.length).toBe(11);
    expect(r.acf.values[0]).toBe(1);
    expect(r.acf.bound).toBeCloseTo(1.959963984540054 / Math.sqrt(50), 8);
    expect(
      timeRescalingTest(Float64Array.from({ length: 1000 }, (_, i) => 2 * i + (i % 3))).ljungBox
        .lags,
    ).toBe(20);
    expect(
      timeRescalingTest(
        r.gaps.map((_, i) => i + 1 + 0.3 * Math.sin(i)),
        { lags: 3 },
      ).acf.values.length,
    ).toBe(4);
  });

  it("refuses fewer than 5 events", () => {
    expect(() => timeRescalingTest(Float64Array.of(1, 2, 3, 4))).toThrow(/at least 5 events/);
  });
});
