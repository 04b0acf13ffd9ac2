import * as Plot from "@observablehq/plot";
import type { SobolResult } from "../../analysis/ScenarioRun.js";
import { formatPercent } from "../formatNumber.js";
import { sobolSampleText } from "../sobolSampleText.js";
import { chartFigure, outerHtml, plotDocument } from "./chartFigure.js";

interface SobolBar {
  readonly parameter: string;
  readonly kind: "first-order" | "total";
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

const FIRST = "#a6bddb";

/** Outputs named in words in chart titles; others keep their key. */
const OUTPUT_NAMES: Readonly<Record<string, string>> = {
  leverageValue: "the one-shot leverage value",
  attacks: "expected attacks",
};
const TOTAL = "#2b8cbe";

/**
 * Sobol sensitivity indices of one output: for the `top` parameters with the largest total index,
 * a bar for the first-order index (the share of the output's variance due to the parameter alone)
 * and one for the total index (including its interactions), each with its bootstrap confidence
 * interval drawn as a black rule.
 *
 * @param top - how many parameters to show. @default 12
 * @returns a `<figure class="chart" data-chart="sobol-<output>">`, or "" when there are no indices
 */
export function sobolChart(result: SobolResult, top = 12): string {
  const indices = [...result.indices].sort((a, b) => b.total - a.total).slice(0, top);
  if (indices.length === 0) return "";
  const bars: SobolBar[] = indices.flatMap((i) => [
    {
      parameter: i.parameter,
      kind: "first-order" as const,
      value: i.first,
      low: i.firstLow,
      high: i.firstHigh,
    },
    {
      parameter: i.parameter,
      kind: "total" as const,
      value: i.total,
      low: i.totalLow,
      high: i.totalHigh,
    },
  ]);
  // a flagged estimate is marked on its label (and explained in the caption), never clipped;
  // labels are whole, wrapped over up to three lines in the left margin
  const labelOf = new Map(
    indices.map((i) => [i.parameter, `${i.flag ? "⚠ " : ""}${i.label || i.parameter}`]),
  );
  const svg = Plot.plot({
    document: plotDocument(),
    width: 1060,
    height: 60 + 36 * indices.length,
    marginLeft: 340,
    marginRight: 30,
    marginBottom: 40,
    style: { fontSize: "11px" },
    fy: { domain: indices.map((i) => i.parameter), label: null, padding: 0.15 },
    y: { domain: ["first-order", "total"], axis: null, padding: 0.1 },
    x: { label: "Sobol index (share of the output's variance)", grid: true, nice: true },
    color: { domain: ["first-order", "total"], range: [FIRST, TOTAL] },
    marks: [
      Plot.axisFy({
        anchor: "left",
        tickFormat: (id: string) => labelOf.get(id) ?? id,
        tickSize: 0,
        // ems at 11px: the labels wrap inside the left margin
        lineWidth: 30,
      }),
      Plot.barX(bars, { fy: "parameter", y: "kind", x: "value", fill: "kind" }),
      Plot.ruleY(bars, {
        fy: "parameter",
        y: "kind",
        x1: "low",
        x2: "high",
        stroke: "#222",
        strokeWidth: 1.5,
      }),
      Plot.ruleX([0], { stroke: "#888" }),
    ],
  });
  const legend = `<div class="legend"><span class="key"><span class="swatch" style="background:${FIRST}"></span>first-order index (the parameter alone)</span><span class="key"><span class="swatch" style="background:${TOTAL}"></span>total index (with interactions)</span><span class="key"><span class="swatch rule"></span>${formatPercent(result.confidence)} bootstrap interval</span></div>`;
  return chartFigure({
    name: `sobol-${result.output}`,
    title: `What drives the uncertainty in ${OUTPUT_NAMES[result.output] ?? `the ${result.description.split(/[:(]/)[0]!.trim()}`}`,
    caption: `Sobol indices of ${result.description}, for the ${indices.length} parameters with the largest total index. A first-order index is the share of the output's variance over the priors explained by the parameter alone; the total index adds its interactions with the others. ${sobolSampleText(result, (i) => i.label || i.parameter)}`,
    svg: outerHtml(svg),
    legend,
  });
}
