import { compileLeverageGame } from "../scenario/compileLeverageGame.js";
import type { Scenario } from "../scenario/Scenario.js";
import { stepCount } from "../scenario/timeStep.js";
import { weeklyParameters } from "../scenario/weeklyParameters.js";
import { compileSimulation } from "../sim/compileSimulation.js";
import { meanFieldPolicy } from "../sim/meanField.js";
import { leverageValue } from "./leverageValue.js";

/**
 * Sobol sample sizes of the one-shot leverage value: an evaluation (compile the game, solve every
 * policy) costs ≈ 7 µs, so the adaptive rule can afford to double N from 1,024 up to 8,192 (with
 * the flagship's 19 parameters, at most ≈ 170,000 evaluations, about a second) until every 95%
 * interval is narrower than {@link SOBOL_TARGET_WIDTH}. The flagship stops at 2,048 (≈ 0.45 s).
 */
export const LEVERAGE_SOBOL_SAMPLES = 1024;
export const LEVERAGE_SOBOL_MAX_SAMPLES = 8192;
/**
 * Sobol sample sizes of expected attacks: each evaluation is a mean-field run of the weekly model
 * (≈ 4 ms on the flagship), and there are d + 2 = 38 of them per base sample, so N = 32 already
 * costs ≈ 4.5 s, over half of `linkage run`. The cap is that budget: the intervals of the largest
 * indices are then ≈ 1 wide, and meeting the 0.1 target would take N ≈ 2,000–4,000 (≈ 5–10
 * minutes). The result records that the target was not met, and the report says so.
 */
export const ATTACKS_SOBOL_SAMPLES = 32;
export const ATTACKS_SOBOL_MAX_SAMPLES = 32;
/** Every first-order and total index's 95% interval should be narrower than this. */
export const SOBOL_TARGET_WIDTH = 0.1;

/**
 * One output of the sensitivity analysis: what both the tornado (one parameter at a time, at the
 * parameters' values) and the Sobol indices (all together, over the priors) are computed on, so
 * the two always speak of the same number and the same parameters.
 */
export interface SensitivityOutput {
  /** Key shared by the tornado and the Sobol result, e.g. "leverageValue" or "attacks". */
  readonly output: string;
  /** What the output is, in words, with its unit. */
  readonly description: string;
  /** A short name with its unit, for an axis. */
  readonly label: string;
  /** Indices of the parameters varied (all with a prior), in scenario order. */
  readonly parameters: readonly number[];
  /** Sobol base sample size N of the first round, and its cap. */
  readonly baseSamples: number;
  readonly maxSamples: number;
  /** The output at the given parameter values (a full vector, scenario order). */
  readonly model: (values: Float64Array) => number;
}

/**
 * The outputs a scenario's sensitivity analysis covers:
 * - "leverageValue", the one-shot leverage value (best policy's E[U_S] minus unconditional
 *   support's), over the one-shot game's parameters with a prior;
 * - "attacks", when `policy` is given, the scenario has dynamics with an `attacks` output and
 *   `policy` is one of its policies: the expected attacks over the horizon under `policy` from the mean-field model (so
 *   free of Monte Carlo noise and affordable: one deterministic run per point), over every
 *   parameter with a prior that attacks can depend on (`weeklyParameters`).
 */
export function sensitivityOutputs(scenario: Scenario, policy?: string): SensitivityOutput[] {
  const withPrior = (i: number) => scenario.parameters[i]!.prior !== null;
  const outputs: SensitivityOutput[] = [
    {
      output: "leverageValue",
      description:
        "one-shot leverage value: best policy's E[U_S] minus unconditional support's (sender units)",
      label: "one-shot leverage value (sender units)",
      parameters: scenario.parameters.flatMap((p, i) =>
        p.usedInOneShot && withPrior(i) ? [i] : [],
      ),
      baseSamples: LEVERAGE_SOBOL_SAMPLES,
      maxSamples: LEVERAGE_SOBOL_MAX_SAMPLES,
      model: (values) => leverageValue(compileLeverageGame(scenario, values)).value,
    },
  ];
  const dynamics = scenario.dynamics;
  const policyIndex = scenario.policies.findIndex((p) => p.id === policy);
  if (dynamics && policyIndex >= 0) {
    const compiled = compileSimulation(scenario, { meanField: true });
    const attacks = compiled.outputNames.indexOf("attacks");
    if (attacks >= 0) {
      outputs.push({
        output: "attacks",
        description: `expected attacks over ${stepCount(dynamics.step, dynamics.weeks)} under ${policy} (mean-field model)`,
        label: `expected attacks over ${stepCount(dynamics.step, dynamics.weeks)} under ${policy} (mean field)`,
        parameters: weeklyParameters(scenario, "attacks").filter(withPrior),
        baseSamples: ATTACKS_SOBOL_SAMPLES,
        maxSamples: ATTACKS_SOBOL_MAX_SAMPLES,
        model: (values) =>
          meanFieldPolicy(scenario, compiled, values, policyIndex, dynamics.weeks).outputs[
            attacks
          ]!,
      });
    }
  }
  return outputs;
}
