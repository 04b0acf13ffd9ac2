import type {
  CalibrationResult,
  ContinuousCalibration,
  CountCalibration,
  ModelScore,
} from "../calibrate/CalibrationResult.js";
import type { ParameterEstimate } from "../calibrate/fitCountHawkes.js";
import { countFitChart } from "./charts/countFitChart.js";
import { intensityChart } from "./charts/intensityChart.js";
import { residualAcfChart } from "./charts/residualAcfChart.js";
import { residualQqChart } from "./charts/residualQqChart.js";
import { escapeHtml } from "./escapeHtml.js";
import { formatSignificant } from "./formatNumber.js";
import { REPORT_CSS } from "./reportCss.js";
import { standalonePage } from "./standalonePage.js";

/** What the calibration page's footer states besides the result. */
export interface CalibrationReportOptions {
  readonly generatedAt?: Date;
  readonly version?: string;
  /** SHA-256 of the event file's text. */
  readonly dataHash?: string;
}

/**
 * `linkage calibrate`'s report as one self-contained HTML page (inline CSS and SVG, no scripts):
 * the verdict; the data and the filters; the weekly fit (estimates, the comparison with Poisson
 * baselines in and out of sample, the event series with the fitted intensity, the residuals' QQ
 * plot and autocorrelation); the daily fit with `discrete-day`; and the scenario's parameters
 * before and after.
 */
export function calibrationReportHtml(
  result: CalibrationResult,
  options: CalibrationReportOptions = {},
): string {
  const d = result.data;
  const p = d.provenance;
  const title = `Calibration of ${result.scenario.file} from ${p.file}`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<section class="key-findings" data-section="verdict"><h2>What the data say</h2>${result.verdict.map((s) => `<p>${escapeHtml(s)}</p>`).join("")}</section>`,
    `<h2>The data</h2>`,
    `<table data-section="data"><tbody>${[
      ["file", `${p.file} (${p.format === "GED" ? "UCDP GED" : "event table"})`],
      ["filters", p.filters.length > 0 ? p.filters.join("; ") : "none"],
      [
        "rows",
        `${p.rowsRead} read, ${p.rowsKept} kept${p.skipped.length > 0 ? `, ${p.skipped.length} bad rows skipped (--skip-bad-rows)` : ""}`,
      ],
      ["window", `${d.origin} … ${d.end} (${d.dayCount} days)`],
      [
        "events",
        `${d.events}${d.fatalities !== null ? `, ${d.fatalities} deaths (best estimates)` : ""}`,
      ],
      [
        "background change points",
        d.changePoints.length > 0 ? d.changePoints.map((c) => c.date).join(", ") : "none",
      ],
      [
        "time within a day",
        d.time === "jitter"
          ? `uniform jitter, seed ${d.seed}`
          : "daily counts (discrete-day likelihood)",
      ],
    ]
      .map(([k, v]) => `<tr><th>${escapeHtml(k!)}</th><td>${escapeHtml(v!)}</td></tr>`)
      .join("")}</tbody></table>`,
    skippedRows(result),
    countSection(result.weekly, "week", "The weekly fit (the simulation's own model)"),
    result.daily
      ? countSection(result.daily, "day", "The daily fit (discrete-day likelihood)")
      : "",
    result.continuous ? continuousSection(result.continuous, d.seed) : "",
    scenarioSection(result),
  ];
  const footer = [
    options.generatedAt
      ? `generated ${options.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
      : null,
    options.version ? `Linkage ${options.version}` : null,
    options.dataHash ? `data sha256 ${options.dataHash.slice(0, 12)}` : null,
    `seed ${d.seed}`,
  ].filter((s) => s !== null);
  return standalonePage(title, REPORT_CSS, body, footer);
}

