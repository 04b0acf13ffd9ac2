import { priorQuantile } from "./priorQuantile.js";
import type { Scenario } from "./Scenario.js";

/**
 * Maps row `row` of a design on the unit hypercube (`design`, row-major with one column per
 * entry of `parameters`) to parameter values by each prior's quantile function, writing them
 * into `out` at `offset + index`. The one step behind every draw over the priors: Latin-hypercube
 * runs of the simulation, the best-policy shares, and Sobol samples.
 *
 * @param parameters - indices of the parameters drawn (each must have a prior)
 */
export function writePriorPoint(
  scenario: Scenario,
  parameters: readonly number[],
  design: ArrayLike<number>,
  row: number,
  out: Float64Array,
  offset = 0,
): void {
  const d = parameters.length;
  for (let k = 0; k < d; k++) {
    const i = parameters[k]!;
    out[offset + i] = priorQuantile(scenario.parameters[i]!.prior!, design[row * d + k]!);
  }
}
