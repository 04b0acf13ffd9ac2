import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MomentsArray, RunningMoments } from "./runningMoments.js";

/** Relative tolerance for merged versus sequential results (rounding only). */
const MERGE_TOL = 1e-12;

function close(a: number, b: number, tol = MERGE_TOL): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

describe("RunningMoments", () => {
  it("matches R's mean, var and sd", () => {
    const m = new RunningMoments();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) m.add(x);
    // R: mean(c(2,4,4,4,5,5,7,9)) = 5; var(...) = 32/7 = 4.571428571428571
    expect(m.count).toBe(8);
    expect(m.mean).toBe(5);
    expect(m.variance).toBeCloseTo(32 / 7, 14);
    expect(m.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(m.populationVariance).toBeCloseTo(4, 14);
  });

  it("is stable with a large offset (naive Σx² would lose all digits)", () => {
    const m = new RunningMoments();
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) m.add(x);
    // R: var(c(4, 7, 13, 16)) = 30
    expect(m.variance).toBeCloseTo(30, 6);
  });

  it("reports NaN for empty and single-observation variance", () => {
    const m = new RunningMoments();
    expect(m.mean).toBeNaN();
    m.add(3);
    expect(m.mean).toBe(3);
    expect(m.variance).toBeNaN();
  });

  it("merge equals sequential accumulation (Chan et al.)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 }),
        (xs, ys) => {
          const seq = new RunningMoments();
          for (const v of [...xs, ...ys]) seq.add(v);
          const a = new RunningMoments();
          for (const v of xs) a.add(v);
          const b = new RunningMoments();
          for (const v of ys) b.add(v);
          a.merge(b);
          expect(a.count).toBe(seq.count);
          if (seq.count > 0) expect(close(a.mean, seq.mean, 1e-9)).toBe(true);
          if (seq.count > 1) {
            const scale = Math.max(1, seq.variance);
            expect(Math.abs(a.variance - seq.variance) / scale).toBeLessThan(1e-9);
          }
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });

  it("round-trips through plain JSON and merges plain data", () => {
    const m = new RunningMoments();
    for (const x of [1, 2, 3, 10]) m.add(x);
    const data = JSON.parse(JSON.stringify(m));
    const back = RunningMoments.fromJSON(data);
    expect(back.toJSON()).toEqual(m.toJSON());
    const merged = new RunningMoments().add(0).merge(data);
    const seq = new RunningMoments();
    for (const x of [0, 1, 2, 3, 10]) seq.add(x);
    expect(close(merged.variance, seq.variance)).toBe(true);
    expect(() => RunningMoments.fromJSON({ count: -1, mean: 0, m2: 0 })).toThrow(/fromJSON/);
  });
});

describe("MomentsArray", () => {
  it("tracks many series and merges like RunningMoments", () => {
    const k = 5;
    const whole = new MomentsArray(k);
    const left = new MomentsArray(k);
    const right = new MomentsArray(k);
    const singles = Array.from({ length: k }, () => new RunningMoments());
    for (let t = 0; t < 200; t++) {
      const row = Array.from({ length: k }, (_, j) => Math.sin(t * (j + 1)) * (j + 1) + t / 50);
      whole.addAll(row);
      (t < 77 ? left : right).addAll(row);
      row.forEach((v, j) => {
        singles[j]!.add(v);
      });
    }
    left.merge(right);
    for (let j = 0; j < k; j++) {
      expect(whole.count(j)).toBe(200);
      expect(close(whole.mean(j), singles[j]!.mean)).toBe(true);
      expect(close(whole.variance(j), singles[j]!.variance)).toBe(true);
      expect(close(left.mean(j), whole.mean(j))).toBe(true);
      expect(close(left.variance(j), whole.variance(j))).toBe(true);
      expect(close(left.sd(j), singles[j]!.sd)).toBe(true);
    }
    expect(whole.means()[2]).toBe(whole.mean(2));
    expect(whole.variances(new Float64Array(k))[4]).toBe(whole.variance(4));
  });

  it("round-trips through plain JSON and checks sizes", () => {
    const m = new MomentsArray(2).addAll([1, 2]).addAll([3, 5]);
    const back = MomentsArray.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(back.toJSON()).toEqual(m.toJSON());
    expect(back.variance(1)).toBe(4.5);
    expect(() => m.addAll([1])).toThrow(/expected 2 values/);
    expect(() => m.merge(new MomentsArray(3))).toThrow(/cannot merge/);
    expect(new MomentsArray(1).mean(0)).toBeNaN();
  });
});
