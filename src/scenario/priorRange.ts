import { normalQuantile } from "../math/normalQuantile.js";
import type { Prior } from "./scenarioSchema.js";

/** Tail probability left out of each side of an unbounded prior's range. */
export const UNBOUNDED_TAIL = 0.001;

/**
 * The interval a prior covers: its bounds where it has them, otherwise the quantiles
 * UNBOUNDED_TAIL and 1 − UNBOUNDED_TAIL of the untruncated distribution (normal, lognormal).
 * Beta priors are scaled to [min, max], [0, 1] by default.
 *
 * @example priorRange({ dist: "normal", mean: 0, sd: 1 }) // => [-3.090…, 3.090…]
 */
export function priorRange(prior: Prior): [number, number] {
  switch (prior.dist) {
    case "uniform":
    case "triangular":
      return [prior.min, prior.max];
    case "beta":
      return [prior.min ?? 0, prior.max ?? 1];
    case "normal": {
      const z = normalQuantile(1 - UNBOUNDED_TAIL);
      return [prior.min ?? prior.mean - z * prior.sd, prior.max ?? prior.mean + z * prior.sd];
    }
    case "lognormal": {
      const z = normalQuantile(1 - UNBOUNDED_TAIL);
      return [
        prior.min ?? Math.exp(prior.meanlog - z * prior.sdlog),
        prior.max ?? Math.exp(prior.meanlog + z * prior.sdlog),
      ];
    }
  }
}

/**
 * Checks a prior's own parameters, returning a message for the first problem or `null`.
 * Field names in messages are those of the scenario file.
 */
export function priorProblem(prior: Prior): { field: string; message: string } | null {
  const bounds = (min: number | undefined, max: number | undefined) =>
    min !== undefined && max !== undefined && !(min < max)
      ? { field: "max", message: `expected max greater than min (${min}), found ${max}` }
      : null;
  switch (prior.dist) {
    case "uniform":
      return bounds(prior.min, prior.max);
    case "triangular":
      if (!(prior.min < prior.max)) {
        return {
          field: "max",
          message: `expected max greater than min (${prior.min}), found ${prior.max}`,
        };
      }
      if (!(prior.mode >= prior.min && prior.mode <= prior.max)) {
        return {
          field: "mode",
          message: `expected mode within [${prior.min}, ${prior.max}], found ${prior.mode}`,
        };
      }
      return null;
    case "normal":
      if (!(prior.sd > 0)) return { field: "sd", message: `expected sd > 0, found ${prior.sd}` };
      return bounds(prior.min, prior.max);
    case "lognormal":
      if (!(prior.sdlog > 0))
        return { field: "sdlog", message: `expected sdlog > 0, found ${prior.sdlog}` };
      if (prior.min !== undefined && prior.min < 0) {
        return {
          field: "min",
          message: `expected min ≥ 0 for a lognormal prior, found ${prior.min}`,
        };
      }
      return bounds(prior.min, prior.max);
    case "beta":
      if (!(prior.a > 0)) return { field: "a", message: `expected a > 0, found ${prior.a}` };
      if (!(prior.b > 0)) return { field: "b", message: `expected b > 0, found ${prior.b}` };
      return bounds(prior.min ?? 0, prior.max ?? 1);
  }
}
