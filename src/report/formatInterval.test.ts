import { describe, expect, it } from "vitest";
import { formatInterval } from "./formatInterval.js";

describe("formatInterval", () => {
  it("gives three significant figures, grouped thousands and true minus signs", () => {
    expect(formatInterval(179.2, 85.4, 333.3)).toBe("179 [85.4, 333]");
    expect(formatInterval(19.2, 1.381, 95.1)).toBe("19.2 [1.38, 95.1]");
    expect(formatInterval(-0.5612, -1.7081, 0.5553)).toBe("−0.561 [−1.71, 0.555]");
    expect(formatInterval(12_345, 1_020.4, 40_111, { digits: 2 })).toBe("12,000 [1,000, 40,000]");
  });

  it("gives shares as whole percentages", () => {
    expect(formatInterval(0.62, 0.09, 1, { percent: true })).toBe("62% [9%, 100%]");
  });
});
