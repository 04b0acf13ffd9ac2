import { describe, expect, it } from "vitest";
import { formatCount, formatNumber, formatPercent, formatSignificant } from "./formatNumber.js";

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

describe("formatSignificant", () => {
  it("keeps the significant figures asked for and groups thousands", () => {
    expect(formatSignificant(1024.3)).toBe("1,020");
    expect(formatSignificant(0.25331)).toBe("0.253");
    expect(formatSignificant(-19.23, 2)).toBe("−19");
    expect(formatSignificant(95.1, 2)).toBe("95");
    expect(formatSignificant(0)).toBe("0");
    expect(formatSignificant(null)).toBe("n/a");
    expect(formatSignificant(-0.0001, 1)).toBe("−0.0001");
  });
});

describe("formatCount", () => {
  it("groups a count's thousands, whole", () => {
    expect(formatCount(2000)).toBe("2,000");
    expect(formatCount(250)).toBe("250");
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});
