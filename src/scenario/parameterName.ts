import type { Scenario } from "./Scenario.js";

/**
 * How prose names a scenario's parameters: its label in curly quotes (“Share of the support's
 * value that substitute providers can replace”), or the id when it has no label or no scenario
 * is given. Reports name parameters so in their main body; the ids are in the appendix.
 */
export function parameterNamer(scenario?: Pick<Scenario, "parameters">): (id: string) => string {
  const labels = new Map(scenario?.parameters.map((p) => [p.id, p.label]) ?? []);
  return (id) => {
    const label = labels.get(id);
    return label ? `“${label}”` : id;
  };
}
