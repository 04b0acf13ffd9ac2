import { quantityValue } from "./quantityValue.js";
import type { Scenario } from "./Scenario.js";

const PROBABILITY_SUM_TOL = 1e-9;

/**
 * Checks that the target types' priors form a distribution for the given parameter values:
 * with every prior given they sum to 1, with one omitted the others sum to at most 1.
 * Returns a message for the problem, or `null`.
 */
export function typePriorProblem(scenario: Scenario, values: ArrayLike<number>): string | null {
  let sum = 0;
  let omitted = false;
  for (const type of scenario.target.types) {
    if (type.prior === null) omitted = true;
    else sum += quantityValue(type.prior, values);
  }
  if (omitted && sum > 1 + PROBABILITY_SUM_TOL) {
    return `expected the type priors to sum to at most 1 (one type takes the remainder), found ${sum}`;
  }
  if (!omitted && Math.abs(sum - 1) > PROBABILITY_SUM_TOL) {
    return `expected the type priors to sum to 1, found ${sum}`;
  }
  return null;
}
