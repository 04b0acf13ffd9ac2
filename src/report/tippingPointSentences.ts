import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import type { Scenario } from "../scenario/Scenario.js";
import { formatSignificant } from "./formatNumber.js";

/**
 * The pivots of a run as plain sentences completing "the verdict changes if …": for each pivot,
 * the parameter, the direction it must move from its current value, the pivot value, and the
 * best policy on the other side — parameters and policies named by their labels (ids are for the
 * report's appendix), numbers to three significant figures.
 *
 * @example "the share of the support's value that substitute providers can replace falls below 0.2 (now 0.3): the best policy becomes “Share intelligence only for evacuation help and an al-Qaeda suspension” instead of “Conditional sharing, and aid to anti-Taliban groups on violation”."
 */
export function tippingPointSentences(run: ScenarioRun, scenario: Scenario): string[] {
  const labels = new Map(scenario.parameters.map((p) => [p.id, p.label]));
  return run.analysis.pivots.map((p) => {
    const now = run.analysis.parameters[p.parameter];
    const label = labels.get(p.parameter) ?? p.parameter;
    // "Share of …" reads "the share of …"; "ISKP fighters …" keeps its capitals
    const name = `the ${/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label}`;
    const rises = now !== undefined && now < p.value;
    const [from, to] = rises ? [p.below, p.above] : [p.above, p.below];
    const policy = (id: string) => `“${run.analysis.policies[id]?.label ?? id}”`;
    return `${name} ${rises ? "rises above" : "falls below"} ${formatSignificant(p.value)} (now ${formatSignificant(now ?? null)}): the best policy becomes ${policy(to)} instead of ${policy(from)}.`;
  });
}
