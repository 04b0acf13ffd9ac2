import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { regularizedIncompleteBeta } from "../math/betaQuantile.js";
import { erfc, normalCdf } from "../math/normalCdf.js";
import { priorQuantile } from "./priorQuantile.js";
import type { Prior } from "./scenarioSchema.js";

/** Relative accuracy asked of erfc and Φ against 40-digit references. */
const CDF_TOL = 1e-13;
/** Relative accuracy asked of the quantiles. */
const QUANTILE_TOL = 1e-10;
/** Round-trip tolerance F(F⁻¹(u)) − u, absolute. */
const ROUND_TRIP_TOL = 1e-11;

function relErr(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe("erfc", () => {
  // reference: mpmath 1.3 erfc at 40 digits (R: 2 * pnorm(-x * sqrt(2)))
  it.each([
    [0, 1],
    [1e-10, 0.999999999887162],
    [-0.3, 1.3286267594591274],
    [0.46875, 0.507386526782062],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [3.999, 1.5544749490995007e-8],
    [4, 1.541725790028002e-8],
    [4.0001, 1.5404564743590115e-8],
    [10, 2.088487583762545e-45],
    [26.5, 2.2109076642637343e-307],
    [-3, 1.9999779095030015],
  ])("erfc(%f) = %f", (x, expected) => {
    expect(relErr(erfc(x), expected)).toBeLessThan(CDF_TOL);
  });
  it("underflows gracefully and propagates NaN", () => {
    expect(erfc(40)).toBe(0);
    expect(erfc(-40)).toBe(2);
    expect(erfc(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfc(Number.NEGATIVE_INFINITY)).toBe(2);
    expect(erfc(Number.NaN)).toBeNaN();
  });
});

describe("normalCdf", () => {
  // reference: mpmath 1.3 ncdf at 40 digits (R: pnorm(z))
  it.each([
    [-1.959963984540054, 0.025000000000000012],
    [-5, 2.866515718791939e-7],
    [-10, 7.619853024160525e-24],
    [-37, 5.725571222524577e-300],
    [0.5, 0.6914624612740131],
    [3, 0.9986501019683699],
  ])("pnorm(%f) = %f", (z, expected) => {
    expect(relErr(normalCdf(z), expected)).toBeLessThan(CDF_TOL);
  });
});

describe("priorQuantile", () => {
  it("inverts uniform and triangular priors in closed form", () => {
    expect(priorQuantile({ dist: "uniform", min: 2, max: 6 }, 0.25)).toBe(3);
    expect(priorQuantile({ dist: "uniform", min: 2, max: 6 }, 1)).toBe(6);
    const tri: Prior = { dist: "triangular", min: 0, mode: 2, max: 10 };
    // F(mode) = 0.2; u = 0.1: √(0.1·10·2) = √2; u = 0.6: 10 − √(0.4·10·8) = 10 − √32
    expect(priorQuantile(tri, 0.1)).toBeCloseTo(Math.SQRT2, 14);
    expect(priorQuantile(tri, 0.6)).toBeCloseTo(10 - Math.sqrt(32), 14);
    expect(priorQuantile(tri, 0.2)).toBeCloseTo(2, 14);
    expect(priorQuantile(tri, 0)).toBe(0);
    expect(priorQuantile(tri, 1)).toBe(10);
    // degenerate modes at the ends
    expect(priorQuantile({ dist: "triangular", min: 0, mode: 0, max: 1 }, 0.75)).toBeCloseTo(
      0.5,
      14,
    );
    expect(priorQuantile({ dist: "triangular", min: 0, mode: 1, max: 1 }, 0.25)).toBeCloseTo(
      0.5,
      14,
    );
  });

  // reference: mpmath 1.3 at 40 digits: qnorm(p) = √2·erfinv(2p − 1) (R: qnorm)
  it.each([
    [0.975, 1.9599639845400543],
    [0.5, 0],
    [0.001, -3.0902323061678136],
    [1e-10, -6.361340902404057],
    [0.9999, 3.7190164854556804],
    [0.3, -0.5244005127080408],
  ])("normal quantile at %f is qnorm = %f (to 1e-10, better than Acklam alone)", (u, z) => {
    const x = priorQuantile({ dist: "normal", mean: 0, sd: 1 }, u);
    expect(Math.abs(x - z)).toBeLessThan(QUANTILE_TOL * Math.max(1, Math.abs(z)));
  });

  it("scales and truncates the normal", () => {
    // mpmath at 40 digits of R's 10 + 2 * qnorm(pnorm(-0.5) + 0.3 * (pnorm(2.5) - pnorm(-0.5)))
    const truncated: Prior = { dist: "normal", mean: 10, sd: 2, min: 9, max: 15 };
    expect(relErr(priorQuantile(truncated, 0.3), 10.070768747177677)).toBeLessThan(QUANTILE_TOL);
    // one-sided, mpmath at 40 digits of R's 1 + 3 * qnorm(pnorm(-1/3) + 0.1 * (1 - pnorm(-1/3)))
    const positive: Prior = { dist: "normal", mean: 1, sd: 3, min: 0 };
    expect(relErr(priorQuantile(positive, 0.1), 0.48994001682692667)).toBeLessThan(QUANTILE_TOL);
    // far tails, computed through upper-tail probabilities (mpmath at 40 digits)
    const upperTail: Prior = { dist: "normal", mean: 0, sd: 1, min: 8 };
    expect(relErr(priorQuantile(upperTail, 0.5), 8.084911007391543)).toBeLessThan(QUANTILE_TOL);
    const lowerTail: Prior = { dist: "normal", mean: 0, sd: 1, max: -9 };
    expect(relErr(priorQuantile(lowerTail, 0.25), -9.150960767141484)).toBeLessThan(QUANTILE_TOL);
    expect(priorQuantile(truncated, 0)).toBe(9);
    expect(priorQuantile(truncated, 1)).toBe(15);
    expect(priorQuantile({ dist: "normal", mean: 0, sd: 1 }, 0)).toBe(Number.NEGATIVE_INFINITY);
  });

  it("inverts the lognormal, plain and truncated", () => {
    // mpmath at 40 digits of R's qlnorm(0.9, 0.5, 0.8) = exp(0.5 + 0.8 * qnorm(0.9))
    const plain: Prior = { dist: "lognormal", meanlog: 0.5, sdlog: 0.8 };
    expect(relErr(priorQuantile(plain, 0.9), 4.596252292620807)).toBeLessThan(QUANTILE_TOL);
    // truncated to [2, 4], meanlog 1, sdlog 0.5, u = 0.7 (mpmath at 40 digits)
    const truncated: Prior = { dist: "lognormal", meanlog: 1, sdlog: 0.5, min: 2, max: 4 };
    expect(relErr(priorQuantile(truncated, 0.7), 3.1961610398313836)).toBeLessThan(QUANTILE_TOL);
    expect(priorQuantile(plain, 0)).toBe(0);
    expect(priorQuantile(plain, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("inverts the beta, scaled to [min, max]", () => {
    // R's qbeta(0.3, 2, 5), value from mpmath at 40 digits; check 1 − (1−x)⁶ − 6x(1−x)⁵ = 0.3
    expect(
      relErr(priorQuantile({ dist: "beta", a: 2, b: 5 }, 0.3), 0.18180347131894917),
    ).toBeLessThan(QUANTILE_TOL);
    const scaled: Prior = { dist: "beta", a: 2, b: 5, min: 1, max: 3 };
    expect(relErr(priorQuantile(scaled, 0.3), 1 + 2 * 0.18180347131894917)).toBeLessThan(
      QUANTILE_TOL,
    );
    expect(priorQuantile(scaled, 0)).toBe(1);
    expect(priorQuantile(scaled, 1)).toBe(3);
  });

  it("round-trips CDF ∘ quantile for every family", () => {
    const phi = normalCdf;
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 4, noNaN: true }),
        (u, mean, sd, zLo, width) => {
          const min = mean + sd * zLo;
          const max = min + sd * width;
          // truncated normal: (Φ(z) − Φ(a)) / (Φ(b) − Φ(a)) = u
          const x = priorQuantile({ dist: "normal", mean, sd, min, max }, u);
          const a = phi((min - mean) / sd);
          const b = phi((max - mean) / sd);
          expect(Math.abs((phi((x - mean) / sd) - a) / (b - a) - u)).toBeLessThan(ROUND_TRIP_TOL);
          // untruncated normal and lognormal (lower tail for u ≤ ½, upper for u > ½)
          const z = (priorQuantile({ dist: "normal", mean, sd }, u) - mean) / sd;
          expect(u <= 0.5 ? relErr(phi(z), u) : relErr(phi(-z), 1 - u)).toBeLessThan(1e-12);
          const y = priorQuantile({ dist: "lognormal", meanlog: mean, sdlog: sd }, u);
          expect(Math.abs(phi((Math.log(y) - mean) / sd) - u)).toBeLessThan(ROUND_TRIP_TOL);
          // beta with shapes drawn from the same numbers, on [0, 1] (scaling is exact enough)
          const beta = priorQuantile({ dist: "beta", a: sd, b: width }, u);
          if (beta > 1e-300 && 1 - beta > 1e-9) {
            const betaU = regularizedIncompleteBeta(beta, sd, width);
            expect(Math.abs(betaU - u)).toBeLessThan(ROUND_TRIP_TOL);
          }
          // triangular: F(x) = (x−min)²/((max−min)(mode−min)) below the mode
          const mode = min + (max - min) * 0.3;
          const t = priorQuantile({ dist: "triangular", min, mode, max }, u);
          const f =
            t <= mode
              ? (t - min) ** 2 / ((max - min) * (mode - min))
              : 1 - (max - t) ** 2 / ((max - min) * (max - mode));
          expect(Math.abs(f - u)).toBeLessThan(1e-9);
        },
      ),
      { seed: 2, numRuns: 300 },
    );
  });

  it("refuses invalid u and invalid priors", () => {
    const std: Prior = { dist: "normal", mean: 0, sd: 1 };
    expect(() => priorQuantile(std, 1.1)).toThrow(/\[0, 1\]/);
    expect(() => priorQuantile(std, Number.NaN)).toThrow(/\[0, 1\]/);
    expect(() => priorQuantile({ dist: "normal", mean: 0, sd: 0 }, 0.5)).toThrow(/sd > 0/);
    expect(() => priorQuantile({ dist: "uniform", min: 1, max: 1 }, 0.5)).toThrow(/max greater/);
    expect(() => priorQuantile({ dist: "triangular", min: 0, mode: 3, max: 1 }, 0.5)).toThrow(
      /mode within/,
    );
    expect(() => priorQuantile({ dist: "beta", a: -1, b: 1 }, 0.5)).toThrow(/a > 0/);
    expect(() => priorQuantile({ dist: "lognormal", meanlog: 0, sdlog: 1, min: -1 }, 0.5)).toThrow(
      /min ≥ 0/,
    );
    // a truncation interval 50 sd out has no mass in double precision
    expect(() => priorQuantile({ dist: "normal", mean: 0, sd: 1, min: 50, max: 51 }, 0.5)).toThrow(
      /no probability mass/,
    );
  });
});
