import * as Plot from "@observablehq/plot";
import type { ScenarioRun, TornadoResult } from "../../analysis/ScenarioRun.js";
import { baseLeverageValue } from "../baseLeverageValue.js";
import { formatSignificant } from "../formatNumber.js";
import { chartFigure, outerHtml, plotDocument } from "./chartFigure.js";

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
 * A tornado chart of one output: for each parameter (largest swing on top), a bar from the value
 * at the parameters' defaults to the value with that parameter at the low end of its prior range,
 * and one to the value at the high end, others held at their values. Each bar end is labelled
 * with the parameter's value there; where the sender's best (one-shot) policy changes, the bar is
 * outlined, marked "best changes" and the new best policy named in the caption. Parameters are
 * named by their labels, wrapped over up to three lines in a wide left margin (never cut).
 *
 * Without `result`, the one-shot leverage value (`run.sensitivity.tornado`) as
 * `data-chart="tornado"`; with one of `run.sensitivity.tornadoes`, that output as
 * `data-chart="tornado-<output>"` (the leverage value's keeps the name "tornado").
 *
 * @param top - how many parameters to show, largest swing first. @default all
 * @param sender - the sender's short name in the caption ("US"). @default "sender"
 * @returns a `<figure class="chart" data-chart="tornado…">`, or "" when there is nothing to draw
 */
export function tornadoChart(
  run: ScenarioRun,
  result?: TornadoResult,
  top = Infinity,
  sender = "sender",
): string {
  const leverage = result === undefined || result.output === "leverageValue";
  const bars = (result && !leverage ? result.bars : run.sensitivity.tornado).slice(0, top);
  if (bars.length === 0) return "";
  const base = result && !leverage ? result.baseValue : baseLeverageValue(run);
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
  const labelOf = new Map(bars.map((b) => [b.parameter, b.label || b.parameter]));
  const endText = (s: TornadoSegment) =>
    `${formatSignificant(s.at)}${s.changes ? " (best changes)" : ""}`;
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
    marginLeft: 340,
    marginRight: 110,
    marginBottom: 40,
    style: { fontSize: "11px" },
    y: { domain: bars.map((b) => b.parameter), label: null, padding: 0.25 },
    x: {
      label: leverage ? "one-shot leverage value (sender units)" : result!.label,
      grid: true,
      nice: true,
    },
    color: {
      domain: ["low end of prior", "high end of prior"],
      range: ["#9ecae1", "#3182bd"],
      legend: false,
    },
    marks: [
      Plot.axisY({
        tickFormat: (id: string) => labelOf.get(id) ?? id,
        tickSize: 0,
        // ems at 11px: the labels wrap inside the left margin
        lineWidth: 30,
      }),
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
  const legend = `<div class="legend"><span class="key"><span class="swatch" style="background:#9ecae1"></span>parameter at the low end of its prior</span><span class="key"><span class="swatch" style="background:#3182bd"></span>at the high end</span><span class="key"><span class="swatch outline"></span>the best policy changes (named below)</span></div>`;
  const policyName = (id: string) => run.analysis.policies[id]?.label ?? id;
  const changes = segments
    .filter((s) => s.changes)
    .map(
      (s) =>
        `${labelOf.get(s.parameter)} at ${formatSignificant(s.at)} (the ${s.end.split(" ")[0]} end): ${policyName(s.best)}`,
    );
  const changeText =
    changes.length === 0 ? "" : ` Where the best one-shot policy changes: ${changes.join("; ")}.`;
  const shown =
    result && bars.length < result.bars.length
      ? ` The ${bars.length} parameters with the largest swings of ${result.bars.length} are shown.`
      : "";
  if (!leverage)
    return chartFigure({
      name: `tornado-${result!.output}`,
      title: `What moves ${result!.description.split(" (")[0]} (one at a time)`,
      caption: `${capitalise(result!.description)}: ${formatSignificant(base)} at the parameters' values (the vertical line). Each bar moves one parameter to the low (light) or high (dark) end of its prior range with the others held fixed; the number at the bar's end is the parameter's value there. Parameters are sorted by the size of the swing.${shown}${changeText}`,
      svg: outerHtml(svg),
      legend,
    });
  return chartFigure({
    name: "tornado",
    title: "What moves the leverage value (one at a time)",
    caption: `The one-shot leverage value is the best policy's expected ${sender} payoff minus unconditional support's: ${formatSignificant(base)} at the parameters' values (the vertical line; best policy: ${policyName(best)}). Each bar moves one parameter to the low (light) or high (dark) end of its prior range with the others held fixed; the number at the bar's end is the parameter's value there. Parameters are sorted by the size of the swing.${changeText}`,
    svg: outerHtml(svg),
    legend,
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
