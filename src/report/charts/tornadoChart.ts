import * as Plot from "@observablehq/plot";
import type { ScenarioRun } from "../../analysis/ScenarioRun.js";
import { baseLeverageValue } from "../baseLeverageValue.js";
import { formatNumber } from "../formatNumber.js";
import { chartFigure, outerHtml, plotDocument, shorten } from "./chartFigure.js";

interface TornadoSegment {
  readonly parameter: string;
  readonly end: "low end of prior" | "high end of prior";
  readonly base: number;
  readonly value: number;
  readonly at: number;
  readonly best: string;
  readonly changes: boolean;
}

/**
 * A tornado chart of the one-shot leverage value: for each parameter (largest swing on top), a
 * bar from the value at the parameters' defaults to the value with that parameter at the low end
 * of its prior range, and one to the value at the high end, others held at their values. Each
 * bar end is labelled with the parameter's value there; where the sender's best policy changes,
 * the bar is outlined and the new best policy named.
 *
 * @returns a `<figure class="chart" data-chart="tornado">`, or "" when there is nothing to draw
 */
export function tornadoChart(run: ScenarioRun): string {
  const bars = run.sensitivity.tornado;
  if (bars.length === 0) return "";
  const base = baseLeverageValue(run);
  const best = run.analysis.bestPolicy;
  const segments: TornadoSegment[] = bars.flatMap((b) => [
    {
      parameter: b.parameter,
      end: "low end of prior" as const,
      base,
      value: b.valueAtLow,
      at: b.low,
      best: b.bestAtLow,
      changes: b.bestAtLow !== best,
    },
    {
      parameter: b.parameter,
      end: "high end of prior" as const,
      base,
      value: b.valueAtHigh,
      at: b.high,
      best: b.bestAtHigh,
      changes: b.bestAtHigh !== best,
    },
  ]);
  const labelOf = new Map(
    bars.map((b) => [b.parameter, `${shorten(b.label, 48)} (${b.parameter})`]),
  );
  const endText = (s: TornadoSegment) =>
    `${formatNumber(s.at)}${s.changes ? ` → best: ${s.best}` : ""}`;
  // Per bar, the smaller end is labelled on the left (at or left of the base line) and the larger
  // on the right, so the two labels never overlap, even when both ends sit on one side.
  const left: (TornadoSegment & { readonly x: number })[] = [];
  const right: (TornadoSegment & { readonly x: number })[] = [];
  for (let i = 0; i < segments.length; i += 2) {
    const [low, high] = [segments[i]!, segments[i + 1]!];
    const [small, large] = high.value < low.value ? [high, low] : [low, high];
    left.push({ ...small, x: Math.min(small.value, base) });
    right.push({ ...large, x: Math.max(large.value, base) });
  }
  const svg = Plot.plot({
    document: plotDocument(),
    width: 1060,
    height: 60 + 26 * bars.length,
    marginLeft: 380,
    marginRight: 90,
    marginBottom: 40,
    style: { fontSize: "11px" },
    y: {
      domain: bars.map((b) => b.parameter),
      label: null,
      tickFormat: (id: string) => labelOf.get(id) ?? id,
      padding: 0.25,
    },
    x: { label: "one-shot leverage value (sender units)", grid: true, nice: true },
    color: {
      domain: ["low end of prior", "high end of prior"],
      range: ["#9ecae1", "#3182bd"],
      legend: false,
    },
    marks: [
      Plot.barX(segments, {
        y: "parameter",
        x1: "base",
        x2: "value",
        fill: "end",
        stroke: (s: TornadoSegment) => (s.changes ? "#b30000" : "none"),
        strokeWidth: 2,
      }),
      Plot.ruleX([base], { stroke: "#222", strokeWidth: 1.5 }),
      Plot.text(right, {
        y: "parameter",
        x: "x",
        text: endText,
        textAnchor: "start",
        dx: 4,
        fill: (s: TornadoSegment) => (s.changes ? "#b30000" : "#333"),
      }),
      Plot.text(left, {
        y: "parameter",
        x: "x",
        text: endText,
        textAnchor: "end",
        dx: -4,
        fill: (s: TornadoSegment) => (s.changes ? "#b30000" : "#333"),
      }),
    ],
  });
  const legend = `<div class="legend"><span class="key"><span class="swatch" style="background:#9ecae1"></span>parameter at the low end of its prior</span><span class="key"><span class="swatch" style="background:#3182bd"></span>at the high end</span><span class="key"><span class="swatch outline"></span>best policy changes (named at the bar's end)</span></div>`;
  return chartFigure({
    name: "tornado",
    title: "What moves the leverage value (one at a time)",
    caption: `The one-shot leverage value is the best policy's expected US payoff minus unconditional support's: ${formatNumber(base)} at the parameters' values (the vertical line, best policy ${best}). Each bar moves one parameter to the low (light) or high (dark) end of its prior range with the others held fixed; the number at the bar's end is the parameter's value there. Parameters are sorted by the size of the swing.`,
    svg: outerHtml(svg),
    legend,
  });
}