function skippedRows(result: CalibrationResult): string {
  const skipped = result.data.provenance.skipped;
  if (skipped.length === 0) return "";
  const rows = skipped
    .map(
      (s) =>
        `<tr><td class="num">${s.line}</td><td>${escapeHtml(s.column)}</td><td>${escapeHtml(s.reason)}</td></tr>`,
    )
    .join("");
  return `<details><summary>${skipped.length} bad rows skipped</summary><table><thead><tr><th>line</th><th>column</th><th>why</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

const num = (v: number) =>
  `<td class="num">${Number.isFinite(v) ? escapeHtml(formatSignificant(v, 4)) : "–"}</td>`;

function estimateRow(label: string, e: ParameterEstimate, unit: string): string {
  const interval =
    e.atBound === "both"
      ? "not identified"
      : e.atBound === "lower"
        ? `at most ${formatSignificant(e.upper, 4)}`
        : e.atBound === "upper"
          ? `at least ${formatSignificant(e.lower, 4)}`
          : `${formatSignificant(e.lower, 4)} – ${formatSignificant(e.upper, 4)}`;
  return `<tr><td>${escapeHtml(label)}</td>${num(e.estimate)}<td>${escapeHtml(unit)}</td>${Number.isFinite(e.standardError) && !e.atBound ? num(e.standardError) : "<td>–</td>"}<td class="num">${escapeHtml(interval)}</td><td>${escapeHtml(e.interval)}</td></tr>`;
}

/** The comparison table of a fit's models (Hawkes first) and the note on how to read it. */
function comparisonTable(models: readonly ModelScore[], unit: string, name: string): string {
  const hawkes = models[0]!;
  const rows = models
    .map(
      (m) =>
        `<tr${m === hawkes ? ' class="best"' : ""}><td>${escapeHtml(m.model)}</td>${num(m.logLikelihood)}<td class="num">${m.parameterCount}</td>${num(m.aic)}${num(m.aic - hawkes.aic)}${num(m.bic)}${num(m.outOfSample.mean)}</tr>`,
    )
    .join("");
  const folds = hawkes.outOfSample.folds
    .map((f) => `${formatSignificant(f.from, 4)}–${formatSignificant(f.to, 4)}`)
    .join(", ");
  return [
    `<h3>Against Poisson baselines</h3>`,
    `<table data-section="comparison-${name}"><thead><tr><th>model</th><th>log-likelihood</th><th>parameters</th><th>AIC</th><th>AIC − Hawkes</th><th>BIC</th><th>out of sample, per event</th></tr></thead><tbody>${rows}</tbody></table>`,
    `<p class="small">Lower AIC and BIC are better; a positive "AIC − Hawkes" favours self-excitation. Out of sample: each model refitted on the data before each fold and scored on the fold given all earlier events (rolling origin; folds in ${escapeHtml(unit)}s ${escapeHtml(folds)}); higher is better.</p>`,
  ].join("\n");
}

function countSection(fit: CountCalibration, unit: "week" | "day", heading: string): string {
  const counted = unit === "week" ? "weekly counts" : "daily counts";
  const estimates = [
    estimateRow("branching ratio n", fit.branchingRatio, "events per event"),
    estimateRow("decay time τ", fit.decay, `${unit}s`),
    ...fit.background.map((b, j) =>
      estimateRow(
        fit.background.length > 1
          ? `background μ, segment ${j + 1} (from ${unit} ${fit.segmentStarts[j]})`
          : "background μ",
        b,
        `events a ${unit}`,
      ),
    ),
  ].join("");
  return [
    `<h2>${escapeHtml(heading)}</h2>`,
    `<p class="small">${fit.steps} whole ${unit}s, ${fit.events} events; ${fit.converged ? "the maximisation converged" : "the maximisation stopped before converging: treat the estimates as provisional"}.</p>`,
    `<table data-section="estimates-${unit}"><thead><tr><th>parameter</th><th>estimate</th><th>unit</th><th>standard error</th><th>95% interval</th><th>interval from</th></tr></thead><tbody>${estimates}</tbody></table>`,
    comparisonTable(fit.models, unit, unit),
    countFitChart(fit, unit),
    `<div class="multiples">${residualQqChart(fit.residuals, unit, counted)}${residualAcfChart(fit.residuals, unit, counted)}</div>`,
    `<p class="small">Count residuals are randomised probability-integral transforms of each ${unit}'s count under its fitted Poisson mean, mapped to Exp(1) (−ln(1 − u)); if the model is right they are independent Exp(1), like the time-rescaled gaps of a point process.</p>`,
  ].join("\n");
}

