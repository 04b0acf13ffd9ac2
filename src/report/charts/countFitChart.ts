import * as Plot from "@observablehq/plot";
import type { CountCalibration } from "../../calibrate/CalibrationResult.js";
import { chartFigure, outerHtml, plotDocument } from "./chartFigure.js";

/**
 * The event series against the fit: the count of each step (grey bars) and the fitted mean
 * count μ + H_t (line: the fitted intensity per step), with the background's change points as
 * dashed rules.
 *
 * @param unit "week" or "day"
 * @returns a `<figure class="chart" data-chart="count-fit-<unit>">`
 */
export function countFitChart(fit: CountCalibration, unit: "week" | "day"): string {
  const rows = fit.counts.map((count, step) => ({ step, count, mean: fit.fittedMeans[step]! }));
  const svg = Plot.plot({
    document: plotDocument(),
    width: 1060,
    height: 260,
    marginLeft: 56,
    marginBottom: 40,
    style: { fontSize: "11px" },
    x: { label: `${unit} from the window's start`, domain: [0, fit.steps] },
    y: { label: `events a ${unit}`, grid: true, nice: true, zero: true },
    marks: [
      Plot.rectY(rows, { x1: "step", x2: (d) => d.step + 1, y: "count", fill: "#cbd5e1" }),
      Plot.line(rows, { x: (d) => d.step + 0.5, y: "mean", stroke: "#c2410c", strokeWidth: 1.6 }),
      Plot.ruleX(fit.segmentStarts.slice(1), { stroke: "#111", strokeDasharray: "4 3" }),
    ],
  });
  return chartFigure({
    name: `count-fit-${unit}`,
    title: `Events a ${unit} and the fitted intensity`,
    caption: `Grey bars: the events counted in each ${unit}. Orange line: the fitted mean count, the background plus the self-excitation left by earlier events (μ + H_t).${fit.segmentStarts.length > 1 ? " Dashed lines: where the background may change." : ""}`,
    svg: outerHtml(svg),
  });
}
