import type { ScenarioRun } from "../analysis/ScenarioRun.js";

/**
 * The run's sensitivity results as the report's main body names them: where an output's
 * description or label says "under <policy id>" (the expected attacks under the best policy),
 * the policy is named by its label in quotes instead. Everything else is kept as it is.
 *
 * @example "expected attacks over 52 weeks under KE (mean-field model)"
 * // becomes "expected attacks over 52 weeks under “Conditional sharing, …” (mean-field model)"
 */
export function labelledSensitivity(run: ScenarioRun): ScenarioRun["sensitivity"] {
  const labels = new Map<string, string>();
  for (const [id, p] of Object.entries(run.analysis.policies)) labels.set(id, p.label);
  for (const [id, p] of Object.entries(run.simulation.policies))
    if (!labels.has(id)) labels.set(id, p.label);
  const name = (text: string) =>
    text.replace(/ under ([A-Za-z_][A-Za-z0-9_-]*)(?![A-Za-z0-9_-])/g, (whole, id: string) =>
      labels.has(id) ? ` under “${labels.get(id)}”` : whole,
    );
  return {
    ...run.sensitivity,
    tornadoes: run.sensitivity.tornadoes.map((t) => ({
      ...t,
      description: name(t.description),
      label: name(t.label),
    })),
    sobol: run.sensitivity.sobol.map((s) => ({ ...s, description: name(s.description) })),
  };
}
