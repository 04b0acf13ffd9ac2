import { concedes } from "../games/targetChoice.js";
import type { Scenario } from "../scenario/Scenario.js";
import { backlogLevel, buildPolicyRunModel, writeChoiceRow } from "./policyRunModel.js";
import type { PolicySimulation } from "./SimulationResult.js";

/**
 * The target's choice probabilities at the base parameter values in week 1 (the backlog full,
 * pressure 1): type → automaton state → choice → p.
 */
export function weeklyChoiceProbabilities(
  scenario: Scenario,
  values: Float64Array,
  policyIndex: number,
): PolicySimulation["target"] {
  const model = buildPolicyRunModel(scenario, values, policyIndex);
  const level = model.backlog ? backlogLevel(model, model.backlog.initial) : 0;
  const row = new Float64Array(model.actions);
  const choiceLabel = (a: number) => {
    const conceded = scenario.demands.filter((_, j) => concedes(a, j)).map((d) => d.id);
    return conceded.length === 0 ? "none" : conceded.join("+");
  };
  return Object.fromEntries(
    scenario.target.types.map((type, k) => [
      type.id,
      {
        choiceProbabilities: Object.fromEntries(
          model.automaton.labels.map((label, m) => {
            writeChoiceRow(model, k, 1, level, m, row, 0);
            return [label, Object.fromEntries(Array.from(row, (p, a) => [choiceLabel(a), p]))];
          }),
        ),
      },
    ]),
  );
}
