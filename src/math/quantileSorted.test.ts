import { describe, expect, it } from "vitest";
import { quantileSorted } from "./quantileSorted.js";

describe("quantileSorted", () => {
  it("interpolates between order statistics as R's quantile(type = 7)", () => {
    // R: quantile(c(1, 2, 3, 4), c(0, 0.1, 0.5, 0.975, 1)) => 1, 1.3, 2.5, 3.925, 4
    const x = [1, 2, 3, 4];
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileSorted(x, 0.5)).toBe(2.5);
    expect(quantileSorted(x, 0.975)).toBeCloseTo(3.925, 12);
    expect(quantileSorted(x, 1)).toBe(4);
    expect(quantileSorted([7], 0.3)).toBe(7);
  });

  it("refuses an empty list and p outside [0, 1]", () => {
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => quantileSorted([1], 1.5)).toThrow(/p must lie/);
    expect(() => quantileSorted([1], Number.NaN)).toThrow(/p must lie/);
  });
});
