import * as Plot from "@observablehq/plot";
import type { ScenarioRun } from "linkage/analysis/ScenarioRun";
import { formatSignificant } from "linkage/report/formatNumber";
import type { PolicyStyle } from "linkage/report/policyColors";
import type { ReportWords } from "linkage/report/reportWords";

/** One run drawn in a fan chart; several layers overlay runs (a comparison). */
export interface FanLayer {
  /** The run's name, said in the hover text when there are several layers. */
  readonly name: string;
  readonly run: ScenarioRun;
  /** The median line's dash pattern (SVG `stroke-dasharray`), null for a solid line. */
  readonly dash: string | null;
}

interface FanRow {
  readonly policy: string;
  readonly layer: number;
  readonly week: number;
  readonly mean: number;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
}

/**
 * An interactive fan chart of one series over time, as the report draws it: a panel per shown
 * policy (in its report colour) on a shared y scale, and in each, for each layer, the 5–95% band
 * over the Monte Carlo runs and the median line (in the layer's dash pattern, so two runs
 * overlaid read apart); hovering shows the step's median, mean and 90% interval (Plot's `tip`).
 *
 * @returns the chart, or null when no shown policy has the series
 */
export function fanChartPlot(
  series: string,
  layers: readonly FanLayer[],
  style: PolicyStyle,
  shown: ReadonlySet<string>,
  words: ReportWords,
  width = 1100,
): SVGSVGElement | HTMLElement | null {
  const rows: FanRow[] = [];
  layers.forEach((layer, index) => {
    for (const policy of style.ids) {
      if (!shown.has(policy)) continue;
      const points = layer.run.simulation.policies[policy]?.weekly[series];
      points?.forEach((p, i) => {
        if ([p.mean, p.q05, p.q50, p.q95].every(Number.isFinite))
          rows.push({ policy, layer: index, week: i + 1, ...pick(p) });
      });
    }
  });
  if (rows.length === 0) return null;
  const { step } = words;
  const d = words.series(series);
  const several = layers.length > 1;
  const weeks = Math.max(...layers.map((l) => l.run.simulation.weeks));
  const key = (r: FanRow) => `${r.policy}|${r.layer}`;
  const title = (r: FanRow) =>
    [
      `${style.label[r.policy] ?? r.policy}${several ? ` — ${layers[r.layer]?.name ?? ""}` : ""}`,
      `${step.unit} ${r.week}`,
      `median ${formatSignificant(r.q50)}`,
      `mean ${formatSignificant(r.mean)}`,
      `90% of runs: ${formatSignificant(r.q05)} to ${formatSignificant(r.q95)}`,
    ].join("\n");
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: "#ddd" }),
    Plot.areaY(rows, {
      x: "week",
      y1: "q05",
      y2: "q95",
      z: key,
      fill: "policy",
      fx: "policy",
      fillOpacity: several ? 0.12 : 0.2,
    }),
  ];
  layers.forEach((layer, index) => {
    marks.push(
      Plot.lineY(
        rows.filter((r) => r.layer === index),
        {
          fx: "policy",
          x: "week",
          y: "q50",
          z: "policy",
          stroke: "policy",
          strokeWidth: 2,
          ...(layer.dash === null ? {} : { strokeDasharray: layer.dash }),
        },
      ),
    );
  });
  marks.push(
    Plot.dot(
      rows,
      Plot.pointer({ fx: "policy", x: "week", y: "q50", fill: "policy", r: 4, stroke: "white" }),
    ),
    Plot.tip(rows, Plot.pointer({ fx: "policy", x: "week", y: "q50", title })),
  );
  const policies = style.ids.filter((id) => rows.some((r) => r.policy === id));
  return Plot.plot({
    width,
    height: 230,
    marginLeft: 56,
    marginTop: 30,
    style: { fontSize: "11px" },
    color: { domain: [...style.ids], range: style.ids.map((id) => style.color[id]!) },
    fx: {
      domain: policies,
      padding: 0.1,
      label: null,
      tickFormat: (id: string) => shortLabel(style.label[id] ?? id),
    },
    x: { label: step.unit, domain: [1, weeks], ticks: 4 },
    y: {
      label: d.axis,
      grid: true,
      nice: true,
      zero: series !== "mu" && series !== "Stab",
    },
    marks,
  });
}

/** A policy's label cut to fit above its panel (the full label is in the legend and the tip). */
function shortLabel(label: string): string {
  return label.length <= 28 ? label : `${label.slice(0, 27)}…`;
}

function pick(p: { mean: number; q05: number; q50: number; q95: number }) {
  return { mean: p.mean, q05: p.q05, q50: p.q50, q95: p.q95 };
}
