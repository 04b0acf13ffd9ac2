import { concedes } from "../games/targetChoice.js";
import type { Scenario } from "../scenario/Scenario.js";
import { buildPolicyRunModel } from "./policyRunModel.js";
import type { PolicySimulation } from "./SimulationResult.js";

/** The target's choice probabilities at the base parameter values: type → state → choice → p. */
export function weeklyChoiceProbabilities(
  scenario: Scenario,
  values: Float64Array,
  policyIndex: number,
): PolicySimulation["target"] {
  const model = buildPolicyRunModel(scenario, values, policyIndex);
  const choiceLabel = (a: number) => {
    const conceded = scenario.demands.filter((_, j) => concedes(a, j)).map((d) => d.id);
    return conceded.length === 0 ? "none" : conceded.join("+");
  };
  return Object.fromEntries(
    scenario.target.types.map((type, k) => [
      type.id,
      {
        choiceProbabilities: Object.fromEntries(
          model.automaton.labels.map((label, m) => [
            label,
            Object.fromEntries(
              Array.from({ length: model.actions }, (_, a) => [
                choiceLabel(a),
                model.choice[(k * model.states + m) * model.actions + a]!,
              ]),
            ),
          ]),
        ),
      },
    ]),
  );
}
