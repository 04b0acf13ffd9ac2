import * as Plot from "@observablehq/plot";
import type { ScenarioRun } from "../../analysis/ScenarioRun.js";
import { OUTCOMES, type OutcomeDescription } from "../outcomeDescriptions.js";
import type { PolicyStyle } from "../policyColors.js";
import { chartFigure, outerHtml, plotDocument } from "./chartFigure.js";

interface BoxRow {
  readonly policy: string;
  readonly mean: number;
  readonly q05: number;
  readonly q25: number;
  readonly q50: number;
  readonly q75: number;
  readonly q95: number;
}

/**
 * The distribution of one end-of-horizon outcome over the Monte Carlo runs, one row per policy,
 * drawn box-and-whisker style: a thin rule from the 5th to the 95th percentile, a box from the
 * 25th to the 75th, a tick at the median and a dot at the mean, in the policy's colour.
 *
 * @returns a `<figure class="chart" data-chart="outcome-<name>">`, or "" when no policy has the outcome
 */
export function outcomeChart(run: ScenarioRun, outcome: string, style: PolicyStyle): string {
  const rows: BoxRow[] = [];
  for (const policy of style.ids) {
    const o = run.simulation.policies[policy]?.outcomes[outcome];
    if (o) rows.push({ policy, ...o });
  }
  if (rows.length === 0) return "";
  const d: OutcomeDescription = OUTCOMES[outcome] ?? {
    title: outcome,
    axis: `${outcome} (model units)`,
    meaning: `the outcome ${outcome}`,
  };
  const scale = d.percent ? 100 : 1;
  const scaled = rows.map((r) => ({
    policy: r.policy,
    mean: r.mean * scale,
    q05: r.q05 * scale,
    q25: r.q25 * scale,
    q50: r.q50 * scale,
    q75: r.q75 * scale,
    q95: r.q95 * scale,
  }));
  const policies = rows.map((r) => r.policy);
  const svg = Plot.plot({
    document: plotDocument(),
    width: 520,
    height: 56 + 34 * rows.length,
    marginLeft: 44,
    marginRight: 16,
    marginBottom: 40,
    style: { fontSize: "11px" },
    color: { domain: [...style.ids], range: style.ids.map((id) => style.color[id]!) },
    y: { domain: policies, label: null, padding: 0.3 },
    x: { label: d.axis, grid: true, nice: true },
    marks: [
      Plot.ruleY(scaled, { y: "policy", x1: "q05", x2: "q95", stroke: "policy", strokeWidth: 1.5 }),
      Plot.barX(scaled, {
        y: "policy",
        x1: "q25",
        x2: "q75",
        fill: "policy",
        fillOpacity: 0.35,
        stroke: "policy",
      }),
      Plot.tickX(scaled, { y: "policy", x: "q50", stroke: "policy", strokeWidth: 3 }),
      Plot.dot(scaled, { y: "policy", x: "mean", fill: "white", stroke: "#222", r: 3.5 }),
    ],
  });
  return chartFigure({
    name: `outcome-${outcome}`,
    title: d.title,
    caption: `Distribution of ${d.meaning}, over ${run.simulation.runs} simulated runs per policy. The line spans the 5th to 95th percentile, the box the 25th to 75th, the thick tick marks the median and the open dot the mean.`,
    svg: outerHtml(svg),
  });
}
