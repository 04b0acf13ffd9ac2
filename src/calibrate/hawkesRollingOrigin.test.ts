import { describe, expect, it } from "vitest";
import { randomStream } from "../math/randomStream.js";
import { countBelow } from "./checkEventTimes.js";
import { fitHawkes } from "./fitHawkes.js";
import type { HawkesParameters, HawkesSpec } from "./HawkesModel.js";
import { hawkesRollingOrigin } from "./hawkesRollingOrigin.js";
import { hawkesWindowLogLikelihood } from "./hawkesWindowLogLikelihood.js";
import { simulateHawkesEvents } from "./simulateHawkesEvents.js";

const constant1: HawkesSpec = { background: { kind: "constant" }, components: 1 };
const clustered: HawkesParameters = {
  background: Float64Array.of(0.3),
  branchingRatio: 0.7,
  decayRates: Float64Array.of(2),
  weights: Float64Array.of(1),
};

describe("hawkesRollingOrigin", () => {
  const events = simulateHawkesEvents(randomStream(41, 0), constant1, clustered, 2000);
  const boundaries = [1000, 1250, 1500, 1750, 2000];
  const score = hawkesRollingOrigin(events, constant1, boundaries);

  it("scores each fold with the fit on [0, b_k) given the history, and pools per event", () => {
    expect(score.folds.map((f) => [f.from, f.to])).toEqual([
      [1000, 1250],
      [1250, 1500],
      [1500, 1750],
      [1750, 2000],
    ]);
    const fold = score.folds[1]!;
    const training = {
      times: events.times.subarray(0, countBelow(events.times, 1250)),
      duration: 1250,
    };
    const theta = fitHawkes(training, constant1, { profile: false }).theta;
    expect(fold.logLikelihood).toBeCloseTo(
      hawkesWindowLogLikelihood(events.times, constant1, theta, 1250, 1500),
      10,
    );
    expect(fold.events).toBe(countBelow(events.times, 1500) - countBelow(events.times, 1250));
    expect(fold.logLikelihoodPerEvent).toBeCloseTo(fold.logLikelihood / fold.events, 12);
    const pooled =
      score.folds.reduce((s, f) => s + f.logLikelihood, 0) /
      score.folds.reduce((s, f) => s + f.events, 0);
    expect(score.mean).toBeCloseTo(pooled, 12);
  });

  it("beats a constant Poisson forecast out of sample on a clustered series", () => {
    let total = 0;
    let count = 0;
    for (let k = 0; k + 1 < boundaries.length; k++) {
      const from = boundaries[k]!;
      const to = boundaries[k + 1]!;
      const rate = countBelow(events.times, from) / from;
      const m = countBelow(events.times, to) - countBelow(events.times, from);
      total += m * Math.log(rate) - rate * (to - from);
      count += m;
    }
    expect(score.mean).toBeGreaterThan(total / count + 0.1);
  });

  it("forecasts a later background segment by persistence (a change point after the origin)", () => {
    const spec: HawkesSpec = {
      background: { kind: "piecewise", changePoints: [600, 1600] },
      components: 1,
    };
    const s = hawkesRollingOrigin(events, spec, [1000, 1500, 2000]);
    expect(s.folds).toHaveLength(2);
    expect(Number.isFinite(s.mean)).toBe(true);
    const spline: HawkesSpec = {
      background: { kind: "spline", knots: [0, 800, 1600, 2000] },
      components: 1,
    };
    expect(Number.isFinite(hawkesRollingOrigin(events, spline, [1000, 1500, 2000]).mean)).toBe(
      true,
    );
  });

  it("names the fold whose training window is too short to fit", () => {
    const sparse = { times: Float64Array.of(5, 50, 60, 70), duration: 100 };
    expect(() => hawkesRollingOrigin(sparse, constant1, [10, 100])).toThrow(
      /fold 1 \(fit on \[0, 10\)\): .*at least 2 events/,
    );
  });
});
