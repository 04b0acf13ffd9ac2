import * as Plot from "@observablehq/plot";
import type { ResidualChecks } from "../../calibrate/CalibrationResult.js";
import { formatSignificant } from "../formatNumber.js";
import { chartFigure, outerHtml, plotDocument } from "./chartFigure.js";

/**
 * QQ plot of the residuals against Exp(1): sorted residuals over the Exp(1) quantiles, the line
 * y = x, and the 95% Kolmogorov–Smirnov band (every point lies inside it exactly when the test
 * does not reject at 5%).
 *
 * @returns a `<figure class="chart" data-chart="qq-<name>">`
 */
export function residualQqChart(residuals: ResidualChecks, name: string, what: string): string {
  const { theoretical, sample, lower, upper } = residuals.qq;
  const top = Math.max(...theoretical, ...sample) * 1.05;
  const rows = theoretical.map((x, i) => ({
    x,
    y: sample[i]!,
    lower: lower[i]!,
    upper: Math.min(upper[i] ?? top, top),
  }));
  const svg = Plot.plot({
    document: plotDocument(),
    width: 520,
    height: 420,
    marginLeft: 56,
    marginBottom: 40,
    style: { fontSize: "11px" },
    x: { label: "Exp(1) quantile", domain: [0, top] },
    y: { label: "residual", domain: [0, top], grid: true },
    marks: [
      Plot.areaY(rows, { x: "x", y1: "lower", y2: "upper", fill: "#dbeafe", curve: "step" }),
      Plot.line(
        [
          { x: 0, y: 0 },
          { x: top, y: top },
        ],
        { x: "x", y: "y", stroke: "#6b7280", strokeDasharray: "4 3" },
      ),
      Plot.dot(rows, { x: "x", y: "y", r: 1.8, fill: "#1d4ed8" }),
    ],
  });
  return chartFigure({
    name: `qq-${name}`,
    title: `Residuals against Exp(1): ${what}`,
    caption: `Each point is a residual (sorted) against the Exp(1) quantile it should match if the model is right; dashed: y = x; blue band: the 95% Kolmogorov–Smirnov band. KS p = ${formatSignificant(residuals.ks.pValue)} over ${residuals.ks.n} residuals.`,
    svg: outerHtml(svg),
  });
}
