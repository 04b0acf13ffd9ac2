import { describe, expect, it } from "vitest";
import { profileLikelihoodInterval } from "./profileLikelihoodInterval.js";

describe("profileLikelihoodInterval", () => {
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
