import type { ScenarioRun } from "../analysis/ScenarioRun.js";

/** Colour-blind-aware categorical palette (Tableau 10 order), one colour per policy in order. */
export const POLICY_PALETTE: readonly string[] = [
  "#4e79a7",
  "#e15759",
  "#f28e2b",
  "#59a14f",
  "#b07aa1",
  "#76b7b2",
  "#edc948",
  "#9c755f",
  "#ff9da7",
  "#bab0ab",
];

/** Every policy of a run with its label and colour, in scenario order, so colours agree across charts. */
export interface PolicyStyle {
  readonly ids: readonly string[];
  readonly label: Readonly<Record<string, string>>;
  readonly color: Readonly<Record<string, string>>;
}

/**
 * The policies of a run (the one-shot ones, then any simulated only) with a fixed colour each:
 * the i-th policy gets `POLICY_PALETTE[i mod 10]`, so a policy has the same colour in every chart
 * and table of the report.
 */
export function policyColors(run: ScenarioRun): PolicyStyle {
  const ids: string[] = [];
  const label: Record<string, string> = {};
  for (const [id, p] of Object.entries(run.analysis.policies)) {
    ids.push(id);
    label[id] = p.label;
  }
  for (const [id, p] of Object.entries(run.simulation.policies)) {
    if (!(id in label)) {
      ids.push(id);
      label[id] = p.label;
    }
  }
  const color: Record<string, string> = {};
  ids.forEach((id, i) => {
    color[id] = POLICY_PALETTE[i % POLICY_PALETTE.length]!;
  });
  return { ids, label, color };
}
