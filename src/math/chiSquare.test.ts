import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chiSquareCdf, chiSquareQuantile, chiSquareSurvival } from "./chiSquare.js";
import { normalCdf } from "./normalCdf.js";

/** Relative accuracy asked of the χ² tails and quantiles against 40-digit references. */
const TOL = 1e-12;

function relErr(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe("chiSquareCdf and chiSquareSurvival", () => {
  it("give the textbook critical values (R: pchisq)", () => {
    expect(relErr(chiSquareCdf(3.8414588206941245, 1), 0.95)).toBeLessThan(TOL);
    expect(relErr(chiSquareSurvival(3.8414588206941245, 1), 0.05)).toBeLessThan(TOL);
    expect(relErr(chiSquareSurvival(18.307038053275146, 10), 0.05)).toBeLessThan(1e-11);
    expect(relErr(chiSquareSurvival(31.410432844230918, 20), 0.05)).toBeLessThan(1e-11);
  });

  it("match the closed forms χ²₁ = Z² and χ²₂ = Exp(½)", () => {
    for (const x of [1e-4, 0.5, 3, 40]) {
      // χ²₁: P(X > x) = 2Φ(−√x)
      expect(relErr(chiSquareSurvival(x, 1), 2 * normalCdf(-Math.sqrt(x)))).toBeLessThan(1e-12);
      expect(relErr(chiSquareSurvival(x, 2), Math.exp(-x / 2))).toBeLessThan(TOL);
      expect(relErr(chiSquareCdf(x, 2), -Math.expm1(-x / 2))).toBeLessThan(TOL);
    }
  });

  it("are 0 and 1 below zero and refuse bad degrees of freedom", () => {
    expect(chiSquareCdf(-1, 3)).toBe(0);
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(() => chiSquareCdf(1, 0)).toThrow(/k > 0/);
    expect(() => chiSquareSurvival(Number.NaN, 2)).toThrow(/NaN/);
  });
});

describe("chiSquareQuantile", () => {
  // reference: mpmath 1.3 root of gammainc(k/2, 0, x/2, regularized=True) = p at 50 digits
  // (the upper tail for p > ½, with p's exact binary value); R: qchisq(p, k)
  it.each([
    [0.95, 1, 3.8414588206941245],
    [0.95, 2, 5.99146454710798],
    [0.05, 10, 3.94029913611906],
    [0.5, 3, 2.365973884375338],
    [1e-10, 1, 1.5707963267948968e-20],
    [0.999999, 5, 35.88818687961042],
    [1 - 1e-12, 2, 55.26208647578672],
    [0.3, 100, 92.1289443388967],
    [0.99, 0.5, 4.867770844394064],
    [1e-6, 30, 6.200293738343593],
    [0.975, 20, 34.16960690283834],
    [0.01, 0.1, 1.1689264114573063e-40],
  ])("qchisq(%f, %f) = %f", (p, k, expected) => {
    expect(relErr(chiSquareQuantile(p, k), expected)).toBeLessThan(TOL);
  });

  it("gives χ²₁(0.95) = 3.841458820694124 for the profile-likelihood intervals", () => {
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.841458820694124, 13);
  });

  it("inverts the CDF (property, fixed seed)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        fc.double({ min: 0.2, max: 500, noNaN: true }),
        (p, k) => {
          const x = chiSquareQuantile(p, k);
          const back = p <= 0.5 ? chiSquareCdf(x, k) : 1 - chiSquareSurvival(x, k);
          expect(Math.abs(back - p)).toBeLessThan(1e-12 * Math.max(p, 1e-3));
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });

  it("is 0 at p = 0, +∞ at p = 1, and refuses p outside [0, 1]", () => {
    expect(chiSquareQuantile(0, 4)).toBe(0);
    expect(chiSquareQuantile(1, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(() => chiSquareQuantile(1.5, 4)).toThrow(/0 ≤ p ≤ 1/);
  });
});
