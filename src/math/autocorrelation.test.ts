import { describe, expect, it } from "vitest";
import { autocorrelation } from "./autocorrelation.js";

describe("autocorrelation", () => {
  it("equals the hand-computed ACF of 1, 2, 3, 4, 5", () => {
    // deviations −2 −1 0 1 2, Σ² = 10: r₁ = (2 + 0 + 0 + 2)/10, r₂ = (0 − 1 + 0)/10,
    // r₃ = (−2 − 2)/10, r₄ = −4/10
    const r = autocorrelation([1, 2, 3, 4, 5], 4);
    expect([...r].map((v) => Math.round(v * 1e12) / 1e12)).toEqual([1, 0.4, -0.1, -0.4, -0.4]);
  });

  it("alternates for an alternating series", () => {
    // 1, −1, 1, −1: mean 0, Σ² = 4, r₁ = −3/4, r₂ = 2/4
    const r = autocorrelation([1, -1, 1, -1], 2);
    expect(r[1]).toBeCloseTo(-0.75, 15);
    expect(r[2]).toBeCloseTo(0.5, 15);
  });

  it("refuses a constant or too short series and lags out of range", () => {
    expect(() => autocorrelation([2, 2, 2], 1)).toThrow(/constant/);
    expect(() => autocorrelation([1], 0)).toThrow(/at least 2/);
    expect(() => autocorrelation([1, 2, 3], 3)).toThrow(/maxLag/);
    expect(() => autocorrelation([1, Number.NaN, 3], 1)).toThrow(/NaN/);
  });
});
