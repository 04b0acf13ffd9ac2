import { describe, expect, it } from "vitest";
import { mix64, randomStream, xoshiro128StarStar } from "./randomStream.js";

/** Number of standard errors allowed in statistical checks (false-alarm rate < 1e-5). */
const Z_TOL = 5;
const N = 100_000;

function draws(seed: number, index: number, n = N): Float64Array {
  const rng = randomStream(seed, index);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.next();
  return out;
}

function correlation(x: Float64Array, y: Float64Array): number {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < x.length; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= x.length;
  my /= y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe("mix64 (splitmix64 output function)", () => {
  // reference: splitmix64 seeded with 0 (S. Vigna's splitmix64.c), first three outputs
  it("reproduces the splitmix64 reference outputs", () => {
    const g = 0x9e3779b97f4a7c15n;
    const m = (1n << 64n) - 1n;
    expect(mix64(g)).toBe(0xe220a8397b1dcdafn);
    expect(mix64((2n * g) & m)).toBe(0x6e789e6aa1b965f4n);
    expect(mix64((3n * g) & m)).toBe(0x06c45d188009454fn);
  });
});

describe("xoshiro128StarStar", () => {
  // reference: xoshiro128** step as published by Blackman & Vigna (xoshiro128starstar.c),
  // re-implemented independently in Python with arbitrary-precision integers, state {1,2,3,4}
  it("matches the reference step from state (1, 2, 3, 4)", () => {
    const rng = xoshiro128StarStar([1, 2, 3, 4]);
    const out = Array.from({ length: 8 }, () => rng.nextUint32());
    expect(out).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849,
    ]);
  });
  it("refuses an all-zero or malformed state", () => {
    expect(() => xoshiro128StarStar([0, 0, 0, 0])).toThrow(/all zero/);
    expect(() => xoshiro128StarStar([1, 2, 3])).toThrow(/4 state words/);
  });
});

describe("randomStream", () => {
  // reference: the documented seeding recipe re-implemented in Python (see randomStream.ts)
  it("derives the documented state", () => {
    const rng = randomStream(0, 0);
    expect([rng.nextUint32(), rng.nextUint32()]).toEqual([4149807384, 978855005]);
    const r42 = randomStream(42, 7);
    expect(r42.nextUint32()).toBe(1056968070);
    // next() = ((a >>> 5)·2²⁶ + (b >>> 6))·2⁻⁵³ from the first two outputs
    expect(randomStream(0, 0).next()).toBe(0.9662023203664082);
  });

  it("gives identical sequences for the same (seed, index)", () => {
    const a = randomStream(123456789, 3);
    const b = randomStream(123456789, 3);
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it("gives different sequences for neighbouring seeds and indices", () => {
    const first = (seed: number, index: number) => randomStream(seed, index).nextUint32();
    const seen = new Set<number>();
    for (let seed = 0; seed < 20; seed++) {
      for (let index = 0; index < 20; index++) seen.add(first(seed, index));
    }
    expect(seen.size).toBe(400);
  });

  it("returns values in [0, 1) that are multiples of 2^-53", () => {
    const rng = randomStream(5, 0);
    for (let i = 0; i < 10_000; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      expect(Number.isInteger(u * 2 ** 53)).toBe(true);
      const w = rng.nextUint32();
      expect(Number.isInteger(w) && w >= 0 && w < 2 ** 32).toBe(true);
    }
  });

  it("gives uncorrelated streams across indices and seeds", () => {
    // under independence the sample correlation is ≈ N(0, 1/N)
    const tol = Z_TOL / Math.sqrt(N);
    const base = draws(2024, 0);
    for (const [seed, index] of [
      [2024, 1],
      [2024, 2],
      [2025, 0],
      [2023, 1],
    ] as const) {
      expect(Math.abs(correlation(base, draws(seed, index)))).toBeLessThan(tol);
    }
    // lag-1 autocorrelation within a stream
    expect(Math.abs(correlation(base.subarray(1), base.subarray(0, N - 1)))).toBeLessThan(tol);
  });

  it("passes a chi-square uniformity test on 100 bins for several streams", () => {
    const bins = 100;
    const df = bins - 1;
    // chi-square(99) has mean 99 and sd √198; allow Z_TOL sd
    const critical = df + Z_TOL * Math.sqrt(2 * df);
    for (const index of [0, 1, 2, 1000]) {
      const counts = new Float64Array(bins);
      for (const u of draws(7, index)) counts[Math.floor(u * bins)]! += 1;
      const expected = N / bins;
      let chi2 = 0;
      for (const c of counts) chi2 += (c - expected) ** 2 / expected;
      expect(chi2).toBeLessThan(critical);
    }
  });

  it("has balanced bits in nextUint32", () => {
    const rng = randomStream(11, 4);
    const ones = new Float64Array(32);
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const w = rng.nextUint32();
      for (let b = 0; b < 32; b++) ones[b]! += (w >>> b) & 1;
    }
    const tol = Z_TOL * Math.sqrt(n * 0.25);
    for (const c of ones) expect(Math.abs(c - n / 2)).toBeLessThan(tol);
  });

  it("refuses seeds and indices that are not safe integers", () => {
    expect(() => randomStream(0.5, 0)).toThrow(/safe integer/);
    expect(() => randomStream(1, -1)).toThrow(/non-negative/);
    expect(() => randomStream(Number.NaN, 0)).toThrow(/safe integer/);
    expect(randomStream(-1, 0).nextUint32()).toBe(randomStream(-1, 0).nextUint32());
  });
});
