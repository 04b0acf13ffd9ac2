import { describe, expect, it } from "vitest";
import { normalQuantile } from "./normalQuantile.js";

describe("normalQuantile", () => {
  // reference values: R 4.3, qnorm(p)
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.841344746068543, 1],
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056],
    [0.9999, 3.719016485455709],
  ])("qnorm(%f) = %f", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 7);
  });
  it("is antisymmetric around 1/2", () => {
    for (const p of [0.01, 0.1, 0.3, 0.49]) {
      expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 12);
    }
  });
  it("refuses p outside (0, 1)", () => {
    expect(() => normalQuantile(0)).toThrow(/0 < p < 1/);
    expect(() => normalQuantile(1.2)).toThrow(/0 < p < 1/);
    expect(() => normalQuantile(Number.NaN)).toThrow(/0 < p < 1/);
  });
});
