import * as Plot from "@observablehq/plot";
import type { ScenarioRun } from "../../analysis/ScenarioRun.js";
import type { PolicyStyle } from "../policyColors.js";
import { type ReportWords, reportWords } from "../reportWords.js";
import { chartFigure, outerHtml, plotDocument } from "./chartFigure.js";

interface FanRow {
  readonly policy: string;
  readonly week: number;
  readonly mean: number;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
}

/**
 * A fan chart of one series (a value per step): small multiples, one panel per simulated policy on a shared
 * y scale, each with the 5–95% band over the Monte Carlo runs (light), the median (solid line)
 * and the mean (dashed line), in the policy's colour. Step k is the value after k steps.
 *
 * @returns a `<figure class="chart" data-chart="fan-<series>">`, or "" when no policy has the series
 */
export function fanChart(
  run: ScenarioRun,
  series: string,
  style: PolicyStyle,
  words: ReportWords = reportWords(run),
): string {
  const policies = style.ids.filter((id) => run.simulation.policies[id]?.weekly[series]);
  if (policies.length === 0) return "";
  const rows: FanRow[] = [];
  for (const policy of policies) {
    const points = run.simulation.policies[policy]!.weekly[series]!;
    points.forEach((p, i) => {
      if ([p.mean, p.q05, p.q50, p.q95].every(Number.isFinite))
        rows.push({ policy, week: i + 1, mean: p.mean, q05: p.q05, q50: p.q50, q95: p.q95 });
    });
  }
  const d = words.series(series);
  const { step } = words;
  const svg = Plot.plot({
    document: plotDocument(),
    width: 1060,
    height: 210,
    marginLeft: 78,
    marginTop: 46,
    marginBottom: 40,
    style: { fontSize: "11px" },
    color: { domain: [...style.ids], range: style.ids.map((id) => style.color[id]!) },
    fx: { domain: policies, axis: null, padding: 0.12 },
    x: { label: step.unit, domain: [1, run.simulation.weeks], ticks: 5 },
    y: {
      label: d.axis,
      labelAnchor: "center",
      grid: true,
      nice: true,
      zero: series !== "mu" && series !== "Stab",
    },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.text(
        policies.map((policy) => ({ policy, label: style.label[policy] ?? policy })),
        {
          fx: "policy",
          text: "label",
          frameAnchor: "top",
          lineAnchor: "bottom",
          dy: -6,
          // ems at 11px: about the panel's width, so a label wraps inside its panel
          lineWidth: Math.max(8, Math.floor(960 / policies.length / 13)),
          fill: "policy",
          fontWeight: "600",
        },
      ),
      Plot.areaY(rows, {
        fx: "policy",
        x: "week",
        y1: "q05",
        y2: "q95",
        fill: "policy",
        fillOpacity: 0.2,
      }),
      Plot.lineY(rows, { fx: "policy", x: "week", y: "q50", stroke: "policy", strokeWidth: 2 }),
      Plot.lineY(rows, {
        fx: "policy",
        x: "week",
        y: "mean",
        stroke: "policy",
        strokeWidth: 1.5,
        strokeDasharray: "4,3",
      }),
    ],
  });
  const weeks = run.simulation.weeks;
  return chartFigure({
    name: `fan-${series}`,
    title: `${d.title}, ${step.unit} by ${step.unit}`,
    caption: `${capitalise(d.meaning)}, ${step.plural} 1 to ${weeks}, over ${run.simulation.runs} simulated runs per policy (parameters drawn from their priors): in each policy's panel, the band covers 90% of the runs (5th to 95th percentile), the solid line is the median run and the dashed line the mean.`,
    svg: outerHtml(svg),
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
