import { describe, expect, it } from "vitest";
import { randomStream } from "../math/randomStream.js";
import { poissonCountsRollingOrigin } from "./poissonCountsRollingOrigin.js";
import { poissonRollingOrigin } from "./poissonRollingOrigin.js";
import { rollingOriginScore } from "./RollingOriginScore.js";
import { rollingOriginBoundaries } from "./rollingOriginBoundaries.js";

describe("rollingOriginScore", () => {
  it("pools the log-likelihood per event over folds, NaN for a fold without events", () => {
    const s = rollingOriginScore([
      { from: 5, to: 10, events: 2, logLikelihood: -3 },
      { from: 10, to: 15, events: 0, logLikelihood: -1 },
    ]);
    expect(s.folds[0]!.logLikelihoodPerEvent).toBe(-1.5);
    expect(s.folds[1]!.logLikelihoodPerEvent).toBeNaN();
    expect(s.mean).toBe(-2);
    expect(rollingOriginScore([]).mean).toBeNaN();
  });
});

describe("rollingOriginBoundaries", () => {
  it("splits the second half into five windows of whole units by default", () => {
    expect(rollingOriginBoundaries(100)).toEqual([50, 60, 70, 80, 90, 100]);
    expect(rollingOriginBoundaries(30.5, { folds: 2, firstFraction: 0.6 })).toEqual([18, 24, 30.5]);
  });

  it("refuses windows too short for the folds and bad options", () => {
    expect(() => rollingOriginBoundaries(3, { folds: 5 })).toThrow(/boundaries must ascend/);
    expect(() => rollingOriginBoundaries(100, { folds: 0 })).toThrow(/folds/);
    expect(() => rollingOriginBoundaries(100, { firstFraction: 1 })).toThrow(/firstFraction/);
  });
});

describe("poissonRollingOrigin", () => {
  const events = { times: Float64Array.of(1, 2, 6, 7, 8, 9.5), duration: 10 };

  it("fits on [0, b_k) and scores [b_k, b_{k+1}) (hand-computed)", () => {
    const s = poissonRollingOrigin(events, [], [5, 8, 10]);
    // fold 1: μ̂ = 2/5 on [0, 5); events 6, 7 in [5, 8): 2 ln 0.4 − 0.4·3
    expect(s.folds[0]!.events).toBe(2);
    expect(s.folds[0]!.logLikelihood).toBeCloseTo(2 * Math.log(0.4) - 1.2, 14);
    // fold 2: μ̂ = 4/8 on [0, 8); events 8, 9.5: 2 ln 0.5 − 0.5·2
    expect(s.folds[1]!.logLikelihood).toBeCloseTo(2 * Math.log(0.5) - 1, 14);
    expect(s.mean).toBeCloseTo((2 * Math.log(0.4) - 1.2 + 2 * Math.log(0.5) - 1) / 4, 14);
  });

  it("forecasts a segment not yet begun with the latest observed rate", () => {
    // change point 7 lies after the first origin 5: segment 2 takes segment 1's rate 2/5
    const s = poissonRollingOrigin(events, [7], [5, 10]);
    expect(s.folds[0]!.logLikelihood).toBeCloseTo(4 * Math.log(0.4) - 0.4 * 5, 14);
    // change point 6 lies before origin 8: [6, 8) has rate 2/2 = 1 (events 6 and 7)
    const t = poissonRollingOrigin(events, [6], [8, 10]);
    expect(t.folds[0]!.logLikelihood).toBeCloseTo(2 * Math.log(1) - 2, 14);
  });

  it("scores −∞ for an event where the fitted rate is 0", () => {
    const s = poissonRollingOrigin({ times: Float64Array.of(6), duration: 10 }, [], [5, 10]);
    expect(s.folds[0]!.logLikelihood).toBe(Number.NEGATIVE_INFINITY);
  });

  it("prefers the piecewise baseline out of sample after a regime change", () => {
    const rng = randomStream(41, 0);
    const times: number[] = [];
    for (let t = 0; ; ) {
      t += -Math.log1p(-rng.next()) / (t < 300 ? 1 : 4);
      if (t >= 1000) break;
      times.push(t);
    }
    const series = { times: Float64Array.from(times), duration: 1000 };
    const folds = rollingOriginBoundaries(1000);
    expect(poissonRollingOrigin(series, [300], folds).mean).toBeGreaterThan(
      poissonRollingOrigin(series, [], folds).mean,
    );
  });

  it("refuses boundaries beyond the window", () => {
    expect(() => poissonRollingOrigin(events, [], [5, 11])).toThrow(/boundary 1 is 11/);
  });
});

describe("poissonCountsRollingOrigin", () => {
  it("fits the mean on [0, b_k) and scores the next steps with −ln N!", () => {
    const s = poissonCountsRollingOrigin(Int32Array.of(1, 3, 2, 0), [0], [2, 4]);
    // λ̂ = 2: 2 ln 2 − 2 − ln 2! + 0 − 2
    expect(s.folds[0]!.events).toBe(2);
    expect(s.folds[0]!.logLikelihood).toBeCloseTo(2 * Math.log(2) - 4 - Math.log(2), 14);
  });

  it("persists the latest rate into a segment not yet begun and refuses fractional edges", () => {
    const counts = Int32Array.of(1, 1, 4, 4, 4, 4);
    // segment 2 starts at step 3, after the origin 2: forecast with segment 1's rate 1
    const s = poissonCountsRollingOrigin(counts, [0, 3], [2, 6]);
    expect(s.folds[0]!.logLikelihood).toBeCloseTo(16 * Math.log(1) - 4 - 4 * Math.log(24), 12);
    // origin 4: segment 2 seen on steps 3 … 3 with rate 4
    const t = poissonCountsRollingOrigin(counts, [0, 3], [4, 6]);
    expect(t.folds[0]!.logLikelihood).toBeCloseTo(2 * (4 * Math.log(4) - 4 - Math.log(24)), 12);
    expect(() => poissonCountsRollingOrigin(counts, [0], [2.5, 6])).toThrow(/not a whole step/);
  });
});
