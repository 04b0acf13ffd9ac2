import * as Plot from "@observablehq/plot";
import type { SweepChangePoint } from "../../analysis/sweepChangePoints.js";
import type { SweepResult } from "../../analysis/sweepScenario.js";
import { formatNumber } from "../formatNumber.js";
import type { PolicyStyle } from "../policyColors.js";
import { chartFigure, outerHtml, plotDocument, policyLegend } from "./chartFigure.js";

/**
 * A one-parameter sweep as two line charts over the varied parameter: the best policy's leverage
 * value (mean, with its 90% band of runs shaded), and each policy's share of runs in which it is
 * best. A dashed vertical rule marks each change of the best policy, midway between the two
 * points, labelled with the policies on either side.
 *
 * @returns two `<figure class="chart">` elements (`sweep-leverage`, `sweep-best-share`)
 */
export function sweepLineCharts(
  result: SweepResult,
  style: PolicyStyle,
  changes: readonly SweepChangePoint[],
): string[] {
  const id = result.ids[0]!;
  const baseline = result.leverageBaseline ?? "the baseline";
  const marks = changes.map((c) => ({ x: (c.from + c.to) / 2, label: `${c.before} → ${c.after}` }));
  const rules = [
    Plot.ruleX(marks, { x: "x", stroke: "#111827", strokeDasharray: "4,3" }),
    Plot.text(marks, {
      x: "x",
      frameAnchor: "top",
      text: "label",
      dy: -2,
      fill: "#111827",
      fontWeight: "bold",
    }),
  ];
  const lev = result.points.flatMap((p) => {
    const l = p.policies[p.best]?.leverage;
    return l ? [{ x: p.values[0]!, mean: l.mean, q05: l.q05, q95: l.q95, best: p.best }] : [];
  });
  const figures: string[] = [];
  if (lev.length > 0) {
    const svg = Plot.plot({
      document: plotDocument(),
      width: 1060,
      height: 320,
      marginTop: 24,
      marginLeft: 60,
      style: { fontSize: "11px" },
      x: { label: id, grid: true },
      y: { label: `leverage value over ${baseline}`, grid: true },
      color: { domain: [...style.ids], range: style.ids.map((p) => style.color[p]!) },
      marks: [
        Plot.areaY(lev, { x: "x", y1: "q05", y2: "q95", fill: "#9ca3af", fillOpacity: 0.25 }),
        Plot.ruleY([0], { stroke: "#6b7280" }),
        Plot.line(lev, { x: "x", y: "mean", stroke: "#111827" }),
        Plot.dot(lev, { x: "x", y: "mean", fill: "best", r: 4 }),
        ...rules,
      ],
    });
    figures.push(
      chartFigure({
        name: "sweep-leverage",
        title: `The leverage value over ${id}`,
        caption: `At each value of ${id}: the mean leverage value of the best policy there (the one with the highest mean sender utility; dot coloured by it), its senderUtility minus that under ${baseline} run by run, with 90% of runs shaded. Dashed lines: where the best policy changes (${changes.length === 0 ? "nowhere" : changes.map((c) => `${c.before} → ${c.after} between ${formatNumber(c.from, 4)} and ${formatNumber(c.to, 4)}`).join("; ")}).`,
        svg: outerHtml(svg),
        legend: policyLegend(style, [...new Set(result.points.map((p) => p.best))]),
      }),
    );
  }
  const shares = result.points.flatMap((p) =>
    result.policies.flatMap((policy) => {
      const share = p.policies[policy]?.bestShare;
      return share === null || share === undefined
        ? []
        : [{ x: p.values[0]!, policy, percent: share * 100 }];
    }),
  );
  if (shares.length > 0) {
    const svg = Plot.plot({
      document: plotDocument(),
      width: 1060,
      height: 300,
      marginTop: 24,
      marginLeft: 60,
      style: { fontSize: "11px" },
      x: { label: id, grid: true },
      y: { label: "runs in which the policy is best (%)", domain: [0, 100], grid: true },
      color: { domain: [...style.ids], range: style.ids.map((p) => style.color[p]!) },
      marks: [
        Plot.line(shares, { x: "x", y: "percent", stroke: "policy", strokeWidth: 2 }),
        Plot.dot(shares, { x: "x", y: "percent", fill: "policy", r: 3 }),
        ...rules,
      ],
    });
    figures.push(
      chartFigure({
        name: "sweep-best-share",
        title: `How often each policy is best, over ${id}`,
        caption: `At each value of ${id}: the share of the ${result.runs} runs in which each policy gave the sender the highest utility (every policy and every point faces the same random draws). Dashed lines: where the policy with the highest mean utility changes.`,
        svg: outerHtml(svg),
        legend: policyLegend(style, result.policies),
      }),
    );
  }
  return figures;
}
