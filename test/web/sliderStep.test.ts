import { describe, expect, it } from "vitest";
import { roundToStep, sliderStep } from "../../web/src/scenario/sliderStep.js";

describe("sliderStep", () => {
  it("gives a round step with at least 200 positions over the prior's range", () => {
    expect(sliderStep(0.4, 0.9)).toBe(0.002);
    expect(sliderStep(0, 1)).toBe(0.005);
    expect(sliderStep(1000, 100000)).toBe(200);
    expect(sliderStep(0, 0.05)).toBeCloseTo(0.0002, 12);
    for (const [low, high] of [
      [0.4, 0.9],
      [1.5, 6],
      [0.005, 0.1],
      [183, 600],
    ] as const) {
      expect((high - low) / sliderStep(low, high)).toBeGreaterThanOrEqual(200);
    }
  });

  it("gives 1 for an empty or broken range", () => {
    expect(sliderStep(1, 1)).toBe(1);
    expect(sliderStep(0, Number.POSITIVE_INFINITY)).toBe(1);
  });

  it("rounds a slider's value to its step's decimals", () => {
    expect(roundToStep(0.30000000000000004, 0.002)).toBe(0.3);
    expect(roundToStep(0.4333, 0.002)).toBe(0.4333);
    expect(roundToStep(1234.0000001, 200)).toBe(1234);
  });
});
