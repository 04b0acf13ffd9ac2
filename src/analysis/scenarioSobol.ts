import { compileLeverageGame } from "../scenario/compileLeverageGame.js";
import type { Scenario } from "../scenario/Scenario.js";
import { weeklyParameters } from "../scenario/weeklyParameters.js";
import { writePriorPoint } from "../scenario/writePriorPoint.js";
import { compileSimulation } from "../sim/compileSimulation.js";
import { meanFieldPolicy } from "../sim/meanField.js";
import { leverageValue } from "./leverageValue.js";
import type { SobolResult } from "./ScenarioRun.js";
import { type SobolOptions, sobolIndices } from "./sobolIndices.js";

/**
 * Base samples for the one-shot leverage value (cheap) and for expected attacks (a mean-field
 * run each, ≈ 5–15 ms since the mean field follows automaton state × backlog level cells).
 */
export const LEVERAGE_SOBOL_SAMPLES = 1024;
export const ATTACKS_SOBOL_SAMPLES = 32;

/**
 * Sobol indices of a scenario's two headline outputs over its priors:
 * - the one-shot leverage value (best policy's E[U_S] minus unconditional support's), over the
 *   parameters of the one-shot game;
 * - the expected number of attacks over the horizon under `policy`, from the mean-field model
 *   (so the indices split the variance of E[attacks | parameters], free of Monte Carlo noise),
 *   over every parameter with a prior that expected attacks can depend on (weeklyParameters).
 * Parameters without a prior stay at `values`.
 */
export function scenarioSobol(
  scenario: Scenario,
  values: Float64Array,
  seed: number,
  policy: string,
): SobolResult[] {
  const results: SobolResult[] = [];
  const options = (baseSamples: number): SobolOptions => ({
    baseSamples,
    bootstrap: 200,
    confidence: 0.95,
    seed,
  });

  const oneShot = scenario.parameters.flatMap((p, i) => (p.prior && p.usedInOneShot ? [i] : []));
  results.push(
    sobolFor(
      scenario,
      values,
      oneShot,
      options(LEVERAGE_SOBOL_SAMPLES),
      "leverageValue",
      "one-shot leverage value: best policy's E[U_S] minus unconditional support's (sender units)",
      (work) => leverageValue(compileLeverageGame(scenario, work)).value,
    ),
  );

  const dynamics = scenario.dynamics;
  const policyIndex = scenario.policies.findIndex((p) => p.id === policy);
  if (dynamics && policyIndex >= 0) {
    const compiled = compileSimulation(scenario, { meanField: true });
    const attacks = compiled.outputNames.indexOf("attacks");
    if (attacks >= 0) {
      const weekly = weeklyParameters(scenario, "attacks").filter(
        (i) => scenario.parameters[i]!.prior,
      );
      results.push(
        sobolFor(
          scenario,
          values,
          weekly,
          options(ATTACKS_SOBOL_SAMPLES),
          "attacks",
          `expected attacks over ${dynamics.weeks} weeks under ${policy} (mean-field model)`,
          (work) =>
            meanFieldPolicy(scenario, compiled, work, policyIndex, dynamics.weeks).outputs[
              attacks
            ]!,
        ),
      );
    }
  }
  return results;
}

function sobolFor(
  scenario: Scenario,
  values: Float64Array,
  parameters: readonly number[],
  options: SobolOptions,
  output: string,
  description: string,
  model: (values: Float64Array) => number,
): SobolResult {
  const d = parameters.length;
  const work = Float64Array.from(values);
  const estimate = sobolIndices(
    d,
    (points, out) => {
      for (let r = 0; r < out.length; r++) {
        writePriorPoint(scenario, parameters, points, r, work);
        out[r] = model(work);
      }
    },
    options,
  );
  const indices = parameters.map((i, k) => ({
    parameter: scenario.parameters[i]!.id,
    label: scenario.parameters[i]!.label ?? scenario.parameters[i]!.id,
    first: estimate.first[k]!,
    firstLow: estimate.firstLow[k]!,
    firstHigh: estimate.firstHigh[k]!,
    total: estimate.total[k]!,
    totalLow: estimate.totalLow[k]!,
    totalHigh: estimate.totalHigh[k]!,
  }));
  indices.sort((a, b) => b.total - a.total);
  return {
    output,
    description,
    baseSamples: options.baseSamples!,
    bootstrap: options.bootstrap!,
    confidence: options.confidence!,
    variance: estimate.variance,
    indices,
  };
}
