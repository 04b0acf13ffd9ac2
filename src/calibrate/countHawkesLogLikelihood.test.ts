import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulateDiscreteHawkes } from "../../test/support/discreteHawkes.js";
import { logGamma } from "../math/betaQuantile.js";
import { randomStream } from "../math/randomStream.js";
import {
  type CountHawkesModel,
  checkCountHawkesModel,
  countHawkesLogLikelihood,
  logFactorialSum,
} from "./countHawkesLogLikelihood.js";

/** The likelihood written the slow way: the kernel summed over every earlier step. */
function naiveLogLikelihood(model: CountHawkesModel, theta: Float64Array): number {
  const { counts, segmentStarts } = model;
  const J = segmentStarts.length;
  const n = theta[J]!;
  const d = Math.exp(-1 / theta[J + 1]!);
  let total = 0;
  for (let t = 0; t < counts.length; t++) {
    let j = 0;
    while (j + 1 < J && segmentStarts[j + 1]! <= t) j++;
    let rate = theta[j]!;
    for (let s = 0; s < t; s++) rate += n * (1 - d) * d ** (t - s - 1) * counts[s]!;
    total += counts[t]! * Math.log(rate) - rate - logGamma(counts[t]! + 1);
  }
  return total;
}

describe("countHawkesLogLikelihood", () => {
  it("matches the kernel summed over every earlier step", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        fc.double({ min: 0.2, max: 8, noNaN: true }),
        (seed, mu, n, tau) => {
          const counts = simulateDiscreteHawkes(randomStream(seed, 0), {
            steps: 60,
            baseline: mu,
            branching: n,
            tau,
          });
          const model = { counts, segmentStarts: [0, 25] };
          const theta = Float64Array.of(mu, mu * 1.5, n, tau);
          const fast = countHawkesLogLikelihood(model, theta, logFactorialSum(counts));
          expect(fast).toBeCloseTo(naiveLogLikelihood(model, theta), 8);
        },
      ),
      { seed: 13, numRuns: 60 },
    );
  });

  it("gives the gradient of the log-likelihood (central differences agree)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.double({ min: 0.3, max: 6, noNaN: true }),
        (seed, mu, n, tau) => {
          const counts = simulateDiscreteHawkes(randomStream(seed, 1), {
            steps: 80,
            baseline: mu,
            branching: n,
            tau,
          });
          const model = { counts, segmentStarts: [0, 40] };
          const theta = Float64Array.of(mu, mu * 0.7, n, tau);
          const lf = logFactorialSum(counts);
          const gradient = new Float64Array(4);
          countHawkesLogLikelihood(model, theta, lf, gradient);
          for (let i = 0; i < 4; i++) {
            const h = 1e-6 * Math.max(1, Math.abs(theta[i]!));
            const up = Float64Array.from(theta);
            const down = Float64Array.from(theta);
            up[i]! += h;
            down[i]! -= h;
            const numeric =
              (countHawkesLogLikelihood(model, up, lf) -
                countHawkesLogLikelihood(model, down, lf)) /
              (2 * h);
            expect(gradient[i]!).toBeCloseTo(numeric, 3);
          }
        },
      ),
      { seed: 7, numRuns: 40 },
    );
  });

  it("is −∞ when an event falls where the rate is 0", () => {
    const model = { counts: Int32Array.of(0, 3), segmentStarts: [0] };
    expect(countHawkesLogLikelihood(model, Float64Array.of(0, 0.5, 1), 0)).toBe(
      Number.NEGATIVE_INFINITY,
    );
  });

  it("refuses models it cannot score", () => {
    expect(() => checkCountHawkesModel({ counts: Int32Array.of(1), segmentStarts: [0] })).toThrow(
      /at least 2 steps/,
    );
    expect(() =>
      checkCountHawkesModel({ counts: Int32Array.of(1, 2, 3), segmentStarts: [0, 3] }),
    ).toThrow(/ascend strictly inside/);
    expect(() =>
      checkCountHawkesModel({ counts: Int32Array.of(1, -2, 3), segmentStarts: [0] }),
    ).toThrow(/step 1 is -2/);
  });
});
