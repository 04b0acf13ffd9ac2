/**
 * Recovery: on series simulated with known parameters (Ogata thinning), the fit's 95% intervals
 * cover the truth at the nominal rate, and richer models find what was put in. Each coverage
 * test uses 200 seeded series; a rate within three binomial standard deviations of 0.95,
 * |ĉ − 0.95| ≤ 3·√(0.95·0.05/200) = 0.046, passes. The fits use 3 starts (the exponential
 * kernel's likelihood on these series has one maximum; every fit must report convergence), which
 * keeps the file near 12 s on one core (with the default 10 starts the 10,000-event case alone
 * takes ~15 s). Measured coverage (μ, n profile, β): 300 events 0.915, 0.955, 0.91; 1,000 events
 * 0.935, 0.94, 0.955; 10,000 events 0.935, 0.95, 0.95: the log-scale Wald intervals of μ and β
 * run a little short on the shortest series, as Wald intervals do.
 */
import { describe, expect, it } from "vitest";
import { randomStream } from "../math/randomStream.js";
import { fitHawkes } from "./fitHawkes.js";
import type { HawkesFit } from "./HawkesFit.js";
import type { HawkesParameters, HawkesSpec } from "./HawkesModel.js";
import { simulateHawkesEvents } from "./simulateHawkesEvents.js";

const SERIES = 200;
const NOMINAL = 0.95;
const COVERAGE_TOL = 3 * Math.sqrt((NOMINAL * (1 - NOMINAL)) / SERIES);
/** For single-series checks: the estimate within this many standard errors of the truth. */
const Z_SINGLE = 4;

const constant1: HawkesSpec = { background: { kind: "constant" }, components: 1 };
const truth: HawkesParameters = {
  background: Float64Array.of(0.5),
  branchingRatio: 0.5,
  decayRates: Float64Array.of(1),
  weights: Float64Array.of(1),
};

function estimate(fit: HawkesFit, name: string) {
  const found = fit.estimates.find((e) => e.name === name);
  if (!found) throw new Error(`no estimate ${name}`);
  return found;
}

describe("fitHawkes recovers known parameters", () => {
  // μ = 0.5, n = 0.5: E N(T) ≈ μT/(1 − n) = T events
  it.each([{ events: 300 }, { events: 1000 }, { events: 10_000 }])(
    "~$events events: the 95 percent intervals of μ, n (profile) and β cover the truth at the nominal rate over 200 series",
    ({ events }) => {
      const duration = events;
      let coverMu = 0;
      let coverN = 0;
      let coverBeta = 0;
      let coverNWald = 0;
      let total = 0;
      for (let s = 0; s < SERIES; s++) {
        const series = simulateHawkesEvents(
          randomStream(1300 + events, s),
          constant1,
          truth,
          duration,
        );
        total += series.times.length;
        const fit = fitHawkes(series, constant1, { starts: 3, seed: s });
        expect(fit.converged).toBe(true);
        const mu = estimate(fit, "mu");
        const beta = estimate(fit, "beta");
        const [nLow, nHigh] = fit.branchingRatio.profile;
        if (mu.lower <= 0.5 && 0.5 <= mu.upper) coverMu++;
        if (beta.lower <= 1 && 1 <= beta.upper) coverBeta++;
        if (nLow <= 0.5 && 0.5 <= nHigh) coverN++;
        const [wLow, wHigh] = fit.branchingRatio.wald;
        if (wLow <= 0.5 && 0.5 <= wHigh) coverNWald++;
      }
      const rates = {
        mu: coverMu / SERIES,
        n: coverN / SERIES,
        beta: coverBeta / SERIES,
        nWald: coverNWald / SERIES,
      };
      const report = `coverage over ${SERIES} series of mean ${(total / SERIES).toFixed(0)} events: ${JSON.stringify(rates)}`;
      expect(Math.abs(rates.n - NOMINAL), report).toBeLessThanOrEqual(COVERAGE_TOL);
      expect(Math.abs(rates.mu - NOMINAL), report).toBeLessThanOrEqual(COVERAGE_TOL);
      expect(Math.abs(rates.beta - NOMINAL), report).toBeLessThanOrEqual(COVERAGE_TOL);
    },
  );

  it("finds a jump in a piecewise background at its change point", () => {
    const spec: HawkesSpec = {
      background: { kind: "piecewise", changePoints: [2000] },
      components: 1,
    };
    const params = {
      ...truth,
      background: Float64Array.of(0.3, 1.2),
      branchingRatio: 0.4,
      decayRates: Float64Array.of(2),
    };
    const series = simulateHawkesEvents(randomStream(31, 0), spec, params, 4000);
    const fit = fitHawkes(series, spec);
    expect(fit.converged).toBe(true);
    for (const [name, value] of [
      ["mu_1", 0.3],
      ["mu_2", 1.2],
      ["n", 0.4],
      ["beta", 2],
    ] as const) {
      const e = estimate(fit, name);
      expect(Math.abs(e.estimate - value)).toBeLessThan(Z_SINGLE * e.standardError);
    }
    // the jump is resolved: the two intervals do not overlap
    expect(estimate(fit, "mu_1").upper).toBeLessThan(estimate(fit, "mu_2").lower);
  });

  it("follows a linear trend with a two-knot spline background", () => {
    const spec: HawkesSpec = { background: { kind: "spline", knots: [0, 5000] }, components: 1 };
    const params = { ...truth, background: Float64Array.of(0.2, 1) };
    const series = simulateHawkesEvents(randomStream(32, 0), spec, params, 5000);
    const fit = fitHawkes(series, spec);
    for (const [name, value] of [
      ["c_1", 0.2],
      ["c_2", 1],
      ["n", 0.5],
    ] as const) {
      const e = estimate(fit, name);
      expect(Math.abs(e.estimate - value)).toBeLessThan(Z_SINGLE * e.standardError);
    }
  });

  it("separates two decay rates 100 times apart with a sum-of-two-exponentials kernel", () => {
    const spec: HawkesSpec = { background: { kind: "constant" }, components: 2 };
    const params: HawkesParameters = {
      background: Float64Array.of(0.5),
      branchingRatio: 0.6,
      decayRates: Float64Array.of(10, 0.1),
      weights: Float64Array.of(0.5, 0.5),
    };
    const series = simulateHawkesEvents(randomStream(33, 0), spec, params, 20_000);
    const fit = fitHawkes(series, spec);
    expect(fit.converged).toBe(true);
    expect(fit.estimates.map((e) => e.name)).toEqual([
      "mu",
      "n",
      "beta_1",
      "beta_2",
      "w_1",
      "w_2",
      "tau_1",
      "tau_2",
    ]);
    for (const [name, value] of [
      ["mu", 0.5],
      ["n", 0.6],
      ["beta_1", 10],
      ["beta_2", 0.1],
      ["w_1", 0.5],
      ["w_2", 0.5],
    ] as const) {
      const e = estimate(fit, name);
      expect(Math.abs(e.estimate - value)).toBeLessThan(Z_SINGLE * e.standardError);
    }
    // the fast component's interval lies far above the slow one's
    expect(estimate(fit, "beta_2").upper * 10).toBeLessThan(estimate(fit, "beta_1").lower);
  });
});
