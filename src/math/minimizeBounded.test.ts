import { describe, expect, it } from "vitest";
import { minimizeBounded } from "./minimizeBounded.js";
import { inverseSymmetricPositiveDefinite, observedInformation } from "./observedInformation.js";
import { profileLikelihoodInterval } from "./profileLikelihoodInterval.js";

const rosenbrock = (x: Float64Array, g: Float64Array) => {
  const [a, b] = [x[0]!, x[1]!];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe("minimizeBounded", () => {
  it("finds Rosenbrock's minimum (1, 1) without bounds and inside loose ones", () => {
    const free = minimizeBounded(rosenbrock, [-1.2, 1], {
      lower: [-Infinity, -Infinity],
      upper: [Infinity, Infinity],
    });
    expect(free.converged).toBe(true);
    expect(free.x[0]).toBeCloseTo(1, 5);
    expect(free.x[1]).toBeCloseTo(1, 5);
    const boxed = minimizeBounded(rosenbrock, [-1.2, 1], { lower: [-2, 0], upper: [2, 3] });
    expect(boxed.x[0]).toBeCloseTo(1, 4);
    expect(boxed.x[1]).toBeCloseTo(1, 4);
  });

  it("stops at an active bound, and holds fixed coordinates", () => {
    const quadratic = (x: Float64Array, g: Float64Array) => {
      g[0] = 2 * (x[0]! - 3);
      g[1] = 2 * (x[1]! + 1);
      return (x[0]! - 3) ** 2 + (x[1]! + 1) ** 2;
    };
    const r = minimizeBounded(quadratic, [0.5, 0.5], { lower: [0, 0], upper: [2, Infinity] });
    expect(r.x[0]).toBeCloseTo(2, 4); // upper bound
    expect(r.x[1]).toBeCloseTo(0, 4); // lower bound
    const held = minimizeBounded(quadratic, [0.5, 0.5], {
      lower: [0, -5],
      upper: [2, 5],
      fixed: [true, false],
    });
    expect(held.x[0]).toBe(0.5);
    expect(held.x[1]).toBeCloseTo(-1, 6);
  });

  it("refuses a start outside the box and bounds that cross", () => {
    expect(() => minimizeBounded(rosenbrock, [3, 0], { lower: [0, -1], upper: [2, 1] })).toThrow(
      /coordinate 0 \(3\) must lie strictly inside/,
    );
    expect(() => minimizeBounded(rosenbrock, [1, 0], { lower: [2, -1], upper: [2, 1] })).toThrow(
      /lower 2 ≥ upper 2/,
    );
  });
});

describe("observed information and the profile likelihood", () => {
  // −log-likelihood of n normal observations with known σ: (n/2σ²)(μ − x̄)² + const, so the
  // information is n/σ², the standard error σ/√n, and the profile interval is x̄ ± 1.96σ/√n
  const n = 50;
  const sigma = 2;
  const mean = 1.3;
  const negLogLik = (x: Float64Array, g: Float64Array) => {
    g[0] = (n / sigma ** 2) * (x[0]! - mean);
    g[1] = 4 * (x[1]! - 0.5) ** 3; // a second, flat-bottomed coordinate
    return (n / (2 * sigma ** 2)) * (x[0]! - mean) ** 2 + (x[1]! - 0.5) ** 4;
  };

  it("gives n/σ² and its inverse", () => {
    const info = observedInformation(negLogLik, [mean, 0.5], [-10, 0], [10, 1], [0]);
    expect(info[0]).toBeCloseTo(n / sigma ** 2, 6);
    const covariance = inverseSymmetricPositiveDefinite(Float64Array.of(4, 2, 2, 3), 2);
    // [[4,2],[2,3]]⁻¹ = [[3,−2],[−2,4]]/8
    expect([...covariance].map((v) => v * 8)).toEqual(
      [3, -2, -2, 4].map((v) => expect.closeTo(v, 12)),
    );
    expect(() => inverseSymmetricPositiveDefinite(Float64Array.of(1, 2, 2, 1), 2)).toThrow(
      /not positive definite/,
    );
  });

  it("gives the exact interval x̄ ± 1.96σ/√n for a quadratic log-likelihood, and stops at a bound", () => {
    const critical = 3.841458820694124;
    const interval = profileLikelihoodInterval(
      negLogLik,
      Float64Array.of(mean, 0.5),
      0,
      0,
      [-10, 0],
      [10, 1],
      critical,
    );
    const half = Math.sqrt(critical) * (sigma / Math.sqrt(n));
    expect(interval.lower).toBeCloseTo(mean - half, 6);
    expect(interval.upper).toBeCloseTo(mean + half, 6);
    const cut = profileLikelihoodInterval(
      negLogLik,
      Float64Array.of(mean, 0.5),
      0,
      0,
      [1.2, 0],
      [10, 1],
      critical,
    );
    expect(cut).toMatchObject({ lower: 1.2, lowerAtBound: true, upperAtBound: false });
  });
});
