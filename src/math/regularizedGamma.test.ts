import { describe, expect, it } from "vitest";
import { regularizedGammaP, regularizedGammaQ } from "./regularizedGamma.js";

/** Relative accuracy asked of the directly computed tail against 40-digit references. */
const TAIL_TOL = 1e-12;

function relErr(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe("regularizedGammaP and regularizedGammaQ", () => {
  // reference: mpmath 1.3 gammainc(a, 0, x, regularized=True) and gammainc(a, x, inf, ...) at
  // 40 digits (R: pgamma(x, a) and pgamma(x, a, lower = FALSE))
  it.each([
    [0.5, 0.1, 0.345279153981423, 0.654720846018577],
    [0.5, 2, 0.9544997361036416, 0.04550026389635842], // Q = erfc(√2)
    [1, 1, 0.6321205588285577, 0.36787944117144233], // Q = e⁻¹
    [2.5, 1, 0.15085496391539036, 0.8491450360846097],
    [3, 10, 0.9972306042844884, 0.002769395715511576],
    [10, 9.5, 0.4781739777627926, 0.5218260222372074],
    [10, 30, 0.9999928782491372, 7.121750862815577e-6],
    [50, 45, 0.24680203440017026, 0.7531979655998298],
    [100, 100, 0.5132987982791487, 0.48670120172085135],
    [100, 130, 0.9972495916326934, 0.002750408367306526],
    [1000, 1000, 0.5042052441802155, 0.4957947558197845],
    [1000, 900, 0.0005499022657117829, 0.9994500977342882],
    [0.1, 5, 0.9998560610341533, 0.000143938965846734],
    [7.5, 0.01, 7.062755161426144e-20, 1],
    [20, 0.001, 4.106404902830125e-79, 1],
    [1e4, 1.01e4, 0.8413487504471796, 0.15865124955282037],
  ])("P(%f, %f) = %f, Q = %f", (a, x, p, q) => {
    expect(relErr(regularizedGammaP(a, x), p)).toBeLessThan(TAIL_TOL);
    expect(relErr(regularizedGammaQ(a, x), q)).toBeLessThan(TAIL_TOL);
  });

  it("matches closed forms: P(1, x) = 1 − e⁻ˣ and Q(n, x) = e⁻ˣ Σ_{k<n} xᵏ/k!", () => {
    for (const x of [0.01, 0.7, 3, 25]) {
      expect(relErr(regularizedGammaP(1, x), -Math.expm1(-x))).toBeLessThan(TAIL_TOL);
      let term = 1;
      let sum = 1;
      for (let k = 1; k < 4; k++) {
        term *= x / k;
        sum += term;
      }
      expect(relErr(regularizedGammaQ(4, x), Math.exp(-x) * sum)).toBeLessThan(TAIL_TOL);
    }
  });

  it("is continuous where the method switches at x = a + 1", () => {
    for (const a of [0.5, 3, 12, 400]) {
      const below = regularizedGammaP(a, a + 1 - 1e-9);
      const above = regularizedGammaP(a, a + 1 + 1e-9);
      expect(Math.abs(above - below)).toBeLessThan(1e-8);
    }
  });

  it("has P + Q = 1 and the limits at 0 and ∞", () => {
    for (const [a, x] of [
      [0.3, 0.2],
      [4, 9],
      [60, 55],
    ] as const) {
      expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 15);
    }
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, Number.POSITIVE_INFINITY)).toBe(1);
    expect(regularizedGammaQ(2, Number.POSITIVE_INFINITY)).toBe(0);
  });

  it("refuses a ≤ 0, infinite a, negative or NaN x", () => {
    expect(() => regularizedGammaP(0, 1)).toThrow(/shape a > 0/);
    expect(() => regularizedGammaQ(Number.POSITIVE_INFINITY, 1)).toThrow(/shape a > 0/);
    expect(() => regularizedGammaP(1, -1)).toThrow(/x ≥ 0/);
    expect(() => regularizedGammaQ(1, Number.NaN)).toThrow(/x ≥ 0/);
  });
});
