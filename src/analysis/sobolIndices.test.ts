import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { sobolFlag } from "./sobolFlag.js";
import { type SobolEstimate, sobolIndices } from "./sobolIndices.js";

/** Allowed gap between an estimate and the analytic index (Monte Carlo error at these N). */
const INDEX_TOL = 0.03;

/**
 * The Ishigami function f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ with a = 7, b = 0.1 and
 * x_i ~ U(−π, π), reached from the uniforms by x = −π + 2π·u.
 */
function ishigami(points: Float64Array, out: Float64Array): void {
  for (let k = 0; k < out.length; k++) {
    const x1 = -Math.PI + 2 * Math.PI * points[3 * k]!;
    const x2 = -Math.PI + 2 * Math.PI * points[3 * k + 1]!;
    const x3 = -Math.PI + 2 * Math.PI * points[3 * k + 2]!;
    out[k] = Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
  }
}

/** f = Σ c_i x_i with x_i ~ U(0, 1), the uniforms themselves. */
function linear(c: readonly number[]) {
  return (points: Float64Array, out: Float64Array): void => {
    for (let k = 0; k < out.length; k++) {
      let s = 0;
      for (let i = 0; i < c.length; i++) s += c[i]! * points[k * c.length + i]!;
      out[k] = s;
    }
  };
}

