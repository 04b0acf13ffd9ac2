import { describe, expect, it } from "vitest";
import { randomStream } from "../math/randomStream.js";
import { poissonConstantFit } from "./poissonConstantFit.js";
import { poissonPiecewiseFit } from "./poissonPiecewiseFit.js";
import { timeRescalingTest } from "./timeRescalingTest.js";

const events = { times: Float64Array.of(1, 2, 7), duration: 10 };

/** The point-process log-likelihood Σ ln λ(tᵢ) − ∫λ of a piecewise rate, written out directly. */
function directLogLikelihood(
  times: Float64Array,
  duration: number,
  starts: number[],
  rates: number[],
): number {
  const rateAt = (t: number): number => rates[starts.findLastIndex((s) => s <= t)]!;
  let ll = 0;
  for (const t of times) ll += Math.log(rateAt(t));
  for (let j = 0; j < starts.length; j++) {
    ll -= rates[j]! * ((starts[j + 1] ?? duration) - starts[j]!);
  }
  return ll;
}

describe("poissonConstantFit", () => {
  it("fits μ̂ = n/T with ℓ̂ = n ln μ̂ − n and Λ̂(tᵢ) = μ̂tᵢ", () => {
    const fit = poissonConstantFit(events);
    expect([...fit.rates]).toEqual([0.3]);
    expect(fit.logLikelihood).toBeCloseTo(3 * Math.log(0.3) - 3, 14);
    expect(fit.compensatorAtEvents[2]).toBeCloseTo(2.1, 14);
    expect(fit.parameterCount).toBe(1);
    expect(fit.eventCount).toBe(3);
  });

  it("maximises the likelihood", () => {
    const fit = poissonConstantFit(events);
    for (const rate of [0.29, 0.31]) {
      expect(directLogLikelihood(events.times, 10, [0], [rate])).toBeLessThan(fit.logLikelihood);
    }
  });

  it("is 0 with no events, and refuses unordered or out-of-window times", () => {
    expect(poissonConstantFit({ times: new Float64Array(0), duration: 5 }).logLikelihood).toBe(0);
    expect(() => poissonConstantFit({ times: Float64Array.of(2, 1), duration: 5 })).toThrow(
      /event time 1 is 1/,
    );
    expect(() => poissonConstantFit({ times: Float64Array.of(5), duration: 5 })).toThrow(
      /within \[0, 5\)/,
    );
    expect(() => poissonConstantFit({ times: Float64Array.of(1), duration: 0 })).toThrow(
      /duration > 0/,
    );
  });
});

describe("poissonPiecewiseFit", () => {
  it("fits one rate per segment and a continuous compensator", () => {
    const fit = poissonPiecewiseFit(events, [5]);
    expect([...fit.rates]).toEqual([0.4, 0.2]);
    expect([...fit.segmentEvents]).toEqual([2, 1]);
    expect(fit.parameterCount).toBe(2);
    // Λ̂(7) = 0.4·5 + 0.2·2
    expect(fit.compensatorAtEvents[2]).toBeCloseTo(2.4, 14);
    expect(fit.logLikelihood).toBeCloseTo(
      directLogLikelihood(events.times, 10, [0, 5], [0.4, 0.2]),
      13,
    );
  });

  it("with no change points is the constant fit, and allows an empty segment", () => {
    expect(poissonPiecewiseFit(events, []).logLikelihood).toBe(
      poissonConstantFit(events).logLikelihood,
    );
    const empty = poissonPiecewiseFit(events, [3, 6]);
    expect([...empty.rates]).toEqual([2 / 3, 0, 0.25]);
    expect(Number.isFinite(empty.logLikelihood)).toBe(true);
  });

  it("gives Exp(1) residuals on a simulated regime change, which the constant fit does not", () => {
    const rng = randomStream(31, 0);
    const times: number[] = [];
    for (let t = 0; ; ) {
      t += -Math.log1p(-rng.next()) / (t < 500 ? 1 : 3);
      if (t >= 1000) break;
      times.push(t);
    }
    // (the draw crossing 500 keeps its old rate: a negligible bias for this check)
    const series = { times: Float64Array.from(times), duration: 1000 };
    const piecewise = poissonPiecewiseFit(series, [500]);
    expect(piecewise.rates[0]).toBeCloseTo(1, 0);
    expect(piecewise.rates[1]).toBeCloseTo(3, 0);
    expect(timeRescalingTest(piecewise.compensatorAtEvents).ks.pValue).toBeGreaterThan(0.01);
    expect(
      timeRescalingTest(poissonConstantFit(series).compensatorAtEvents).ks.pValue,
    ).toBeLessThan(1e-6);
    expect(piecewise.logLikelihood).toBeGreaterThan(poissonConstantFit(series).logLikelihood);
  });

  it("refuses change points outside (0, T) or out of order", () => {
    expect(() => poissonPiecewiseFit(events, [0])).toThrow(/change point 1 is 0/);
    expect(() => poissonPiecewiseFit(events, [6, 4])).toThrow(/change point 2 is 4/);
    expect(() => poissonPiecewiseFit(events, [10])).toThrow(/inside \(0, 10\)/);
  });
});
