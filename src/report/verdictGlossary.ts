import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import type { Scenario } from "../scenario/Scenario.js";

/**
 * The names the verdict in detail uses, spelled out: it is also what `linkage run` prints, so it
 * calls policies and demands by their short ids; the report opens it with this line, e.g.
 * "Policies: U — Share intelligence unconditionally; … Demands: evacuation — Facilitate the
 * evacuation of US citizens and Afghan partners (observable); …". Demands without a description
 * are left out; null when there is nothing to spell out.
 */
export function verdictGlossary(
  run: ScenarioRun,
  scenario: Pick<Scenario, "demands">,
): string | null {
  const policies = Object.entries(run.simulation.policies).map(
    ([id, policy]) => `${id} — ${policy.label}`,
  );
  const demands = scenario.demands
    .filter((d) => d.description)
    .map((d) => `${d.id} — ${d.description!.trim()}`);
  const parts: string[] = [];
  if (policies.length > 0) parts.push(`Policies: ${policies.join("; ")}.`);
  if (demands.length > 0) parts.push(`Demands: ${demands.join("; ")}.`);
  return parts.length > 0 ? parts.join(" ") : null;
}
