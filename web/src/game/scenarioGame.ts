import type { AnalysisResult } from "linkage/analysis/AnalysisResult";
import { analyze } from "linkage/analysis/analyze";
import { parameterValues } from "linkage/scenario/parameterValues";
import { parseScenario } from "linkage/scenario/parseScenario";
import type { Scenario } from "linkage/scenario/Scenario";

/** A scenario read for the game panel: the scenario, its parameter values and its one-shot analysis. */
export interface ScenarioGame {
  readonly scenario: Scenario;
  /** The parameter values with the overrides applied, in declaration order (as `--set` gives them). */
  readonly values: Float64Array;
  /** Notes on the values set (e.g. a value outside its prior's range). */
  readonly warnings: readonly string[];
  readonly analysis: AnalysisResult;
}

/**
 * Reads the workbench's scenario text with the overrides, as `linkage analyze FILE --set …` does
 * (without the pivots, which the game panel does not show).
 *
 * @throws {LinkageError} E_SCENARIO with located issues when the text is not a valid scenario;
 * E_INPUT for a bad override
 */
export function scenarioGame(
  text: string,
  source: string,
  overrides: Readonly<Record<string, number>>,
): ScenarioGame {
  const scenario = parseScenario(text, source);
  const { values, warnings } = parameterValues(scenario, overrides);
  const analysis = analyze(scenario, { overrides, pivots: false });
  return { scenario, values, warnings, analysis };
}
