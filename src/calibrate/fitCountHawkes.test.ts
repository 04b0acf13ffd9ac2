import { describe, expect, it } from "vitest";
import { simulateDiscreteHawkes } from "../../test/support/discreteHawkes.js";
import { randomStream } from "../math/randomStream.js";
import { fitCountHawkes } from "./fitCountHawkes.js";

/** The lowest coverage of a nominal 95% interval over `series` fits that is not a failure at 3 sd. */
function coverageFloor(series: number): number {
  return 0.95 - 3 * Math.sqrt((0.95 * 0.05) / series);
}

describe("fitCountHawkes", () => {
  it("recovers μ, n and τ: 95% intervals cover the truth at the nominal rate over 200 series", () => {
    const series = 200;
    const truth = { baseline: 3, branching: 0.5, tau: 2 };
    let [mu, n, tau] = [0, 0, 0];
    let nSum = 0;
    for (let s = 0; s < series; s++) {
      const counts = simulateDiscreteHawkes(randomStream(s, 13), { steps: 200, ...truth });
      const fit = fitCountHawkes({ counts, segmentStarts: [0] });
      const covers = (e: { lower: number; upper: number }, v: number) =>
        e.lower <= v && v <= e.upper ? 1 : 0;
      mu += covers(fit.background[0]!, truth.baseline);
      n += covers(fit.branchingRatio, truth.branching);
      tau += covers(fit.decay, truth.tau);
      nSum += fit.branchingRatio.estimate;
    }
    const floor = coverageFloor(series);
    expect(mu / series).toBeGreaterThanOrEqual(floor);
    expect(n / series).toBeGreaterThanOrEqual(floor);
    expect(tau / series).toBeGreaterThanOrEqual(floor);
    // and the intervals are not vacuous: the estimates centre near the truth
    expect(Math.abs(nSum / series - truth.branching)).toBeLessThan(0.05);
  });

  it("recovers a background that jumps at a change point", () => {
    const before = simulateDiscreteHawkes(randomStream(3, 0), {
      steps: 300,
      baseline: 1,
      branching: 0.4,
      tau: 1.5,
    });
    // the second regime starts from the first's last excitation only approximately (H restarts
    // at 0); the background jump dominates
    const after = simulateDiscreteHawkes(randomStream(3, 1), {
      steps: 300,
      baseline: 5,
      branching: 0.4,
      tau: 1.5,
    });
    const counts = new Int32Array(600);
    counts.set(before, 0);
    counts.set(after, 300);
    const fit = fitCountHawkes({ counts, segmentStarts: [0, 300] });
    expect(fit.background[0]!.lower).toBeLessThan(1);
    expect(fit.background[0]!.upper).toBeGreaterThan(1);
    expect(fit.background[1]!.lower).toBeLessThan(5);
    expect(fit.background[1]!.upper).toBeGreaterThan(5);
    expect(fit.branchingRatio.lower).toBeLessThan(0.4);
    expect(fit.branchingRatio.upper).toBeGreaterThan(0.4);
  });

  it("finds no self-excitation in Poisson counts (the profile interval reaches 0)", () => {
    const counts = simulateDiscreteHawkes(randomStream(4, 0), {
      steps: 300,
      baseline: 4,
      branching: 0,
      tau: 1,
    });
    const fit = fitCountHawkes({ counts, segmentStarts: [0] });
    expect(fit.branchingRatio.estimate).toBeLessThan(0.1);
    expect(fit.branchingRatio.lower).toBe(0);
  });

  it("is deterministic and refuses a series without events", () => {
    const counts = simulateDiscreteHawkes(randomStream(5, 0), {
      steps: 100,
      baseline: 2,
      branching: 0.3,
      tau: 2,
    });
    const a = fitCountHawkes({ counts, segmentStarts: [0] }, { seed: 9 });
    const b = fitCountHawkes({ counts, segmentStarts: [0] }, { seed: 9 });
    expect(a.branchingRatio).toEqual(b.branchingRatio);
    expect(() => fitCountHawkes({ counts: new Int32Array(10), segmentStarts: [0] })).toThrow(
      /no events/,
    );
  });
});
