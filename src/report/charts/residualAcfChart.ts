import * as Plot from "@observablehq/plot";
import type { ResidualChecks } from "../../calibrate/CalibrationResult.js";
import { formatSignificant } from "../formatNumber.js";
import { chartFigure, outerHtml, plotDocument } from "./chartFigure.js";

/**
 * The residuals' autocorrelation at lags 1 … h, with the white-noise bounds ±1.96/√n (each lag
 * of uncorrelated residuals lies inside with probability 95%).
 *
 * @returns a `<figure class="chart" data-chart="acf-<name>">`
 */
export function residualAcfChart(residuals: ResidualChecks, name: string, what: string): string {
  const { values, bound } = residuals.acf;
  const rows = values.slice(1).map((r, i) => ({ lag: i + 1, r }));
  const extent = Math.max(bound * 1.5, ...rows.map((d) => Math.abs(d.r))) * 1.1;
  const svg = Plot.plot({
    document: plotDocument(),
    width: 520,
    height: 420,
    marginLeft: 56,
    marginBottom: 40,
    style: { fontSize: "11px" },
    x: { label: "lag", domain: [0.5, rows.length + 0.5] },
    y: { label: "autocorrelation", domain: [-extent, extent], grid: true },
    marks: [
      Plot.ruleY([0], { stroke: "#111" }),
      Plot.ruleY([-bound, bound], { stroke: "#2563eb", strokeDasharray: "4 3" }),
      Plot.ruleX(rows, { x: "lag", y1: 0, y2: "r", stroke: "#1f2937", strokeWidth: 3 }),
    ],
  });
  const lb = residuals.ljungBox;
  return chartFigure({
    name: `acf-${name}`,
    title: `Residual autocorrelation: ${what}`,
    caption: `Bars: the residuals' autocorrelation at each lag; dashed: ±1.96/√n, inside which 95% of the lags of uncorrelated residuals fall. Ljung–Box over ${lb.lags} lags: Q = ${formatSignificant(lb.statistic)}, p = ${formatSignificant(lb.pValue)}.`,
    svg: outerHtml(svg),
  });
}
