import * as Plot from "@observablehq/plot";
import type { ScenarioRun } from "../../analysis/ScenarioRun.js";
import { stepCount } from "../../scenario/timeStep.js";
import type { PolicyStyle } from "../policyColors.js";
import { type ReportWords, reportWords } from "../reportWords.js";
import { chartFigure, outerHtml, plotDocument, policyLegend } from "./chartFigure.js";
import { type MultiplesPanel, multiplesGrid } from "./multiplesGrid.js";

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
 * The distribution of each end-of-horizon outcome over the Monte Carlo runs (`OUTCOMES`, in
 * order), as small multiples: a panel per outcome, a row per policy in its colour, drawn
 * box-and-whisker style: a thin line from the 5th to the 95th percentile, a box from the 25th to
 * the 75th, a thick tick at the median and an open dot at the mean. The panels share one legend.
 *
 * @returns a `<figure class="chart" data-chart="outcome-distributions">` whose panels are named
 * by outcome, or "" when no policy has any of the outcomes
 */
export function outcomeDistributionsChart(
  run: ScenarioRun,
  style: PolicyStyle,
  words: ReportWords = reportWords(run),
): string {
  const panels: MultiplesPanel[] = [];
  const shown = new Set<string>();
  for (const [outcome, d] of Object.entries(words.outcomes)) {
    const scale = d.percent ? 100 : 1;
    const rows: BoxRow[] = [];
    for (const policy of style.ids) {
      const o = run.simulation.policies[policy]?.outcomes[outcome];
      if (!o) continue;
      shown.add(policy);
      rows.push({
        policy,
        mean: o.mean * scale,
        q05: o.q05 * scale,
        q25: o.q25 * scale,
        q50: o.q50 * scale,
        q75: o.q75 * scale,
        q95: o.q95 * scale,
      });
    }
    if (rows.length === 0) continue;
    const svg = Plot.plot({
      document: plotDocument(),
      width: 340,
      height: 52 + 24 * rows.length,
      marginLeft: 12,
      marginRight: 16,
      marginBottom: 40,
      style: { fontSize: "11px" },
      color: { domain: [...style.ids], range: style.ids.map((id) => style.color[id]!) },
      y: { domain: rows.map((r) => r.policy), axis: null, padding: 0.3 },
      x: { label: d.unit, labelAnchor: "center", grid: true, nice: true, ticks: 5 },
      marks: [
        Plot.ruleY(rows, { y: "policy", x1: "q05", x2: "q95", stroke: "policy", strokeWidth: 1.5 }),
        Plot.barX(rows, {
          y: "policy",
          x1: "q25",
          x2: "q75",
          fill: "policy",
          fillOpacity: 0.35,
          stroke: "policy",
        }),
        Plot.tickX(rows, { y: "policy", x: "q50", stroke: "policy", strokeWidth: 3 }),
        Plot.dot(rows, { y: "policy", x: "mean", fill: "white", stroke: "#222", r: 3.5 }),
      ],
    });
    panels.push({ name: `outcome-${outcome}`, title: d.title, svg: outerHtml(svg) });
  }
  if (panels.length === 0) return "";
  const heavyTailed = ["attacks", "fatalities"].some(
    (o) => Object.hasOwn(words.outcomes, o) && panels.some((p) => p.name === `outcome-${o}`),
  );
  return chartFigure({
    name: "outcome-distributions",
    title: `Outcomes after ${stepCount(words.step, run.simulation.weeks)}`,
    caption: `The distribution of each outcome over ${run.simulation.runs} simulated runs per policy, parameters drawn from their priors. In each panel, one row per policy: the line spans the 5th to the 95th percentile of the runs, the box the 25th to the 75th, the thick tick marks the median and the open dot the mean${heavyTailed ? " (counts of attacks and deaths are heavy-tailed, so their mean lies right of the median)" : ""}.`,
    svg: multiplesGrid(panels),
    legend: policyLegend(
      style,
      style.ids.filter((id) => shown.has(id)),
    ),
  });
}
