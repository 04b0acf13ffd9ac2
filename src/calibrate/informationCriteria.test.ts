import { describe, expect, it } from "vitest";
import { informationCriteria } from "./informationCriteria.js";

describe("informationCriteria", () => {
  it("computes AIC = 2k − 2ℓ and BIC = k ln n − 2ℓ", () => {
    const c = informationCriteria(-100, 2, 50);
    expect(c.aic).toBe(204);
    expect(c.bic).toBeCloseTo(200 + 2 * Math.log(50), 12);
    expect(informationCriteria(Number.NEGATIVE_INFINITY, 1, 3).aic).toBe(Number.POSITIVE_INFINITY);
  });

  it("refuses a NaN likelihood, fractional k and n < 1", () => {
    expect(() => informationCriteria(Number.NaN, 1, 10)).toThrow(/log-likelihood is NaN/);
    expect(() => informationCriteria(-1, 1.5, 10)).toThrow(/parameterCount/);
    expect(() => informationCriteria(-1, 1, 0)).toThrow(/sampleSize/);
  });
});