function expectWithin(actual: Float64Array, expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const gap = Math.abs(actual[i]! - expected[i]!);
    expect(gap, `index ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
  }
}

function expectCovers(low: Float64Array, high: Float64Array, value: number, i: number): void {
  expect(low[i]!, `lower end of interval ${i}`).toBeLessThanOrEqual(value);
  expect(high[i]!, `upper end of interval ${i}`).toBeGreaterThanOrEqual(value);
}

function expectThrowsDomain(f: () => unknown, message: RegExp): void {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(LinkageError);
    expect((error as LinkageError).code).toBe("E_DOMAIN");
    expect((error as LinkageError).message).toMatch(message);
    return;
  }
  expect.unreachable("expected a LinkageError");
}

describe("sobolIndices: Ishigami function", () => {
  // reference: analytic values, Ishigami & Homma (1990); Saltelli et al., Global Sensitivity
  // Analysis: The Primer (2008), §4.8 — S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437)
  const FIRST = [0.3139, 0.4424, 0];
  const TOTAL = [0.5576, 0.4424, 0.2437];
  const r = sobolIndices(3, ishigami, { baseSamples: 8192, seed: 1 });

  it("estimates the first-order and total indices within 0.03", () => {
    expectWithin(r.first, FIRST, INDEX_TOL);
    expectWithin(r.total, TOTAL, INDEX_TOL);
  });

  it("has 95% intervals that contain the analytic total indices and S1, S2", () => {
    for (let i = 0; i < 3; i++) expectCovers(r.totalLow, r.totalHigh, TOTAL[i]!, i);
    expectCovers(r.firstLow, r.firstHigh, FIRST[0]!, 0);
    expectCovers(r.firstLow, r.firstHigh, FIRST[1]!, 1);
  });

  it("has intervals around the point estimates and of plausible width", () => {
    for (let i = 0; i < 3; i++) {
      expectCovers(r.firstLow, r.firstHigh, r.first[i]!, i);
      expectCovers(r.totalLow, r.totalHigh, r.total[i]!, i);
      expect(r.firstHigh[i]! - r.firstLow[i]!).toBeGreaterThan(0);
      expect(r.firstHigh[i]! - r.firstLow[i]!).toBeLessThan(0.1);
      expect(r.totalHigh[i]! - r.totalLow[i]!).toBeGreaterThan(0);
      expect(r.totalHigh[i]! - r.totalLow[i]!).toBeLessThan(0.1);
    }
  });

  it("reports the variance of f, analytically a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 13.8446", () => {
    // reference: Saltelli et al. (2008), §4.8 with a = 7, b = 0.1
    const exact = 49 / 8 + (0.1 * Math.PI ** 4) / 5 + (0.01 * Math.PI ** 8) / 18 + 0.5;
    expect(exact).toBeCloseTo(13.8446, 4);
    expect(Math.abs(r.variance - exact) / exact).toBeLessThan(0.03);
  });

  it("evaluates the model N·(d + 2) times", () => {
    expect(r.evaluations).toBe(8192 * 5);
  });
});

describe("sobolIndices: adaptive sample size on the Ishigami function", () => {
  // reference: as above (Saltelli et al. 2008, §4.8); the interactions S_Ti − S_i are
  // (0.2437, 0, 0.2437): x₁ and x₃ interact only with each other, x₂ not at all
  const FIRST = [0.3139, 0.4424, 0];
  const TOTAL = [0.5576, 0.4424, 0.2437];
  const r = sobolIndices(3, ishigami, {
    baseSamples: 256,
    maxSamples: 65_536,
    targetWidth: 0.1,
    seed: 7,
  });

  it("doubles N from 256 until every 95% interval is narrower than 0.1, and says so", () => {
    expect(r.targetMet).toBe(true);
    expect(r.baseSamples).toBe(4096); // 256 → 512 → … → 4096 at this seed
    expect(r.evaluations).toBe(4096 * 5);
    let widest = 0;
    for (let i = 0; i < 3; i++) {
      widest = Math.max(widest, r.firstHigh[i]! - r.firstLow[i]!, r.totalHigh[i]! - r.totalLow[i]!);
      expect(r.firstHigh[i]! - r.firstLow[i]!).toBeLessThan(0.1);
      expect(r.totalHigh[i]! - r.totalLow[i]!).toBeLessThan(0.1);
    }
    expect(r.widestInterval).toBe(widest);
  });

  it("is within 0.05 (half the target width) of the analytic indices, inside its intervals", () => {
    expectWithin(r.first, FIRST, 0.05);
    expectWithin(r.total, TOTAL, 0.05);
    for (let i = 0; i < 3; i++) {
      expectCovers(r.firstLow, r.firstHigh, FIRST[i]!, i);
      expectCovers(r.totalLow, r.totalHigh, TOTAL[i]!, i);
    }
  });

  it("reports the interactions total − first-order with paired intervals that cover them", () => {
    const exact = TOTAL.map((t, i) => t - FIRST[i]!);
    for (let i = 0; i < 3; i++) {
      expect(r.interaction[i]).toBeCloseTo(r.total[i]! - r.first[i]!, 12);
      expectCovers(r.interactionLow, r.interactionHigh, exact[i]!, i);
    }
    expectWithin(r.interaction, exact, 0.05);
  });

  it("stops at the cap when the target is not met, and says so", () => {
    const capped = sobolIndices(3, ishigami, { baseSamples: 64, maxSamples: 200, seed: 7 });
    expect(capped.baseSamples).toBe(128); // 256 would pass the cap of 200
    expect(capped.evaluations).toBe(128 * 5);
    expect(capped.targetMet).toBe(false);
    expect(capped.widestInterval).toBeGreaterThanOrEqual(0.1);
  });

  it("keeps every earlier evaluation: N·(d + 2) calls' worth in all, round by round", () => {
    const sizes: number[] = [];
    sobolIndices(
      3,
      (points, out) => {
        sizes.push(out.length);
        ishigami(points, out);
      },
      { baseSamples: 64, maxSamples: 256, targetWidth: 1e-6, bootstrap: 20 },
    );
    expect(sizes).toEqual([...Array(5).fill(64), ...Array(5).fill(64), ...Array(5).fill(128)]);
  });

  it("gives the one-round result when the first round meets the target", () => {
    const options = { baseSamples: 4096, bootstrap: 50, seed: 3 };
    const once = sobolIndices(2, linear([1, 2]), options);
    const adaptive = sobolIndices(2, linear([1, 2]), { ...options, maxSamples: 4096 });
    expect(once.targetMet).toBe(true);
    expect(adaptive).toEqual(once);
  });
});

describe("sobolIndices: estimates that break 0 ≤ S_i ≤ S_Ti are reported, not clipped", () => {
  // A constructed "model" that is not a function of its inputs (as a noisy simulation can be):
  // f = x₁ + x₂ on A and B, but f(AB_1) = f(A) + ½(f(B) − 1) and f(AB_2) = f(A) − ½(f(B) − 1).
  // Then S_1 ≈ ½ while S_T1 ≈ ⅛ (first-order above total), and S_2 ≈ −½ (below zero).
  const r = (() => {
    let call = 0;
    const fA = new Float64Array(4096);
    const fB = new Float64Array(4096);
    return sobolIndices(
      2,
      (points, out) => {
        const block = call++;
        for (let k = 0; k < out.length; k++) {
          const f = points[2 * k]! + points[2 * k + 1]!;
          if (block === 0) out[k] = fA[k] = f;
          else if (block === 1) out[k] = fB[k] = f;
          else out[k] = fA[k]! + (block === 2 ? 0.5 : -0.5) * (fB[k]! - 1);
        }
      },
      { baseSamples: 4096, seed: 11 },
    );
  })();

  it("keeps S_1 above S_T1, with a paired interval of S_T1 − S_1 entirely below 0", () => {
    expect(r.first[0]).toBeCloseTo(0.5, 1);
    expect(r.total[0]).toBeCloseTo(0.125, 1);
    expect(r.interactionHigh[0]!).toBeLessThan(0);
    expect(sobolFlag(r.first[0]!, r.firstHigh[0]!, r.interactionHigh[0]!)).toBe(
      "first-order above total",
    );
  });

  it("keeps S_2 below 0, with an interval entirely below 0", () => {
    expect(r.first[1]).toBeCloseTo(-0.5, 1);
    expect(r.firstHigh[1]!).toBeLessThan(0);
    expect(sobolFlag(r.first[1]!, r.firstHigh[1]!, r.interactionHigh[1]!)).toBe(
      "first-order below zero",
    );
  });

  it("flags nothing on a well-behaved model", () => {
    const ok = sobolIndices(3, ishigami, { baseSamples: 2048, seed: 7 });
    for (let i = 0; i < 3; i++)
      expect(sobolFlag(ok.first[i]!, ok.firstHigh[i]!, ok.interactionHigh[i]!)).toBeNull();
  });
});

describe("sobolIndices: linear and additive models", () => {
  it("gives S_i = ST_i = c_i² / Σ c_j² for f = Σ c_i x_i on U(0, 1)", () => {
    // reference: V(c_i x_i) = c_i²/12 and no interactions, so both indices are c_i² / Σ c_j²
    const c = [1, 2, 3, 0.5];
    const sumSq = c.reduce((s, ci) => s + ci * ci, 0);
    const exact = c.map((ci) => (ci * ci) / sumSq);
    const r = sobolIndices(4, linear(c), { baseSamples: 16384, seed: 3 });
    expectWithin(r.first, exact, INDEX_TOL);
    expectWithin(r.total, exact, INDEX_TOL);
    expect(r.variance).toBeCloseTo(sumSq / 12, 1);
  });

  it("gives S_i ≈ ST_i for an additive nonlinear model", () => {
    const additive = (points: Float64Array, out: Float64Array): void => {
      for (let k = 0; k < out.length; k++) {
        const u = points.subarray(3 * k, 3 * k + 3);
        out[k] = Math.exp(2 * u[0]!) + Math.sin(2 * Math.PI * u[1]!) + 4 * u[2]! ** 3;
      }
    };
    const r = sobolIndices(3, additive, { baseSamples: 4096, seed: 5 });
    let sum = 0;
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.first[i]! - r.total[i]!)).toBeLessThan(INDEX_TOL);
      sum += r.first[i]!;
    }
    // an additive model has Σ S_i = 1
    expect(Math.abs(sum - 1)).toBeLessThan(INDEX_TOL);
  });

  it("gives an input that does not enter the model exactly zero indices", () => {
    const r = sobolIndices(2, (p, out) => {
      for (let k = 0; k < out.length; k++) out[k] = p[2 * k]!;
    });
    expect(r.first[1]).toBe(0);
    expect(r.total[1]).toBe(0);
    expect(r.firstLow[1]).toBe(0);
    expect(r.totalHigh[1]).toBe(0);
    expect(Math.abs(r.first[0]! - 1)).toBeLessThan(INDEX_TOL);
    expect(Math.abs(r.total[0]! - 1)).toBeLessThan(INDEX_TOL);
  });

  it("is invariant to adding a large constant to the model", () => {
    const shifted = (points: Float64Array, out: Float64Array): void => {
      linear([1, 2])(points, out);
      for (let k = 0; k < out.length; k++) out[k] = out[k]! + 1e6;
    };
    const base = sobolIndices(2, linear([1, 2]), { baseSamples: 512, bootstrap: 20 });
    const moved = sobolIndices(2, shifted, { baseSamples: 512, bootstrap: 20 });
    for (let i = 0; i < 2; i++) {
      expect(moved.first[i]).toBeCloseTo(base.first[i]!, 6);
      expect(moved.total[i]).toBeCloseTo(base.total[i]!, 6);
    }
  });
});

describe("sobolIndices: degenerate and bookkeeping cases", () => {
  it("returns zeros with zero-width intervals for a constant model", () => {
    const r = sobolIndices(3, (_p, out) => out.fill(2.5), { baseSamples: 64 });
    expect(r.variance).toBe(0);
    for (const a of [r.first, r.firstLow, r.firstHigh, r.total, r.totalLow, r.totalHigh]) {
      expect(Array.from(a)).toEqual([0, 0, 0]);
    }
  });

  it("calls evaluate d + 2 times with N points in (0, 1) each, N·(d + 2) evaluations in all", () => {
    const n = 100;
    const d = 4;
    const sizes: number[] = [];
    let inside = true;
    const r = sobolIndices(
      d,
      (points, out) => {
        expect(points.length).toBe(out.length * d);
        sizes.push(out.length);
        for (const x of points) inside &&= x > 0 && x < 1;
        for (let k = 0; k < out.length; k++) out[k] = points[k * d]! * points[k * d + 1]!;
        points.fill(-1); // callers may transform the points in place
      },
      { baseSamples: n, bootstrap: 10 },
    );
    expect(sizes).toEqual(Array(d + 2).fill(n));
    expect(inside).toBe(true);
    expect(r.evaluations).toBe(n * (d + 2));
    expect(r.total[2]).toBe(0);
    expect(r.total[3]).toBe(0);
  });

  it("gives identical results for the same seed and different ones for another seed", () => {
    const options = { baseSamples: 256, bootstrap: 50, seed: 42 };
    const run = (): SobolEstimate => sobolIndices(3, ishigami, options);
    const one = run();
    const two = run();
    expect(two).toEqual(one);
    const other = sobolIndices(3, ishigami, { ...options, seed: 43 });
    expect(other.total).not.toEqual(one.total);
  });

  it("narrows the interval as the confidence level drops", () => {
    const wide = sobolIndices(3, ishigami, { baseSamples: 512, confidence: 0.99 });
    const narrow = sobolIndices(3, ishigami, { baseSamples: 512, confidence: 0.5 });
    for (let i = 0; i < 3; i++) {
      expect(narrow.totalLow[i]!).toBeGreaterThanOrEqual(wide.totalLow[i]!);
      expect(narrow.totalHigh[i]!).toBeLessThanOrEqual(wide.totalHigh[i]!);
    }
  });
});

describe("sobolIndices: refused inputs", () => {
  const f = linear([1, 1]);

  it("refuses fewer than one dimension or a fractional one", () => {
    expectThrowsDomain(() => sobolIndices(0, f), /dimension/);
    expectThrowsDomain(() => sobolIndices(1.5, f), /dimension/);
  });

  it("refuses a base sample size below 2", () => {
    expectThrowsDomain(() => sobolIndices(2, f, { baseSamples: 1 }), /base sample size/);
    expectThrowsDomain(() => sobolIndices(2, f, { baseSamples: 10.5 }), /base sample size/);
  });

  it("refuses a cap below the base sample size and a target width that is not positive", () => {
    expectThrowsDomain(() => sobolIndices(2, f, { baseSamples: 64, maxSamples: 32 }), /maxSamples/);
    expectThrowsDomain(() => sobolIndices(2, f, { maxSamples: 2000.5 }), /maxSamples/);
    expectThrowsDomain(() => sobolIndices(2, f, { targetWidth: 0 }), /target interval width/);
    expectThrowsDomain(() => sobolIndices(2, f, { targetWidth: Number.NaN }), /target/);
  });

  it("refuses bad bootstrap counts, confidence levels and seeds", () => {
    expectThrowsDomain(() => sobolIndices(2, f, { bootstrap: 0 }), /bootstrap/);
    expectThrowsDomain(() => sobolIndices(2, f, { confidence: 1 }), /confidence/);
    expectThrowsDomain(() => sobolIndices(2, f, { confidence: Number.NaN }), /confidence/);
    expectThrowsDomain(() => sobolIndices(2, f, { seed: 0.5 }), /seed/);
  });

  it("refuses non-finite model values, naming the point and matrix", () => {
    const nanAt = (bad: number) => (points: Float64Array, out: Float64Array) => {
      f(points, out);
      out[7] = bad;
    };
    expectThrowsDomain(
      () => sobolIndices(2, nanAt(Number.NaN), { baseSamples: 16 }),
      /non-finite value \(NaN\) at point 7 of matrix A/,
    );
    expectThrowsDomain(
      () => sobolIndices(2, nanAt(Number.POSITIVE_INFINITY), { baseSamples: 16 }),
      /non-finite value \(Infinity\)/,
    );
    let calls = 0;
    expectThrowsDomain(
      () =>
        sobolIndices(
          2,
          (points, out) => {
            if (calls++ < 3) f(points, out); // leaves matrix AB_2 unset
          },
          { baseSamples: 16 },
        ),
      /non-finite value \(NaN\) at point 0 of matrix AB_2/,
    );
  });
});
