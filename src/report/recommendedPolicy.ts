import type { ScenarioRun } from "../analysis/ScenarioRun.js";

/**
 * The run's recommended policy: the simulated policy with the highest mean sender utility over
 * the horizon (`senderUtility`), ties to the first listed. The one rule behind the verdict's
 * first sentence (`runVerdict`), the key findings (`keyFindings`) and the index of several runs
 * (`runIndexRows`).
 *
 * @example recommendedPolicy(flagshipRun) // => "KE"
 */
export function recommendedPolicy(run: ScenarioRun): string {
  const sim = run.simulation;
  const ids = Object.keys(sim.policies);
  const utility = (id: string) =>
    sim.policies[id]!.outcomes["senderUtility"]?.mean ?? Number.NEGATIVE_INFINITY;
  return ids.reduce((best, id) => (utility(id) > utility(best) ? id : best), ids[0]!);
}
