import { describe, expect, it } from "vitest";
import { sobolFlag } from "./sobolFlag.js";

describe("sobolFlag", () => {
  it("flags a first-order estimate above the total when S_T − S's interval is below 0", () => {
    // the flagship's attack indices at 32 base samples: omega, S 0.053, S_T − S [−0.076, −0.008]
    expect(sobolFlag(0.053, 0.098, -0.008)).toBe("first-order above total");
  });

  it("flags a first-order estimate whose interval is below 0", () => {
    expect(sobolFlag(-0.011, -0.005, 0.021)).toBe("first-order below zero");
  });

  it("does not flag noise that the intervals cover", () => {
    expect(sobolFlag(-0.047, 0.12, 0.3)).toBeNull(); // below 0, but the interval reaches above
    expect(sobolFlag(0.038, 0.084, 0.02)).toBeNull(); // above the total estimate, within noise
    expect(sobolFlag(0, 0, 0)).toBeNull(); // a parameter with no effect
  });
});
