import * as Plot from "@observablehq/plot";
import type { ScenarioRun } from "linkage/analysis/ScenarioRun";
import { formatSignificant } from "linkage/report/formatNumber";
import type { OutcomeDescription } from "linkage/report/outcomeDescriptions";
import type { PolicyStyle } from "linkage/report/policyColors";

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
 * The distribution of one end-of-horizon outcome over the runs, a row per shown policy in its
 * colour, as the report draws it: a line from the 5th to the 95th percentile, a box from the 25th
 * to the 75th, a thick tick at the median, an open dot at the mean; hovering a row gives the
 * numbers (Plot's `tip`).
 *
 * @returns the chart, or null when no shown policy has the outcome
 */
export function outcomePlot(
  outcome: string,
  description: OutcomeDescription,
  run: ScenarioRun,
  style: PolicyStyle,
  shown: ReadonlySet<string>,
): SVGSVGElement | HTMLElement | null {
  const scale = description.percent ? 100 : 1;
  const rows: BoxRow[] = [];
  for (const policy of style.ids) {
    const o = run.simulation.policies[policy]?.outcomes[outcome];
    if (!o || !shown.has(policy)) continue;
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
  if (rows.length === 0) return null;
  const unit = description.percent ? "%" : "";
  const n = (v: number) => `${formatSignificant(v)}${unit}`;
  const title = (r: BoxRow) =>
    [
      style.label[r.policy] ?? r.policy,
      `mean ${n(r.mean)}, median ${n(r.q50)}`,
      `middle half: ${n(r.q25)} to ${n(r.q75)}`,
      `90% of runs: ${n(r.q05)} to ${n(r.q95)}`,
    ].join("\n");
  return Plot.plot({
    width: 360,
    height: 50 + 26 * rows.length,
    marginLeft: 12,
    marginRight: 16,
    marginBottom: 38,
    style: { fontSize: "11px" },
    color: { domain: [...style.ids], range: style.ids.map((id) => style.color[id]!) },
    y: { domain: rows.map((r) => r.policy), axis: null, padding: 0.3 },
    x: { label: description.unit, labelAnchor: "center", grid: true, nice: true, ticks: 5 },
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
      Plot.tip(rows, Plot.pointerY({ y: "policy", x: "q50", title })),
    ],
  });
}
