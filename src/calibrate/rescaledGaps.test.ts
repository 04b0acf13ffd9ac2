import { describe, expect, it } from "vitest";
import { rescaledGaps } from "./rescaledGaps.js";

describe("rescaledGaps", () => {
  it("differences the compensator from Λ(0) = 0", () => {
    expect([...rescaledGaps(Float64Array.of(0.5, 2, 2.25))]).toEqual([0.5, 1.5, 0.25]);
    expect(rescaledGaps(new Float64Array(0)).length).toBe(0);
  });

  it("refuses a decreasing, negative or non-finite compensator", () => {
    expect(() => rescaledGaps(Float64Array.of(1, 0.5))).toThrow(/decreases at event 1/);
    expect(() => rescaledGaps(Float64Array.of(-0.1))).toThrow(/decreases at event 0/);
    expect(() => rescaledGaps(Float64Array.of(1, Number.NaN))).toThrow(/event 1 is NaN/);
  });
});
