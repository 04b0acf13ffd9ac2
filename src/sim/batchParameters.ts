import { parameterValues } from "../scenario/parameterValues.js";
import type { Scenario } from "../scenario/Scenario.js";
import { assertStableProcess } from "./branchingRatio.js";
import { drawParameters } from "./drawParameters.js";

/** The parameter values of a whole batch of runs, as simulate and every chunk job compute them. */
export interface BatchParameters {
  /** The parameters' values with the overrides applied (one row). */
  readonly values: Float64Array;
  /** `runs × parameters` row-major; with `fixed`, the single row `values`. */
  readonly parameters: Float64Array;
  /** Runs whose first draw was explosive and was drawn again (0 with `fixed`). */
  readonly redrawn: number;
}

/**
 * The parameters of every run of a batch: the values (with `overrides`) held fixed, or drawn
 * from the priors for all `runs` at once by {@link drawParameters}. A pure function of its
 * arguments, so a process holding only a chunk's description recomputes exactly the rows the
 * coordinator used.
 * @throws {LinkageError} E_INPUT for an unknown override or an explosive fixed point
 */
export function batchParameters(
  scenario: Scenario,
  {
    overrides = {},
    runs,
    seed,
    fixed,
  }: {
    readonly overrides?: Readonly<Record<string, number>>;
    readonly runs: number;
    readonly seed: number;
    readonly fixed: boolean;
  },
): BatchParameters {
  const { values } = parameterValues(scenario, overrides);
  if (fixed) {
    assertStableProcess(scenario, values, "the parameter values (--fixed)");
    return { values, parameters: Float64Array.from(values), redrawn: 0 };
  }
  return { values, ...drawParameters(scenario, values, overrides, runs, seed) };
}
