import { describe, expect, it } from "vitest";
import { randomStream } from "../math/randomStream.js";
import type { HawkesParameters, HawkesSpec } from "./HawkesModel.js";
import { hawkesCompensator } from "./hawkesCompensator.js";
import { hawkesIntensity } from "./hawkesIntensity.js";
import { hawkesParameterVector } from "./hawkesParameterLayout.js";
import { simulateHawkesEvents } from "./simulateHawkesEvents.js";

const constant1: HawkesSpec = { background: { kind: "constant" }, components: 1 };
const truth: HawkesParameters = {
  background: Float64Array.of(1),
  branchingRatio: 0.5,
  decayRates: Float64Array.of(1),
  weights: Float64Array.of(1),
};

describe("simulateHawkesEvents", () => {
  it("gives the same series for the same seed, another for another", () => {
    const a = simulateHawkesEvents(randomStream(4, 0), constant1, truth, 100);
    const b = simulateHawkesEvents(randomStream(4, 0), constant1, truth, 100);
    const c = simulateHawkesEvents(randomStream(4, 1), constant1, truth, 100);
    expect(Array.from(a.times)).toEqual(Array.from(b.times));
    expect(Array.from(a.times)).not.toEqual(Array.from(c.times));
    for (let i = 1; i < a.times.length; i++)
      expect(a.times[i]!).toBeGreaterThanOrEqual(a.times[i - 1]!);
    expect(a.times[a.times.length - 1]!).toBeLessThan(100);
  });

  it("has mean count μT/(1 − n) on a long stationary series (50 series of T = 2,000)", () => {
    // E N(T) = μT/(1−n) − μn(1 − e^{−(1−n)βT})/((1−n)²β) (it starts empty) = 4000 − 2;
    // Var N(T) ≈ μT/(1−n)³ = 16,000, so the mean of 50 counts has sd ≈ 17.9
    const series = 50;
    let total = 0;
    for (let s = 0; s < series; s++)
      total += simulateHawkesEvents(randomStream(11, s), constant1, truth, 2000).times.length;
    expect(Math.abs(total / series - 3998)).toBeLessThan(4 * Math.sqrt(16000 / series));
  });

  it("follows a piecewise background: counts per segment ≈ μ_j L_j/(1 − n)", () => {
    const spec: HawkesSpec = {
      background: { kind: "piecewise", changePoints: [1000] },
      components: 1,
    };
    const params = { ...truth, background: Float64Array.of(0.5, 2) };
    let before = 0;
    let after = 0;
    const series = 20;
    for (let s = 0; s < series; s++) {
      const { times } = simulateHawkesEvents(randomStream(12, s), spec, params, 2000);
      for (const t of times)
        if (t < 1000) before++;
        else after++;
    }
    // means 1000 and 4000 a series; sds ≈ √(μL/(1−n)³)/√20
    expect(Math.abs(before / series - 1000)).toBeLessThan(4 * Math.sqrt(4000 / series));
    expect(Math.abs(after / series - 4000)).toBeLessThan(4 * Math.sqrt(16000 / series) + 4);
  });

  it("has time-rescaled gaps that are Exp(1): mean 1, variance 1, median ln 2", () => {
    const spec: HawkesSpec = {
      background: { kind: "spline", knots: [0, 250, 500] },
      components: 2,
    };
    const params: HawkesParameters = {
      background: Float64Array.of(0.5, 2, 1),
      branchingRatio: 0.6,
      decayRates: Float64Array.of(5, 0.2),
      weights: Float64Array.of(0.7, 0.3),
    };
    const theta = hawkesParameterVector(params);
    let count = 0;
    let sum = 0;
    let sumSquares = 0;
    let belowMedian = 0;
    for (let s = 0; s < 20; s++) {
      const events = simulateHawkesEvents(randomStream(13, s), spec, params, 500);
      const compensator = hawkesCompensator(events, spec, theta);
      let previous = 0;
      for (const value of compensator) {
        const gap = value - previous;
        previous = value;
        count++;
        sum += gap;
        sumSquares += gap * gap;
        if (gap < Math.LN2) belowMedian++;
      }
    }
    const mean = sum / count;
    expect(count).toBeGreaterThan(10_000);
    expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(count));
    // Var of the sample variance of Exp(1) ≈ (μ₄ − 1)/N = 8/N
    expect(Math.abs(sumSquares / count - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(8 / count));
    expect(Math.abs(belowMedian / count - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / count));
  });

  it("refuses an explosive branching ratio and a bad duration", () => {
    expect(() =>
      simulateHawkesEvents(randomStream(1, 0), constant1, { ...truth, branchingRatio: 1 }, 10),
    ).toThrow(/branching ratio in \[0, 1\)/);
    expect(() => simulateHawkesEvents(randomStream(1, 0), constant1, truth, 0)).toThrow(
      /duration > 0/,
    );
  });
});

describe("hawkesCompensator and hawkesIntensity", () => {
  const events = { times: Float64Array.of(1, 2), duration: 3 };
  const theta = Float64Array.of(0.5, 0.5, 1, 1);
  it("match the worked examples", () => {
    const c = hawkesCompensator(events, constant1, theta);
    expect(c[0]).toBeCloseTo(0.5, 14);
    expect(c[1]).toBeCloseTo(1 + 0.5 * (1 - Math.exp(-1)), 14);
    const l = hawkesIntensity(events, constant1, theta, Float64Array.of(0, 1, 2, 2.5));
    expect(Array.from(l.subarray(0, 2))).toEqual([0.5, 0.5]);
    expect(l[2]).toBeCloseTo(0.5 + 0.5 * Math.exp(-1), 14);
    expect(l[3]).toBeCloseTo(0.5 + 0.5 * (Math.exp(-1.5) + Math.exp(-0.5)), 14);
  });

  it("the compensator is the integral of the intensity (trapezoid rule on a fine grid)", () => {
    const spec: HawkesSpec = { background: { kind: "spline", knots: [0, 5, 10] }, components: 2 };
    const th = Float64Array.of(0.2, 1, 0.4, 0.7, 3, 0.5, 0.6, 0.4);
    const ev = simulateHawkesEvents(
      randomStream(3, 0),
      spec,
      {
        background: th.slice(0, 3),
        branchingRatio: 0.7,
        decayRates: th.slice(4, 6),
        weights: th.slice(6, 8),
      },
      10,
    );
    const compensator = hawkesCompensator(ev, spec, th);
    const last = ev.times[ev.times.length - 1]!;
    const steps = 200_000;
    const grid = Float64Array.from({ length: steps + 1 }, (_, g) => (g * last) / steps);
    const lambda = hawkesIntensity(ev, spec, th, grid);
    let integral = 0;
    for (let g = 0; g < steps; g++)
      integral += ((lambda[g]! + lambda[g + 1]!) / 2) * (last / steps);
    expect(Math.abs(integral - compensator[compensator.length - 1]!)).toBeLessThan(1e-3);
  });

  it("refuse a parameter vector of the wrong length and a descending grid", () => {
    expect(() => hawkesCompensator(events, constant1, Float64Array.of(1))).toThrow(/takes 4/);
    expect(() => hawkesIntensity(events, constant1, theta, Float64Array.of(2, 1))).toThrow(
      /must ascend/,
    );
  });
});
