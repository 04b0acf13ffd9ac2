import * as Plot from "@observablehq/plot";
import type { SweepResult } from "../../analysis/sweepScenario.js";
import type { PolicyStyle } from "../policyColors.js";
import { chartFigure, outerHtml, plotDocument, policyLegend } from "./chartFigure.js";

/** Most parameters drawn as scatter plots (the others are in the table and sweep.csv). */
export const MAX_SCATTER_PARAMETERS = 24;

/**
 * A sweep over three or more parameters, or a Latin hypercube, as small scatter plots: the best
 * policy's mean leverage value at each point against each varied parameter (the first
 * {@link MAX_SCATTER_PARAMETERS}), the dot coloured by the best policy there, so a parameter
 * that decides the best policy shows as colours that separate along its axis.
 *
 * @returns one `<figure class="chart" data-chart="sweep-scatter">`, or "" without a leverage value
 */
export function sweepScatterCharts(result: SweepResult, style: PolicyStyle): string {
  const rows = result.points.flatMap((p) =>
    p.leverage === null
      ? []
      : result.ids
          .slice(0, MAX_SCATTER_PARAMETERS)
          .map((id, k) => ({ id, x: p.values[k]!, leverage: p.leverage!, best: p.best })),
  );
  if (rows.length === 0) return "";
  const ids = result.ids.slice(0, MAX_SCATTER_PARAMETERS);
  const columns = Math.min(4, ids.length);
  const svgs = ids.map((id) =>
    outerHtml(
      Plot.plot({
        document: plotDocument(),
        width: Math.floor(1060 / columns) - 8,
        height: 200,
        marginLeft: 48,
        marginBottom: 36,
        style: { fontSize: "10px" },
        x: { label: id, grid: true },
        y: { label: "leverage value", grid: true },
        color: { domain: [...style.ids], range: style.ids.map((p) => style.color[p]!) },
        marks: [
          Plot.ruleY([0], { stroke: "#9ca3af" }),
          Plot.dot(
            rows.filter((r) => r.id === id),
            { x: "x", y: "leverage", fill: "best", r: 2.5, fillOpacity: 0.8 },
          ),
        ],
      }),
    ),
  );
  return chartFigure({
    name: "sweep-scatter",
    title: "The leverage value against each parameter",
    caption: `Each dot is one of the ${result.points.length} points: the best policy's mean leverage value there over ${result.leverageBaseline ?? "the baseline"} (its sender utility minus the baseline's, run by run), against the value of one parameter, coloured by the best policy at that point.${result.ids.length > ids.length ? ` The first ${ids.length} of ${result.ids.length} parameters are drawn; all are in the table and sweep.csv.` : ""}`,
    svg: `<div style="display:grid;grid-template-columns:repeat(${columns},1fr);gap:8px">${svgs.join("")}</div>`,
    legend: policyLegend(style, [...new Set(result.points.map((p) => p.best))]),
  });
}
