import type { Scenario } from "../scenario/Scenario.js";
import { writePriorPoint } from "../scenario/writePriorPoint.js";
import type { SobolIndex, SobolResult } from "./ScenarioRun.js";
import {
  type SensitivityOutput,
  SOBOL_TARGET_WIDTH,
  sensitivityOutputs,
} from "./sensitivityOutputs.js";
import { sobolFlag } from "./sobolFlag.js";
import { sobolIndices } from "./sobolIndices.js";

/** Bootstrap resamples and confidence level of every Sobol interval. */
const BOOTSTRAP = 200;
const CONFIDENCE = 0.95;

/**
 * Sobol indices of a scenario's sensitivity outputs over its priors (`sensitivityOutputs`: the
 * one-shot leverage value, and expected attacks under `policy` from the mean-field model), each
 * over the parameters with a prior that the output depends on; parameters without a prior stay at
 * `values`. The base sample size is adaptive ({@link sobolIndices}): it doubles from the output's
 * `baseSamples` until every 95% interval is narrower than {@link SOBOL_TARGET_WIDTH} or the
 * output's `maxSamples` is reached, and the result records which. Each index carries total −
 * first-order (its interactions) and a flag when the estimates break 0 ≤ S_i ≤ S_Ti beyond their
 * intervals ({@link sobolFlag}). Indices are sorted by total index, largest first.
 *
 * @param outputs - the outputs to analyse. @default sensitivityOutputs(scenario, policy)
 */
export function scenarioSobol(
  scenario: Scenario,
  values: Float64Array,
  seed: number,
  policy: string,
  outputs: readonly SensitivityOutput[] = sensitivityOutputs(scenario, policy),
): SobolResult[] {
  return outputs.map((output) => sobolFor(scenario, values, seed, output));
}

function sobolFor(
  scenario: Scenario,
  values: Float64Array,
  seed: number,
  output: SensitivityOutput,
): SobolResult {
  const parameters = output.parameters;
  const work = Float64Array.from(values);
  const estimate = sobolIndices(
    parameters.length,
    (points, out) => {
      for (let r = 0; r < out.length; r++) {
        writePriorPoint(scenario, parameters, points, r, work);
        out[r] = output.model(work);
      }
    },
    {
      baseSamples: output.baseSamples,
      maxSamples: output.maxSamples,
      targetWidth: SOBOL_TARGET_WIDTH,
      bootstrap: BOOTSTRAP,
      confidence: CONFIDENCE,
      seed,
    },
  );
  const indices: SobolIndex[] = parameters.map((i, k) => ({
    parameter: scenario.parameters[i]!.id,
    label: scenario.parameters[i]!.label ?? scenario.parameters[i]!.id,
    first: estimate.first[k]!,
    firstLow: estimate.firstLow[k]!,
    firstHigh: estimate.firstHigh[k]!,
    total: estimate.total[k]!,
    totalLow: estimate.totalLow[k]!,
    totalHigh: estimate.totalHigh[k]!,
    interaction: estimate.interaction[k]!,
    interactionLow: estimate.interactionLow[k]!,
    interactionHigh: estimate.interactionHigh[k]!,
    flag: sobolFlag(estimate.first[k]!, estimate.firstHigh[k]!, estimate.interactionHigh[k]!),
  }));
  indices.sort((a, b) => b.total - a.total);
  return {
    output: output.output,
    description: output.description,
    baseSamples: estimate.baseSamples,
    bootstrap: BOOTSTRAP,
    confidence: CONFIDENCE,
    variance: estimate.variance,
    indices,
    initialSamples: output.baseSamples,
    maxSamples: output.maxSamples,
    targetWidth: SOBOL_TARGET_WIDTH,
    targetMet: estimate.targetMet,
    widestInterval: estimate.widestInterval,
    evaluations: estimate.evaluations,
  };
}
