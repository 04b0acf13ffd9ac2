import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent } from "./formatNumber.js";

describe("formatNumber", () => {
  it.each([
    [400, 0, "400"],
    [140, 0, "140"],
    [0.25, 3, "0.25"],
    [1.5, 0, "2"],
    [-0.2, 3, "−0.2"],
    [-0.0001, 3, "0"],
    [1.511, 3, "1.511"],
    [10, 2, "10"],
  ])("formatNumber(%f, %i) = %s", (x, digits, text) => {
    expect(formatNumber(x, digits)).toBe(text);
  });
  it("null and non-finite values read n/a; percentages round", () => {
    expect(formatNumber(null)).toBe("n/a");
    expect(formatNumber(Number.NaN)).toBe("n/a");
    expect(formatPercent(0.7)).toBe("70%");
  });
});
