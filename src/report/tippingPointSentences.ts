import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import type { Scenario } from "../scenario/Scenario.js";
import { formatNumber } from "./formatNumber.js";

/**
 * The pivots of a run as plain sentences completing "the verdict changes if …": for each pivot,
 * the parameter (label and id), the direction it must move from its current value, the pivot
 * value, and the best policy on the other side.
 *
 * @example "Share of the support's value that substitute providers can replace (sigma_sub) falls below 0.2 (now 0.3): the best policy becomes K instead of KE."
 */
export function tippingPointSentences(run: ScenarioRun, scenario: Scenario): string[] {
  const labels = new Map(scenario.parameters.map((p) => [p.id, p.label]));
  return run.analysis.pivots.map((p) => {
    const now = run.analysis.parameters[p.parameter];
    const name = `${labels.get(p.parameter) ?? p.parameter} (${p.parameter})`;
    const rises = now !== undefined && now < p.value;
    const [from, to] = rises ? [p.below, p.above] : [p.above, p.below];
    return `${name} ${rises ? "rises above" : "falls below"} ${formatNumber(p.value, 4)} (now ${formatNumber(now ?? null, 4)}): the best policy becomes ${to} instead of ${from}.`;
  });
}
