import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { randomStream } from "../math/randomStream.js";
import { fitHawkes } from "./fitHawkes.js";
import type { HawkesParameters, HawkesSpec } from "./HawkesModel.js";
import { hawkesLogLikelihood } from "./hawkesLogLikelihood.js";
import { simulateHawkesEvents } from "./simulateHawkesEvents.js";

const constant1: HawkesSpec = { background: { kind: "constant" }, components: 1 };
const truth: HawkesParameters = {
  background: Float64Array.of(0.5),
  branchingRatio: 0.5,
  decayRates: Float64Array.of(1),
  weights: Float64Array.of(1),
};

describe("fitHawkes", () => {
  const events = simulateHawkesEvents(randomStream(21, 0), constant1, truth, 2000);
  const fit = fitHawkes(events, constant1);

  it("finds estimates near the truth with intervals that cover it, on a series of ~2,000 events", () => {
    expect(fit.converged).toBe(true);
    expect(fit.eventCount).toBe(events.times.length);
    expect(fit.parameterCount).toBe(3);
    const n = fit.branchingRatio;
    expect(n.profile[0]).toBeLessThan(0.5);
    expect(n.profile[1]).toBeGreaterThan(0.5);
    expect(n.wald[0]).toBeLessThan(n.estimate);
    for (const e of fit.estimates) {
      expect(e.lower).toBeLessThanOrEqual(e.estimate);
      expect(e.upper).toBeGreaterThanOrEqual(e.estimate);
    }
    expect(fit.estimates.map((e) => e.name)).toEqual(["mu", "n", "beta", "tau"]);
  });

  it("is a maximum: the log-likelihood at the estimate is the reported one and no start found more", () => {
    expect(hawkesLogLikelihood(events, constant1, fit.theta)).toBeCloseTo(fit.logLikelihood, 8);
    expect(fit.startsAtBest).toBeGreaterThanOrEqual(1);
  });

  it("is deterministic for a seed", () => {
    const again = fitHawkes(events, constant1, { profile: false });
    expect(Array.from(again.theta)).toEqual(Array.from(fit.theta));
  });

  it("on a Poisson series, finds n near 0 and a profile interval from the bound 0", () => {
    const poisson = simulateHawkesEvents(
      randomStream(22, 0),
      constant1,
      { ...truth, branchingRatio: 0 },
      1000,
    );
    const f = fitHawkes(poisson, constant1);
    expect(f.branchingRatio.estimate).toBeLessThan(0.2);
    expect(f.branchingRatio.profile[0]).toBe(0);
    expect(f.branchingRatio.profileAtBound[0]).toBe(true);
    // a slow kernel (β near 1/T) mimics the background, so the upper end is far from 0
    expect(f.branchingRatio.profile[1]).toBeLessThan(0.999);
    expect(f.branchingRatio.profileAtBound[1]).toBe(false);
  });

  it("refuses degenerate inputs with a clear error", () => {
    const fitOf =
      (times: number[], duration = 10) =>
      () =>
        fitHawkes({ times: Float64Array.from(times), duration }, constant1);
    expect(fitOf([])).toThrow(/at least 2 events, got 0/);
    expect(fitOf([1])).toThrow(/at least 2 events, got 1/);
    expect(fitOf([3, 3, 3])).toThrow(/all 3 events lie at one time/);
    expect(fitOf([1, 2], 0)).toThrow(/duration > 0/);
    expect(fitOf([2, 1])).toThrow(/times must ascend/);
    expect(fitOf([1, Number.NaN])).toThrow(LinkageError);
    expect(fitOf([1, 12])).toThrow(/within \[0, 10\)/);
    expect(() =>
      fitHawkes(
        { times: Float64Array.of(1, 2), duration: 10 },
        { background: { kind: "piecewise", changePoints: [12] }, components: 1 },
      ),
    ).toThrow(/inside \(0, 10\)/);
  });
});
