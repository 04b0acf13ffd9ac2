import { describe, expect, it } from "vitest";
import { checkHawkesParameters } from "./checkHawkesParameters.js";
import { checkHawkesSpec } from "./checkHawkesSpec.js";
import { evenSplineKnots } from "./evenSplineKnots.js";
import type { HawkesSpec } from "./HawkesModel.js";
import {
  hawkesParameterCount,
  hawkesParameterNames,
  hawkesParametersOf,
  hawkesParameterVector,
} from "./hawkesParameterLayout.js";

const piecewise2: HawkesSpec = {
  background: { kind: "piecewise", changePoints: [5] },
  components: 2,
};

describe("the Hawkes parameter layout", () => {
  it("names and counts θ's entries in order", () => {
    expect(hawkesParameterNames(piecewise2)).toEqual([
      "mu_1",
      "mu_2",
      "n",
      "beta_1",
      "beta_2",
      "w_1",
      "w_2",
    ]);
    expect(hawkesParameterCount(piecewise2)).toBe(7);
    expect(
      hawkesParameterNames({ background: { kind: "spline", knots: [0, 1, 2] }, components: 1 }),
    ).toEqual(["c_1", "c_2", "c_3", "n", "beta", "w"]);
  });

  it("round-trips a parameter set through θ", () => {
    const params = {
      background: Float64Array.of(0.1, 0.2),
      branchingRatio: 0.4,
      decayRates: Float64Array.of(3, 0.5),
      weights: Float64Array.of(0.25, 0.75),
    };
    const theta = hawkesParameterVector(params);
    expect(Array.from(theta)).toEqual([0.1, 0.2, 0.4, 3, 0.5, 0.25, 0.75]);
    expect(hawkesParametersOf(piecewise2, theta)).toEqual(params);
    expect(() => hawkesParametersOf(piecewise2, [1])).toThrow(/7 entries, got 1/);
  });

  it("checks parameters: rates ≥ 0, n in [0, 1), β > 0, weights on the simplex", () => {
    expect(() =>
      checkHawkesParameters(piecewise2, [0.1, 0.2, 0.4, 3, 0.5, 0.25, 0.75]),
    ).not.toThrow();
    expect(() => checkHawkesParameters(piecewise2, [-0.1, 0.2, 0.4, 3, 0.5, 0.25, 0.75])).toThrow(
      /mu_1 is -0.1/,
    );
    expect(() => checkHawkesParameters(piecewise2, [0.1, 0.2, 1, 3, 0.5, 0.25, 0.75])).toThrow(
      /n is 1/,
    );
    expect(() => checkHawkesParameters(piecewise2, [0.1, 0.2, 0.4, 0, 0.5, 0.25, 0.75])).toThrow(
      /beta_1 is 0/,
    );
    expect(() => checkHawkesParameters(piecewise2, [0.1, 0.2, 0.4, 3, 0.5, 0.5, 0.75])).toThrow(
      /sum to 1.25/,
    );
  });

  it("checks specs: components, change points inside the window, knots", () => {
    expect(() => checkHawkesSpec({ background: { kind: "constant" }, components: 0 })).toThrow(
      /1 to 6 components/,
    );
    expect(() =>
      checkHawkesSpec({ background: { kind: "piecewise", changePoints: [5, 3] }, components: 1 }),
    ).toThrow(/change point 2 is 3/);
    expect(() => checkHawkesSpec(piecewise2, 4)).toThrow(/inside \(0, 4\)/);
    expect(() =>
      checkHawkesSpec({ background: { kind: "spline", knots: [1] }, components: 1 }),
    ).toThrow(/at least 2 knots/);
    expect(() =>
      checkHawkesSpec({ background: { kind: "spline", knots: [20, 30] }, components: 1 }, 10),
    ).toThrow(/miss the window/);
    expect(evenSplineKnots(10, 3)).toEqual([0, 5, 10]);
    expect(() => evenSplineKnots(10, 1)).toThrow(/≥ 2 knots/);
  });
});
