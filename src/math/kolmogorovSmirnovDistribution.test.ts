import { describe, expect, it } from "vitest";
import {
  KOLMOGOROV_EXACT_MAX_N,
  kolmogorovLimitSurvival,
  kolmogorovSmirnovCdf,
  kolmogorovSmirnovCritical,
  kolmogorovSmirnovSurvival,
} from "./kolmogorovSmirnovDistribution.js";

/** Relative accuracy asked of the exact range against exact references. */
const EXACT_TOL = 1e-12;
/** Relative accuracy of the tail shortcut 2·P(D⁺ ≥ d) for p < 1e-3 (error ≈ (p/2)³). */
const TAIL_TOL = 1e-9;
/** Relative accuracy of the corrected Kolmogorov limit used above 1000 (checked at n = 1000). */
const LIMIT_TOL = 3e-3;

function relErr(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe("kolmogorovSmirnovCdf and kolmogorovSmirnovSurvival", () => {
  it("give the published example K(10, 0.274) = 0.6284796154565043 (Marsaglia, Tsang & Wang 2003)", () => {
    expect(relErr(kolmogorovSmirnovCdf(10, 0.274), 0.6284796154565043)).toBeLessThan(EXACT_TOL);
  });

  it("match the closed forms for n = 1 and n = 2", () => {
    // n = 1: D = max(U, 1 − U), P(D ≤ d) = 2d − 1 on [½, 1]
    for (const d of [0.55, 0.7, 0.99]) {
      expect(relErr(kolmogorovSmirnovCdf(1, d), 2 * d - 1)).toBeLessThan(EXACT_TOL);
      expect(relErr(kolmogorovSmirnovSurvival(1, d), 2 - 2 * d)).toBeLessThan(EXACT_TOL);
    }
    // n = 2: P(D ≤ d) = 2(2d − ½)² on [¼, ½] and 1 − 2(1 − d)² on [½, 1]
    expect(relErr(kolmogorovSmirnovCdf(2, 0.3), 2 * 0.1 ** 2)).toBeLessThan(EXACT_TOL);
    expect(relErr(kolmogorovSmirnovCdf(2, 0.6), 1 - 2 * 0.4 ** 2)).toBeLessThan(EXACT_TOL);
  });

  // reference: scipy 1.17 stats.kstwo (Simard & L'Ecuyer 2011: exact for n ≤ 140); for n = 300,
  // 500 and 1000 Durbin's matrix evaluated in mpmath at 60 digits (kstwo's Pelz–Good value
  // differs there in the 7th digit)
  it.each([
    [5, 0.2, 0.0384, 0.9616],
    [20, 0.1, 0.023744905407845036, 0.976255094592155],
    [20, 0.35, 0.9892450365556107, 0.01075496344438931],
    [50, 0.05, 0.0009761901538116428, 0.9990238098461883],
    [100, 0.1, 0.7473072429936126, 0.2526927570063874],
    [140, 0.08, 0.6851925008835694, 0.31480749911643063],
    [300, 0.07, 0.8992106629612949, 0.10078933703870506],
    [500, 0.04, 0.609748983673594, 0.3902510163264061],
    [1000, 0.03, 0.6773097535867001, 0.32269024641329996],
  ])("P(D_%i ≤ %f) = %f, P(D ≥ d) = %f", (n, d, cdf, sf) => {
    expect(relErr(kolmogorovSmirnovCdf(n, d), cdf)).toBeLessThan(EXACT_TOL);
    expect(relErr(kolmogorovSmirnovSurvival(n, d), sf)).toBeLessThan(EXACT_TOL);
  });

  it.each([
    // scipy 1.17 kstwo.sf (exact there); the first two use the tail sum, d ≥ ½ is exact
    [100, 0.2, 0.0005551927327988775],
    [30, 0.4, 7.621035572702763e-5],
    [5, 0.9, 2e-5],
  ])("uses the exact one-sided sum in the far tail: P(D_%i ≥ %f) = %f", (n, d, sf) => {
    expect(relErr(kolmogorovSmirnovSurvival(n, d), sf)).toBeLessThan(TAIL_TOL);
  });

  it("is continuous where it switches from the matrix to the tail sum (p = 1e-3)", () => {
    const n = 200;
    const d = kolmogorovSmirnovCritical(n, 1e-3);
    const below = kolmogorovSmirnovSurvival(n, d * (1 - 1e-9));
    const above = kolmogorovSmirnovSurvival(n, d * (1 + 1e-9));
    expect(relErr(above, below)).toBeLessThan(1e-6);
  });

  it("agrees at n = 1000 with the corrected limit it uses above 1000 (to 3e-3 relative)", () => {
    expect(KOLMOGOROV_EXACT_MAX_N).toBe(1000);
    const n = 1000;
    for (const d of [0.02, 0.03, 0.04, 0.05, 0.06]) {
      const x = Math.sqrt(n) * d;
      const corrected = x + 1 / (6 * Math.sqrt(n)) + (x - 1) / (4 * n);
      expect(
        relErr(kolmogorovLimitSurvival(corrected), kolmogorovSmirnovSurvival(n, d)),
      ).toBeLessThan(LIMIT_TOL);
    }
  });

  it("is close to scipy above 1000 (Pelz–Good there, itself an approximation)", () => {
    // scipy 1.17 kstwo.sf
    for (const [n, d, sf] of [
      [1001, 0.043, 0.047933335987075165],
      [2000, 0.03, 0.05354694793932557],
      [5000, 0.015, 0.20846142096186204],
      [20000, 0.01, 0.03638603905248727],
    ] as const) {
      expect(relErr(kolmogorovSmirnovSurvival(n, d), sf)).toBeLessThan(1e-3);
    }
  });

  it("is 0 / 1 outside [1/(2n), 1] and refuses bad arguments", () => {
    expect(kolmogorovSmirnovSurvival(10, 0.05)).toBe(1);
    expect(kolmogorovSmirnovCdf(10, 0.05)).toBe(0);
    expect(kolmogorovSmirnovSurvival(10, 1)).toBe(0);
    expect(() => kolmogorovSmirnovCdf(0, 0.5)).toThrow(/n ≥ 1/);
    expect(() => kolmogorovSmirnovSurvival(2.5, 0.5)).toThrow(/n ≥ 1/);
    expect(() => kolmogorovSmirnovSurvival(10, Number.NaN)).toThrow(/NaN/);
  });
});

describe("kolmogorovLimitSurvival", () => {
  // reference: scipy 1.17 stats.kstwobign.sf
  it.each([
    [0.3, 0.9999906941986655],
    [0.5, 0.9639452436648751],
    [0.8, 0.5441424115741981],
    [1, 0.26999967167735456],
    [1.36, 0.049485876755377876],
    [2, 0.0006709252557796953],
    [3, 3.045995948942526e-8],
  ])("Q(%f) = %f", (x, q) => {
    expect(relErr(kolmogorovLimitSurvival(x), q)).toBeLessThan(EXACT_TOL);
  });
});

describe("kolmogorovSmirnovCritical", () => {
  // reference: scipy 1.17 kstwo.isf(0.05, n) (exact for n ≤ 140); n = 1 is exact: 2(1 − d) = α
  it.each([
    [1, 0.975],
    [5, 0.5632751983660635],
    [20, 0.2940753144343289],
    [100, 0.13402791648569568],
  ])("d_0.05(%i) = %f", (n, d) => {
    expect(relErr(kolmogorovSmirnovCritical(n, 0.05), d)).toBeLessThan(1e-11);
  });

  it("inverts the survival function", () => {
    for (const [n, alpha] of [
      [7, 0.2],
      [400, 0.05],
      [3000, 0.01],
      [50, 1e-6],
    ] as const) {
      const d = kolmogorovSmirnovCritical(n, alpha);
      expect(relErr(kolmogorovSmirnovSurvival(n, d), alpha)).toBeLessThan(1e-10);
    }
  });

  it("refuses alpha outside (0, 1)", () => {
    expect(() => kolmogorovSmirnovCritical(10, 0)).toThrow(/0 < alpha < 1/);
    expect(() => kolmogorovSmirnovCritical(10, 1)).toThrow(/0 < alpha < 1/);
  });
});
