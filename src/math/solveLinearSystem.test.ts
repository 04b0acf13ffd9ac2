import { describe, expect, it } from "vitest";
import { solveInPlace } from "./solveLinearSystem.js";

describe("solveInPlace", () => {
  it("solves a system that needs pivoting and reports the sign of the determinant", () => {
    // [[0, 2], [3, 1]] x = [4, 5] → x = [1, 2]; det = −6
    const a = Float64Array.of(0, 2, 3, 1);
    const b = Float64Array.of(4, 5);
    expect(solveInPlace(a, b, 2)).toBe(-1);
    expect(b[0]).toBeCloseTo(1, 14);
    expect(b[1]).toBeCloseTo(2, 14);
  });
  it("returns 0 for a singular matrix", () => {
    expect(solveInPlace(Float64Array.of(1, 2, 2, 4), Float64Array.of(1, 2), 2)).toBe(0);
  });
});
