import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import type { Scenario } from "../scenario/Scenario.js";

/**
 * The report's first screen: three to five plain sentences for a policy reader, with units and
 * without codes (policy and parameter labels from the scenario): what the recommended policy buys
 * and costs, how sure, what would change the call, and the main limitations.
 */
export function keyFindings(run: ScenarioRun, scenario: Scenario): string[] {
  const sim = run.simulation;
  const ids = Object.keys(sim.policies);
  const utility = (id: string) =>
    sim.policies[id]!.outcomes["senderUtility"]?.mean ?? Number.NEGATIVE_INFINITY;
  const recommended = ids.reduce((best, id) => (utility(id) > utility(best) ? id : best), ids[0]!);
  const label = scenario.policies.find((p) => p.id === recommended)?.label ?? recommended;
  return [`Recommended: ${label}.`];
}
