import { describe, expect, it } from "vitest";
import { randomStream } from "../math/randomStream.js";
import {
  bernoulli,
  lognormal,
  normal,
  poisson,
  powerlaw,
  severity,
  uniform,
} from "../math/samplers.js";
import { streamExpressionRandom } from "./streamExpressionRandom.js";

describe("expressionRandom", () => {
  it("draws exactly what the free functions draw, in call order", () => {
    const bound = streamExpressionRandom(randomStream(60, 0));
    const free = randomStream(60, 0);
    for (let i = 0; i < 50; i++) {
      expect(bound.uniform()).toBe(uniform(free));
      expect(bound.poisson(3)).toBe(poisson(free, 3));
      expect(bound.poisson(300)).toBe(poisson(free, 300));
      expect(bound.bernoulli(0.4)).toBe(bernoulli(free, 0.4));
      expect(bound.normal(1, 2)).toBe(normal(free, 1, 2));
      expect(bound.lognormal(0, 1)).toBe(lognormal(free, 0, 1));
      expect(bound.powerlaw(10, 2.4)).toBe(powerlaw(free, 10, 2.4));
      expect(bound.severity(4, 0.05, 2, 1, 10, 2.4)).toBe(severity(free, 4, 0.05, 2, 1, 10, 2.4));
    }
  });
});
