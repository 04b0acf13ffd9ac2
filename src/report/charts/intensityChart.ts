import * as Plot from "@observablehq/plot";
import type { ContinuousCalibration } from "../../calibrate/CalibrationResult.js";
import { chartFigure, outerHtml, plotDocument } from "./chartFigure.js";

/**
 * The continuous-time fit against the data: events on each day (grey bars) and the fitted
 * intensity λ(t) in events a day (line), with the background's change points as dashed rules.
 *
 * @returns a `<figure class="chart" data-chart="intensity">`
 */
export function intensityChart(fit: ContinuousCalibration): string {
  const bars = fit.dailyCounts.map((count, day) => ({ day, count }));
  const line = fit.intensity.time.map((t, i) => ({ t, rate: fit.intensity.rate[i]! }));
  const changes = fit.spec.background.kind === "piecewise" ? fit.spec.background.changePoints : [];
  const svg = Plot.plot({
    document: plotDocument(),
    width: 1060,
    height: 260,
    marginLeft: 56,
    marginBottom: 40,
    style: { fontSize: "11px" },
    x: { label: "day from the window's start", domain: [0, fit.duration] },
    y: { label: "events a day", grid: true, nice: true, zero: true },
    marks: [
      Plot.rectY(bars, { x1: "day", x2: (d) => d.day + 1, y: "count", fill: "#cbd5e1" }),
      Plot.line(line, { x: "t", y: "rate", stroke: "#c2410c", strokeWidth: 1.2 }),
      Plot.ruleX(changes, { stroke: "#111", strokeDasharray: "4 3" }),
    ],
  });
  return chartFigure({
    name: "intensity",
    title: "Events a day and the fitted intensity (continuous time)",
    caption: `Grey bars: the events of each day. Orange line: the fitted intensity λ(t), the background plus the excitation left by every earlier event, which jumps at each event and decays between them.${changes.length > 0 ? " Dashed lines: where the background may change." : ""}`,
    svg: outerHtml(svg),
  });
}
