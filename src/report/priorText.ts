import type { Prior } from "../scenario/Scenario.js";

/**
 * A prior in words: its distribution and parameters, or "fixed" when the parameter has none.
 *
 * @example priorText({ dist: "triangular", min: 0.4, mode: 0.7, max: 0.9 }) // => "triangular(min 0.4, mode 0.7, max 0.9)"
 */
export function priorText(prior: Prior | null): string {
  if (!prior) return "fixed";
  const { dist, ...rest } = prior;
  const numbers = Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${v}`);
  return `${dist}(${numbers.join(", ")})`;
}
