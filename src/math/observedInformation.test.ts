import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { covarianceFromInformation } from "./covarianceFromInformation.js";
import type { SmoothObjective } from "./minimizeBounded.js";
import { observedInformation } from "./observedInformation.js";

/** Relative accuracy of a Hessian by central differences of an exact gradient. */
const HESSIAN_TOL = 1e-6;

/** f(x) = ½ xᵀAx + bᵀx with A symmetric (row-major). */
function quadraticForm(a: number[], b: number[]): SmoothObjective {
  const k = b.length;
  return (x, g) => {
    let f = 0;
    for (let i = 0; i < k; i++) {
      let row = 0;
      for (let j = 0; j < k; j++) row += a[i * k + j]! * x[j]!;
      g[i] = row + b[i]!;
      f += 0.5 * x[i]! * row + b[i]! * x[i]!;
    }
    return f;
  };
}

describe("observedInformation", () => {
  it("is the Hessian of a quadratic form", () => {
    const a = [4, 1, 0, 1, 3, -1, 0, -1, 2];
    const info = observedInformation(quadraticForm(a, [1, 2, 3]), [0.5, -2, 7]);
    for (let i = 0; i < 9; i++) expect(info[i]).toBeCloseTo(a[i]!, 6);
  });

  it("is the Hessian of the Poisson negative log-likelihood: n/λ² at λ̂ = mean", () => {
    // −ℓ(λ) = nλ − S log λ with S = 37 events in n = 10 intervals: I(λ̂) = n²/S
    const f: SmoothObjective = (x, g) => {
      g[0] = 10 - 37 / x[0]!;
      return 10 * x[0]! - 37 * Math.log(x[0]!);
    };
    const info = observedInformation(f, [3.7]);
    expect(Math.abs(info[0]! / (100 / 37) - 1)).toBeLessThan(HESSIAN_TOL);
  });

  it("differences one-sidedly on a bound and only in the chosen indices", () => {
    const a = [2, 0.5, 0.5, 1];
    const info = observedInformation(quadraticForm(a, [0, 0]), [0, 1], {
      lower: [0, 0],
      upper: [1, 1],
      indices: [0],
    });
    expect(info.length).toBe(1);
    expect(info[0]).toBeCloseTo(2, 8);
  });

  it("is symmetric and matches the Hessian of random smooth functions (property)", () => {
    // f(x) = Σ_i c_i exp(a_i·x): Hessian Σ_i c_i a_i a_iᵀ exp(a_i·x)
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (rows, x) => {
          const f: SmoothObjective = (p, g) => {
            g.fill(0);
            let value = 0;
            for (const r of rows) {
              const e = Math.exp(r[0]! * p[0]! + r[1]! * p[1]! + r[2]! * p[2]!);
              value += e;
              for (let i = 0; i < 3; i++) g[i] = g[i]! + r[i]! * e;
            }
            return value;
          };
          const info = observedInformation(f, x, { scale: [1, 1, 1] });
          for (let i = 0; i < 3; i++) {
            for (let j = 0; j < 3; j++) {
              let exact = 0;
              for (const r of rows)
                exact += r[i]! * r[j]! * Math.exp(r[0]! * x[0]! + r[1]! * x[1]! + r[2]! * x[2]!);
              expect(info[i * 3 + j]).toBe(info[j * 3 + i]);
              expect(Math.abs(info[i * 3 + j]! - exact)).toBeLessThan(
                HESSIAN_TOL * (1 + Math.abs(exact)),
              );
            }
          }
        },
      ),
      { seed: 5, numRuns: 100 },
    );
  });

  it("refuses an index out of range", () => {
    expect(() => observedInformation(quadraticForm([1], [0]), [0], { indices: [1] })).toThrow(
      /index 1/,
    );
  });
});

describe("covarianceFromInformation", () => {
  it("inverts a symmetric positive-definite matrix", () => {
    const a = Float64Array.of(4, 1, 0, 1, 3, -1, 0, -1, 2);
    const inv = covarianceFromInformation(a, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let p = 0; p < 3; p++) s += a[i * 3 + p]! * inv[p * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it("refuses a singular or indefinite information, naming the coordinate", () => {
    expect(() => covarianceFromInformation(Float64Array.of(1, 1, 1, 1), 2, ["mu", "n"])).toThrow(
      /not positive definite \(at n\)/,
    );
    expect(() => covarianceFromInformation(Float64Array.of(1, 0, 0, -1), 2)).toThrow(
      /coordinate 1/,
    );
    expect(() => covarianceFromInformation(Float64Array.of(1, 0, 0), 2)).toThrow(/3 entries/);
  });
});
