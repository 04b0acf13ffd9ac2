import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { betaQuantile, logGamma, regularizedIncompleteBeta } from "./betaQuantile.js";

/** Relative accuracy asked of the beta quantile. */
const QUANTILE_TOL = 1e-10;
/** Relative accuracy of I_x(a, b) and ln Γ against 40-digit references. */
const CDF_TOL = 1e-12;

function relErr(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe("logGamma", () => {
  // reference: mpmath 1.3 loggamma at 40 digits (R: lgamma)
  it.each([
    [1e-8, 18.42068073818021],
    [0.5, 0.5723649429247001],
    [1.5, -0.12078223763524522],
    [3.7, 1.428072326665388],
    [10, 12.80182748008147],
    [14.9, 24.924132002217277],
    [15, 25.191221182738683],
    [100, 359.1342053695754],
    [1e5, 1051287.7089736569],
  ])("lgamma(%f) = %f", (x, expected) => {
    expect(relErr(logGamma(x), expected)).toBeLessThan(CDF_TOL);
  });
  it("is zero (to 1e-14) at 1 and 2", () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
  });
  it("refuses x ≤ 0", () => {
    expect(() => logGamma(0)).toThrow(/x > 0/);
    expect(() => logGamma(Number.NaN)).toThrow(/x > 0/);
  });
});

describe("regularizedIncompleteBeta", () => {
  // reference: mpmath 1.3 betainc(a, b, 0, x, regularized=True) at 40 digits (R: pbeta(x, a, b))
  it.each([
    [0.5, 2, 3, 0.6875], // exact: 1 − (1−x)⁴ − 4x(1−x)³ = 11/16
    [0.1, 0.5, 0.5, 0.20483276469913347], // exact: (2/π)·asin(√0.1)
    [0.9, 10, 0.1, 0.023856050744374115],
    [0.3, 100, 200, 0.10884306564490975],
    [0.001, 0.2, 0.3, 0.16210786958413922],
    [0.999, 5, 0.5, 0.9222819921009667],
  ])("pbeta(%f, %f, %f) = %f", (x, a, b, expected) => {
    expect(relErr(regularizedIncompleteBeta(x, a, b), expected)).toBeLessThan(CDF_TOL);
  });
  it("is 0 and 1 at the ends", () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
  it("satisfies I_x(a, b) = 1 − I_{1−x}(b, a)", () => {
    for (const [x, a, b] of [
      [0.2, 3, 7],
      [0.7, 0.4, 2.5],
      [0.5, 50, 60],
    ] as const) {
      expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(
        1 - regularizedIncompleteBeta(1 - x, b, a),
        14,
      );
    }
  });
});

describe("betaQuantile", () => {
  // reference: mpmath 1.3, 400 bisection steps on betainc at 40 digits (R: qbeta(u, a, b)).
  // qbeta(0.3, 2, 5) = 0.1818…: check 1 − (1−x)⁶ − 6x(1−x)⁵ = 0.3 at x = 0.18180347.
  it.each([
    [0.3, 2, 5, 0.18180347131894917],
    [0.5, 2, 2, 0.5],
    [0.05, 0.5, 0.5, 0.006155829702431137], // exact: sin²(π·0.05/2)
    [0.95, 0.5, 0.5, 0.9938441702975689],
    [0.5, 0.01, 1, 7.888609052210129e-31], // exact: 0.5^100
    [0.6, 0.01, 1, 6.533186235000692e-23], // exact: 0.6^100
    [1e-10, 2, 3, 4.082494015808333e-6],
    [1 - 1e-10, 2, 3, 0.9997075768387249],
    [1e-6, 0.2, 0.3, 8.937847688294936e-30],
    [0.9, 10, 0.1, 0.9999999999936436],
    [0.01, 100, 200, 0.27188627118969094],
    [0.5, 1000, 1000, 0.5],
    [0.975, 1, 1, 0.975],
    [0.1, 3, 0.5, 0.6137511181946308],
    [0.5, 0.001, 0.001, 0.5],
  ])("qbeta(%f, %f, %f) = %f", (u, a, b, expected) => {
    expect(relErr(betaQuantile(u, a, b), expected)).toBeLessThan(QUANTILE_TOL);
  });

  it("handles u at and near 0 and 1", () => {
    expect(betaQuantile(0, 0.5, 0.5)).toBe(0);
    expect(betaQuantile(1, 0.5, 0.5)).toBe(1);
    // upper tail beyond double resolution: the true value is 1 − O(1e-20)
    expect(betaQuantile(1 - 1e-6, 0.2, 0.3)).toBeGreaterThan(1 - 1e-15);
    expect(betaQuantile(1e-300, 2, 2)).toBeGreaterThan(0);
  });

  it("inverts I_x for random shapes and probabilities (CDF ∘ quantile round trip)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (a, b, u) => {
          const x = betaQuantile(u, a, b);
          expect(x >= 0 && x <= 1).toBe(true);
          // where x is resolved by doubles the CDF must return u
          if (x > 1e-300 && 1 - x > 1e-9) {
            expect(Math.abs(regularizedIncompleteBeta(x, a, b) - u)).toBeLessThan(
              QUANTILE_TOL * Math.min(u, 1 - u) + 1e-14,
            );
          }
        },
      ),
      { seed: 1, numRuns: 400 },
    );
  });

  it("is monotone in u", () => {
    let prev = 0;
    for (let i = 1; i < 200; i++) {
      const x = betaQuantile(i / 200, 0.7, 3);
      expect(x).toBeGreaterThan(prev);
      prev = x;
    }
  });

  it("refuses invalid arguments", () => {
    expect(() => betaQuantile(1.5, 2, 2)).toThrow(/0 ≤ u ≤ 1/);
    expect(() => betaQuantile(Number.NaN, 2, 2)).toThrow(/0 ≤ u ≤ 1/);
    expect(() => betaQuantile(0.5, 0, 2)).toThrow(/a > 0 and b > 0/);
    expect(() => betaQuantile(0.5, 2, Number.POSITIVE_INFINITY)).toThrow(/a > 0 and b > 0/);
  });
});
