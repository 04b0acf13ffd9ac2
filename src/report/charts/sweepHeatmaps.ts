import * as Plot from "@observablehq/plot";
import type { SweepChangePoint } from "../../analysis/sweepChangePoints.js";
import type { SweepResult } from "../../analysis/sweepScenario.js";
import { formatNumber } from "../formatNumber.js";
import type { PolicyStyle } from "../policyColors.js";
import { chartFigure, outerHtml, plotDocument, policyLegend } from "./chartFigure.js";

/**
 * A two-parameter grid sweep as two heatmaps, the first parameter across and the second up: the
 * best policy at each point (its colour, its id written in the cell) and the best policy's mean
 * leverage value (a diverging scale centred on 0, the value written in the cell). A thick black
 * edge is drawn between two neighbouring cells whose best policies differ.
 *
 * @returns two `<figure class="chart">` elements (`sweep-best-policy`, `sweep-leverage-heatmap`)
 */
export function sweepHeatmaps(
  result: SweepResult,
  style: PolicyStyle,
  changes: readonly SweepChangePoint[],
): string[] {
  const [xId, yId] = result.ids as [string, string];
  const text = (x: number) => formatNumber(x, 3);
  const cells = result.points.map((p) => ({
    x: text(p.values[0]!),
    y: text(p.values[1]!),
    best: p.best,
    leverage: p.leverage,
  }));
  const xs = [...new Set(cells.map((c) => c.x))];
  const ys = [...new Set(cells.map((c) => c.y))].reverse();
  const common = {
    document: plotDocument(),
    width: 1060,
    height: Math.min(640, 80 + 40 * ys.length),
    marginLeft: 70,
    marginBottom: 44,
    style: { fontSize: "11px" },
    x: { domain: xs, label: xId, padding: 0 },
    y: { domain: ys, label: yId, padding: 0 },
  } as const;
  const across = changes.filter((c) => c.id === xId).map((c) => result.points[c.points[0]]!);
  const upward = changes.filter((c) => c.id === yId).map((c) => result.points[c.points[0]]!);
  const bandwidth = (n: number, size: number) => size / Math.max(1, n);
  const plotWidth = common.width - common.marginLeft - 20;
  const plotHeight = common.height - 20 - common.marginBottom;
  const cellW = bandwidth(xs.length, plotWidth);
  const cellH = bandwidth(ys.length, plotHeight);
  const boundaries = [
    Plot.tickX(across, {
      x: (p: { values: readonly number[] }) => text(p.values[0]!),
      y: (p: { values: readonly number[] }) => text(p.values[1]!),
      dx: cellW / 2,
      stroke: "#111827",
      strokeWidth: 3,
    }),
    Plot.tickY(upward, {
      x: (p: { values: readonly number[] }) => text(p.values[0]!),
      y: (p: { values: readonly number[] }) => text(p.values[1]!),
      dy: -cellH / 2,
      stroke: "#111827",
      strokeWidth: 3,
    }),
  ];
  const best = Plot.plot({
    ...common,
    marginRight: 20,
    marginTop: 20,
    color: { domain: [...style.ids], range: style.ids.map((p) => style.color[p]!) },
    marks: [
      Plot.cell(cells, { x: "x", y: "y", fill: "best", inset: 0.5 }),
      Plot.text(cells, { x: "x", y: "y", text: "best", fill: "white", fontWeight: "bold" }),
      ...boundaries,
    ],
  });
  const withLeverage = cells.filter((c) => c.leverage !== null);
  const figures = [
    chartFigure({
      name: "sweep-best-policy",
      title: `The best policy over ${xId} and ${yId}`,
      caption: `Each cell: the policy with the highest mean sender utility at that point. Thick black edges: where the best policy changes between neighbouring points (${changes.length} ${changes.length === 1 ? "edge" : "edges"}).`,
      svg: outerHtml(best),
      legend: policyLegend(style, [...new Set(cells.map((c) => c.best))]),
    }),
  ];
  if (withLeverage.length > 0) {
    const extent = Math.max(...withLeverage.map((c) => Math.abs(c.leverage!)), 1e-12);
    const lev = Plot.plot({
      ...common,
      marginRight: 20,
      marginTop: 20,
      color: { type: "diverging", scheme: "BuRd", domain: [-extent, extent], reverse: true },
      marks: [
        Plot.cell(withLeverage, { x: "x", y: "y", fill: "leverage", inset: 0.5 }),
        Plot.text(withLeverage, {
          x: "x",
          y: "y",
          text: (c: { leverage: number }) => formatNumber(c.leverage, 2),
          fill: "#111827",
          stroke: "white",
          strokeWidth: 3,
        }),
        ...boundaries,
      ],
    });
    figures.push(
      chartFigure({
        name: "sweep-leverage-heatmap",
        title: `The leverage value over ${xId} and ${yId}`,
        caption: `Each cell: the best policy's mean leverage value there, its sender utility minus that under ${result.leverageBaseline ?? "the baseline"}, run by run (blue above 0, red below). Thick black edges: where the best policy changes.`,
        svg: outerHtml(lev),
      }),
    );
  }
  return figures;
}
