import { describe, expect, it } from "vitest";
import { randomStream } from "../math/randomStream.js";
import { normal, powerlaw } from "../math/samplers.js";
import { QuantileSketch } from "./quantileSketch.js";

/** Rank error allowed for 10⁵–10⁶ values at the default capacity (observed ≈ 0.1%). */
const RANK_TOL = 0.01;
const QS = [0.05, 0.25, 0.5, 0.75, 0.95];

/** R's quantile(x, q, type = 1): the ⌈qn⌉-th smallest value. */
function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** Distance of q from the interval of ranks [#{x < v}, #{x ≤ v}] / n that v occupies. */
function rankError(sorted: Float64Array, v: number, q: number): number {
  const n = sorted.length;
  const firstAtLeast = (pred: (x: number) => boolean) => {
    let a = 0;
    let b = n;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (pred(sorted[m]!)) a = m + 1;
      else b = m;
    }
    return a;
  };
  const below = firstAtLeast((x) => x < v);
  const atMost = firstAtLeast((x) => x <= v);
  const t = q * n;
  return t < below ? (below - t) / n : t > atMost ? (t - atMost) / n : 0;
}

function data(kind: "uniform" | "normal" | "pareto", n: number, index: number): Float64Array {
  const rng = randomStream(77, index);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] =
      kind === "uniform"
        ? rng.next()
        : kind === "normal"
          ? normal(rng, 0, 1)
          : powerlaw(rng, 1, 1.5);
  }
  return out;
}

function sketchOf(values: Float64Array, k?: number): QuantileSketch {
  const s = new QuantileSketch(k);
  for (const v of values) s.add(v);
  return s;
}

describe("QuantileSketch", () => {
  it("is exact below capacity, including after merges", () => {
    const values = data("normal", 1000, 0);
    const sorted = Float64Array.from(values).sort();
    const whole = sketchOf(values);
    const merged = new QuantileSketch();
    for (let c = 0; c < 1000; c += 100) merged.merge(sketchOf(values.subarray(c, c + 100)));
    for (const q of [0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999]) {
      expect(whole.quantile(q)).toBe(exactQuantile(sorted, q));
      expect(merged.quantile(q)).toBe(exactQuantile(sorted, q));
    }
    expect(whole.quantile(0)).toBe(sorted[0]);
    expect(whole.quantile(1)).toBe(sorted[999]);
    expect(whole.count).toBe(1000);
  });

  it("matches R's type-1 quantiles on 1:100", () => {
    const s = new QuantileSketch();
    for (let i = 100; i >= 1; i--) s.add(i);
    // R: quantile(1:100, c(.05, .25, .5, .75, .95), type = 1) = 5 25 50 75 95
    expect([...s.quantiles(QS)]).toEqual([5, 25, 50, 75, 95]);
    expect(new QuantileSketch().quantile(0.5)).toBeNaN();
  });

  it.each([
    ["uniform", 100_000, 1],
    ["normal", 100_000, 2],
    ["pareto", 100_000, 3],
    ["normal", 1_000_000, 4],
  ] as const)("keeps rank error within 1%% for %s data, n = %i", (kind, n, index) => {
    const values = data(kind, n, index);
    const sorted = Float64Array.from(values).sort();
    const s = sketchOf(values);
    for (const q of QS) expect(rankError(sorted, s.quantile(q), q)).toBeLessThanOrEqual(RANK_TOL);
    expect(s.retained).toBeLessThan(s.k * 12);
  });

  it("keeps rank error within 1% when merging 1000 small sketches in a fixed order", () => {
    const values = data("pareto", 1_000_000, 5);
    const sorted = Float64Array.from(values).sort();
    const merged = new QuantileSketch();
    for (let c = 0; c < values.length; c += 1000) {
      merged.merge(sketchOf(values.subarray(c, c + 1000)));
    }
    expect(merged.count).toBe(1_000_000);
    for (const q of QS) {
      expect(rankError(sorted, merged.quantile(q), q)).toBeLessThanOrEqual(RANK_TOL);
    }
  });

  it("handles sorted input (the adversarial order for compactors)", () => {
    const n = 200_000;
    const ascending = Float64Array.from({ length: n }, (_, i) => i);
    const s = sketchOf(ascending);
    for (const q of QS)
      expect(rankError(ascending, s.quantile(q), q)).toBeLessThanOrEqual(RANK_TOL);
  });

  it("is deterministic: identical add/merge sequences give identical state", () => {
    const run = () => {
      const total = new QuantileSketch(64);
      for (let part = 0; part < 20; part++) {
        total.merge(sketchOf(data("normal", 3000, 100 + part), 64));
      }
      return total;
    };
    const a = run();
    const b = run();
    expect(a.toJSON()).toEqual(b.toJSON());
    expect([...a.quantiles(QS)]).toEqual([...b.quantiles(QS)]);
  });

  it("round-trips through JSON and continues identically", () => {
    const s = sketchOf(data("uniform", 50_000, 6), 128);
    const copy = QuantileSketch.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
    expect(copy.toJSON()).toEqual(s.toJSON());
    expect(copy.count).toBe(50_000);
    const more = data("normal", 20_000, 7);
    for (const v of more) {
      s.add(v);
      copy.add(v);
    }
    expect(copy.toJSON()).toEqual(s.toJSON());
    expect([...copy.quantiles(QS)]).toEqual([...s.quantiles(QS)]);
  });

  it("refuses bad input", () => {
    const s = new QuantileSketch();
    expect(() => s.add(Number.NaN)).toThrow(/finite/);
    expect(() => s.add(Number.POSITIVE_INFINITY)).toThrow(/finite/);
    expect(() => s.quantile(1.5)).toThrow(/0 ≤ q ≤ 1/);
    expect(() => new QuantileSketch(3)).toThrow(/even integer/);
    expect(() => s.merge(new QuantileSketch(8))).toThrow(/capacity/);
    const data = { ...sketchOf(Float64Array.of(1, 2, 3)).toJSON(), count: 4 };
    expect(() => QuantileSketch.fromJSON(data)).toThrow(/differs from count/);
  });
});
