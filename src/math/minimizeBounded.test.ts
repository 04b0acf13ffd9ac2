import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { minimizeBounded, type SmoothObjective } from "./minimizeBounded.js";

/** Accuracy asked of a minimiser on smooth test functions. */
const ARGMIN_TOL = 1e-5;
/** Relative accuracy of the minimum value (the default tolerances stop well inside it). */
const VALUE_TOL = 1e-7;

/** Rosenbrock's function 100(y − x²)² + (1 − x)², minimum 0 at (1, 1). */
const rosenbrock: SmoothObjective = (x, g) => {
  const a = x[0]!;
  const b = x[1]!;
  g[0] = -400 * a * (b - a * a) - 2 * (1 - a);
  g[1] = 200 * (b - a * a);
  return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
};

/** Σ_i c_i (x_i − m_i)²: a separable quadratic with minimum at m. */
function quadratic(m: readonly number[], c: readonly number[]): SmoothObjective {
  return (x, g) => {
    let f = 0;
    for (let i = 0; i < m.length; i++) {
      const d = x[i]! - m[i]!;
      g[i] = 2 * c[i]! * d;
      f += c[i]! * d * d;
    }
    return f;
  };
}

describe("minimizeBounded", () => {
  it("finds Rosenbrock's minimum (1, 1) from (−1.2, 1) in a wide box", () => {
    const result = minimizeBounded(rosenbrock, [-1.2, 1], { lower: [-5, -5], upper: [5, 5] });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
    expect(result.value).toBeLessThan(1e-10);
  });

  it("finds Rosenbrock's minimum with no bounds at all", () => {
    const inf = Number.POSITIVE_INFINITY;
    const result = minimizeBounded(rosenbrock, [-1.2, 1], {
      lower: [-inf, -inf],
      upper: [inf, inf],
    });
    expect(result.converged).toBe(true);
    expect(Math.abs(result.x[0]! - 1)).toBeLessThan(ARGMIN_TOL);
    expect(Math.abs(result.x[1]! - 1)).toBeLessThan(ARGMIN_TOL);
  });

  it("stops on an active bound: Rosenbrock in x ≤ 0.5 has its minimum on the bound", () => {
    // min over x ≤ 0.5 of 100(y − x²)² + (1 − x)² is at x = 0.5, y = 0.25 (value 0.25)
    const result = minimizeBounded(rosenbrock, [0, 0], { lower: [-2, -2], upper: [0.5, 2] });
    expect(result.x[0]).toBeCloseTo(0.5, 4);
    expect(result.x[1]).toBeCloseTo(0.25, 4);
    expect(result.value).toBeCloseTo(0.25, 6);
  });

  it("puts a quadratic's minimum on whichever bounds are active (one-sided and two-sided)", () => {
    const inf = Number.POSITIVE_INFINITY;
    // unconstrained minimum (−1, 2, 3, 0.5); the box cuts the first three
    const f = quadratic([-1, 2, 3, 0.5], [1, 10, 0.1, 1]);
    const result = minimizeBounded(f, [0.5, 0.5, 0.5, 0.3], {
      lower: [0, -inf, 0, 0],
      upper: [1, 1, inf, 1],
    });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(0, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
    expect(result.x[2]).toBeCloseTo(3, 4);
    expect(result.x[3]).toBeCloseTo(0.5, 6);
  });

  it("holds fixed coordinates at their start and minimises over the others", () => {
    const f = quadratic([1, 2], [1, 1]);
    const result = minimizeBounded(f, [0.3, 0.3], {
      lower: [0, 0],
      upper: [5, 5],
      fixed: [true, false],
    });
    expect(result.x[0]).toBe(0.3);
    expect(result.x[1]).toBeCloseTo(2, 6);
  });

  it("reports the iteration cap as not converged", () => {
    const result = minimizeBounded(rosenbrock, [-1.2, 1], {
      lower: [-5, -5],
      upper: [5, 5],
      maxIterations: 3,
    });
    expect(result.converged).toBe(false);
    expect(result.reason).toBe("iterations");
    expect(result.iterations).toBe(3);
  });

  it("is deterministic: the same start gives bit-identical results", () => {
    const a = minimizeBounded(rosenbrock, [-1.2, 1], { lower: [-5, -5], upper: [5, 5] });
    const b = minimizeBounded(rosenbrock, [-1.2, 1], { lower: [-5, -5], upper: [5, 5] });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(a.iterations).toBe(b.iterations);
  });

  it("finds the minimum of random convex quadratics clipped to random boxes (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            m: fc.double({ min: -10, max: 10, noNaN: true }),
            c: fc.double({ min: 0.01, max: 100, noNaN: true }),
            lo: fc.double({ min: -5, max: 0, noNaN: true }),
            width: fc.double({ min: 0.1, max: 10, noNaN: true }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (coords) => {
          const f = quadratic(
            coords.map((k) => k.m),
            coords.map((k) => k.c),
          );
          const lower = coords.map((k) => k.lo);
          const upper = coords.map((k) => k.lo + k.width);
          const start = coords.map((k) => k.lo + k.width / 3);
          const result = minimizeBounded(f, start, { lower, upper });
          const expected = coords.map((k, i) => Math.min(upper[i]!, Math.max(lower[i]!, k.m)));
          const best = coords.reduce((sum, k, i) => sum + k.c * (expected[i]! - k.m) ** 2, 0);
          // the stopping rule is relative to max(1, |f|): f is found to VALUE_TOL of that, and a
          // coordinate to within what moves f by that much (flat coordinates less precisely)
          const slack = VALUE_TOL * Math.max(1, best);
          expect(result.value - best).toBeLessThan(slack);
          for (let i = 0; i < coords.length; i++) {
            const gap = Math.abs(result.x[i]! - expected[i]!);
            expect(gap).toBeLessThan(Math.sqrt(slack / coords[i]!.c) + ARGMIN_TOL);
          }
        },
      ),
      { seed: 13, numRuns: 200 },
    );
  });

  it("projects a start outside the box into it", () => {
    const result = minimizeBounded(quadratic([0.25], [1]), [7], { lower: [0], upper: [1] });
    expect(result.x[0]).toBeCloseTo(0.25, 8);
  });

  it("reaches a minimum on a bound, also where the gradient vanishes there", () => {
    const f = quadratic([0, 0, 0], [0.05, 0.7, 100]);
    const result = minimizeBounded(f, [0.03, 3, 3], { lower: [0, 0, 0], upper: [0.1, 10, 10] });
    expect(result.converged).toBe(true);
    for (const v of result.x) expect(v).toBeLessThan(1e-12);
    // with the gradient pointing out of the box, the bound itself
    const g = quadratic([-1, -1], [0.05, 100]);
    const onBound = minimizeBounded(g, [0.03, 3], { lower: [0, 0], upper: [0.1, 10] });
    expect(Array.from(onBound.x)).toEqual([0, 0]);
  });

  it("uses per-coordinate scales on a badly scaled problem (a rate of 10⁴ beside a probability)", () => {
    const f = quadratic([2e4, 0.3], [1e-8, 100]);
    const result = minimizeBounded(f, [1e3, 0.5], {
      lower: [0, 0],
      upper: [Number.POSITIVE_INFINITY, 1],
      scale: [1e4, 1],
    });
    expect(result.converged).toBe(true);
    expect(result.x[0]! / 2e4).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(0.3, 6);
  });

  it("backs off where the objective is not finite (f = +∞ outside its domain)", () => {
    // −log x + x, minimum at 1; infinite at x ≤ 0 (inside the box)
    const f: SmoothObjective = (x, g) => {
      g[0] = -1 / x[0]! + 1;
      return x[0]! > 0 ? -Math.log(x[0]!) + x[0]! : Number.POSITIVE_INFINITY;
    };
    const result = minimizeBounded(f, [5], { lower: [-1], upper: [10] });
    expect(result.x[0]).toBeCloseTo(1, 6);
  });

  it("refuses bounds of the wrong length, an empty box, a bad scale and a non-finite start", () => {
    const f = quadratic([0], [1]);
    expect(() => minimizeBounded(f, [0.5], { lower: [0, 0], upper: [1] })).toThrow(LinkageError);
    expect(() => minimizeBounded(f, [0.5], { lower: [1], upper: [1] })).toThrow(
      /lower 1 ≥ upper 1/,
    );
    expect(() => minimizeBounded(f, [0.5], { lower: [0], upper: [1], scale: [0] })).toThrow(
      /scale 0/,
    );
    expect(() => minimizeBounded(f, [Number.NaN], { lower: [0], upper: [1] })).toThrow(
      /not a finite/,
    );
    expect(() => minimizeBounded(() => Number.NaN, [0.5], { lower: [0], upper: [1] })).toThrow(
      /NaN at the start/,
    );
  });
});