function continuousSection(fit: ContinuousCalibration, seed: number): string {
  const kernel =
    fit.spec.components === 1 ? "exponential kernel" : `sum of ${fit.spec.components} exponentials`;
  const background =
    fit.spec.background.kind === "constant"
      ? "constant background"
      : fit.spec.background.kind === "piecewise"
        ? "background constant between the change points"
        : `background a linear spline on ${fit.spec.background.knots.length} knots`;
  const rows = fit.estimates
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.name)}</td>${num(e.estimate)}${Number.isFinite(e.standardError) ? num(e.standardError) : "<td>–</td>"}<td class="num">${escapeHtml(`${formatSignificant(e.lower, 4)} – ${formatSignificant(e.upper, 4)}`)}</td><td>${escapeHtml(e.interval)}${e.note ? ` (${escapeHtml(e.note)})` : ""}</td></tr>`,
    )
    .join("");
  return [
    `<h2>The continuous-time fit</h2>`,
    `<p class="small">${fit.events} events over ${formatSignificant(fit.duration, 4)} days, each placed uniformly at random within its day (seed ${seed}); ${kernel}, ${background}; times in days (μ in events a day, β a day, τ = 1/β in days). ${fit.converged ? "The maximisation converged." : "The maximisation stopped before converging: treat the estimates as provisional."}${fit.warnings.length > 0 ? ` ${escapeHtml(fit.warnings.join(" "))}` : ""}</p>`,
    `<table data-section="estimates-continuous"><thead><tr><th>parameter</th><th>estimate</th><th>standard error</th><th>95% interval</th><th>interval from</th></tr></thead><tbody>${rows}</tbody></table>`,
    comparisonTable(fit.models, "day", "continuous"),
    intensityChart(fit),
    `<div class="multiples">${residualQqChart(fit.residuals, "continuous", "time-rescaled gaps")}${residualAcfChart(fit.residuals, "continuous", "time-rescaled gaps")}</div>`,
    `<p class="small">Time rescaling: the fitted compensator Λ(t) = ∫₀ᵗ λ turns the event times into a unit-rate Poisson process if the model is right, so the gaps Λ(tᵢ) − Λ(tᵢ₋₁) are independent Exp(1) (Brown et al. 2002; Ogata 1988).</p>`,
  ].join("\n");
}

function scenarioSection(result: CalibrationResult): string {
  const rows = result.scenario.parameters
    .map((p) => {
      const prior = p.prior
        ? Object.entries(p.prior)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")
        : "–";
      return `<tr><td><code>${escapeHtml(p.id)}</code>${p.label ? ` ${escapeHtml(p.label)}` : ""}</td>${num(p.was)}${p.value === null ? `<td colspan="3">${escapeHtml(p.note ?? "kept")}</td>` : `${num(p.value)}<td class="num">${escapeHtml(`${formatSignificant(p.lower!, 4)} – ${formatSignificant(p.upper!, 4)}`)}</td><td>${escapeHtml(prior)}</td>`}</tr>`;
    })
    .join("");
  const proc = result.scenario.process;
  return [
    `<h2>The scenario's parameters</h2>`,
    `<p>The weekly fit maps onto <code>${escapeHtml(`hawkes(${proc.excitation}, ${proc.events}, ${proc.branching}, ${proc.decay})`)}</code> in ${escapeHtml(result.scenario.file)}; the background onto <code>${escapeHtml(proc.background)}</code>, divided by the scenario's background rate at week 0 per unit of it (${escapeHtml(formatSignificant(proc.backgroundScale, 4))}). <code>--write-scenario NEW.yaml</code> writes a copy with these values, priors and sources; the original is never changed.</p>`,
    `<table data-section="scenario"><thead><tr><th>parameter</th><th>was</th><th>calibrated</th><th>95% interval</th><th>prior written</th></tr></thead><tbody>${rows}</tbody></table>`,
  ].join("\n");
}
