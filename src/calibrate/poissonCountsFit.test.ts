import { describe, expect, it } from "vitest";
import { logGamma } from "../math/betaQuantile.js";
import { countHawkesLogLikelihood, logFactorialSum } from "./countHawkesLogLikelihood.js";
import { poissonCountsFit } from "./poissonCountsFit.js";

describe("poissonCountsFit", () => {
  it("fits the mean count with ℓ̂ = Σ N ln λ̂ − λ̂ − ln N!", () => {
    const fit = poissonCountsFit(Int32Array.of(2, 0));
    expect([...fit.rates]).toEqual([1]);
    expect(fit.logLikelihood).toBeCloseTo(-2 - Math.log(2), 14);
    expect(fit.parameterCount).toBe(1);
    expect(fit.stepCount).toBe(2);
    expect(fit.eventCount).toBe(2);
  });

  it("fits one rate per segment and gives the per-step means", () => {
    const counts = Int32Array.of(1, 3, 0, 5, 7, 6);
    const fit = poissonCountsFit(counts, [0, 3]);
    expect([...fit.rates]).toEqual([4 / 3, 6]);
    expect([...fit.means]).toEqual([4 / 3, 4 / 3, 4 / 3, 6, 6, 6]);
    let direct = 0;
    for (let t = 0; t < counts.length; t++) {
      direct += counts[t]! * Math.log(fit.means[t]!) - fit.means[t]! - logGamma(counts[t]! + 1);
    }
    expect(fit.logLikelihood).toBeCloseTo(direct, 12);
  });

  it("equals the count Hawkes likelihood with branching ratio 0 at the same rates", () => {
    const counts = Int32Array.of(0, 4, 2, 2, 9, 1, 0, 3);
    const segmentStarts = [0, 4];
    const fit = poissonCountsFit(counts, segmentStarts);
    const hawkes = countHawkesLogLikelihood(
      { counts, segmentStarts },
      Float64Array.of(fit.rates[0]!, fit.rates[1]!, 0, 2),
      logFactorialSum(counts),
    );
    expect(fit.logLikelihood).toBeCloseTo(hawkes, 12);
  });

  it("handles an all-zero segment and refuses bad segment starts and counts", () => {
    expect(poissonCountsFit(Int32Array.of(0, 0, 1), [0, 2]).logLikelihood).toBeCloseTo(-1, 14);
    expect(() => poissonCountsFit(Int32Array.of(1, 2), [1])).toThrow(/start at step 0/);
    expect(() => poissonCountsFit(Int32Array.of(1, 2), [0, 2])).toThrow(
      /segment 2 starts at step 2/,
    );
    expect(() => poissonCountsFit(Int32Array.of(1, -2))).toThrow(/step 1 is -2/);
    expect(() => poissonCountsFit(new Int32Array(0))).toThrow(/empty/);
  });
});
