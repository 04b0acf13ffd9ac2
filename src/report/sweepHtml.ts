import { type SweepChangePoint, sweepChangePoints } from "../analysis/sweepChangePoints.js";
import type { SweepResult } from "../analysis/sweepScenario.js";
import type { Scenario } from "../scenario/Scenario.js";
import { sweepHeatmaps } from "./charts/sweepHeatmaps.js";
import { sweepLineCharts } from "./charts/sweepLineCharts.js";
import { sweepScatterCharts } from "./charts/sweepScatterCharts.js";
import { escapeHtml } from "./escapeHtml.js";
import { formatNumber, formatPercent } from "./formatNumber.js";
import { POLICY_PALETTE, type PolicyStyle } from "./policyColors.js";
import { REPORT_CSS } from "./reportCss.js";
import { standalonePage } from "./standalonePage.js";

/** Most points listed in the page's table (all are in sweep.csv). */
export const MAX_TABLE_POINTS = 1000;

/** What the sweep page's footer states besides the result. */
export interface SweepHtmlOptions {
  /** The command that reproduces the sweep. */
  readonly command: string;
  /** Linkage's version. @default none shown */
  readonly version?: string;
  /** SHA-256 of the scenario file (the first 12 hex digits are shown). @default none shown */
  readonly scenarioHash?: string;
  /** When the page was written. @default no date */
  readonly generatedAt?: Date;
}

/**
 * A sweep as one self-contained page (`sweep.html`, in the reports' stylesheet): how to read it
 * (points, runs, the same seed at every point: common random numbers), the points where the best
 * policy changes in words, then by design:
 * - one varied parameter: line charts of the best policy's leverage value and of each policy's
 *   best-share over it, with the changes marked;
 * - two: heatmaps of the best policy (policy colours as in the run report) and of the leverage
 *   value, with the changes drawn as edges between cells;
 * - three or more, or a Latin hypercube: scatter plots of the leverage value against each
 *   parameter, coloured by the best policy;
 * and a table of the points (the first {@link MAX_TABLE_POINTS}).
 *
 * @example sweepHtml(result, flagship, { command: "linkage sweep …" }).includes('data-chart="sweep-leverage"') // => true for one parameter
 */
export function sweepHtml(
  result: SweepResult,
  scenario: Scenario,
  options: SweepHtmlOptions,
): string {
  const style = scenarioPolicyStyle(scenario);
  const changes = sweepChangePoints(result);
  const title = `${scenario.title}: a sweep over ${result.ids.length === 1 ? result.ids[0] : `${result.ids.length} parameters`}`;
  const held = Object.entries(result.held);
  const design =
    result.design === "grid"
      ? `a grid of ${result.points.length} points over ${result.ids.map((id, k) => `${id} (${result.shape[k]} values)`).join(" × ")}`
      : `${result.points.length} points of a Latin hypercube over the priors of ${result.ids.length} parameters (each parameter's values fall one in each of ${result.points.length} equally likely slices of its prior)${result.redrawnPoints > 0 ? `; ${result.redrawnPoints} points implied an explosive attack process and were redrawn` : ""}`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="lede">How to read this page: ${escapeHtml(design)}. At each point the ${escapeHtml(String(result.weeks))}-step weekly simulation of every policy ran ${escapeHtml(result.runs.toLocaleString("en-US"))} times with the point's values held${held.length > 0 ? ` (and ${escapeHtml(held.map(([id, x]) => `${id} = ${x}`).join(", "))} at every point)` : ""}${result.design === "grid" ? " and the other parameters drawn from their priors" : ": every parameter with a prior is set by the point, so its runs differ only in the random events of the dynamics"}. Every point used the same seed, ${escapeHtml(String(result.seed))}: the same draws of the other parameters and the same random streams (common random numbers), so differences between points come from the varied values, not from sampling noise. The <b>best policy</b> at a point is the one with the highest mean sender utility there; its <b>leverage value</b> is its sender utility minus that under ${escapeHtml(result.leverageBaseline ?? "the baseline")}, run by run, averaged.</p>`,
    ...changeSection(result, changes),
    ...charts(result, style, changes),
    ...table(result),
  ];
  const footer = [
    options.generatedAt
      ? `generated ${options.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
      : null,
    options.version ? `Linkage ${options.version}` : null,
    `scenario ${result.scenario}${options.scenarioHash ? ` (SHA-256 ${options.scenarioHash.slice(0, 12)})` : ""}`,
    `seed ${result.seed}`,
    options.command,
  ].filter((s) => s !== null);
  return standalonePage(title, REPORT_CSS, body, footer);
}

/** The scenario's policies with the run report's colours (scenario order, POLICY_PALETTE). */
function scenarioPolicyStyle(scenario: Scenario): PolicyStyle {
  const ids = scenario.policies.map((p) => p.id);
  const label: Record<string, string> = {};
  const color: Record<string, string> = {};
  scenario.policies.forEach((p, i) => {
    label[p.id] = p.label;
    color[p.id] = POLICY_PALETTE[i % POLICY_PALETTE.length]!;
  });
  return { ids, label, color };
}

function changeSection(result: SweepResult, changes: readonly SweepChangePoint[]): string[] {
  const heading = `<h2>Where the best policy changes</h2>`;
  if (result.design === "lhs") {
    const counts = countBest(result);
    return [
      heading,
      `<p data-section="changes">A Latin hypercube has no neighbouring points, so no change is marked; the best policy was ${escapeHtml(counts)}. The scatter plots show which parameters separate them.</p>`,
    ];
  }
  if (changes.length === 0) {
    return [
      heading,
      `<p data-section="changes">Nowhere: ${escapeHtml(result.points[0]?.best ?? "—")} is the best policy at every point.</p>`,
    ];
  }
  const items = changes.map((c) => {
    const at = Object.entries(c.at)
      .map(([id, x]) => `${id} = ${formatNumber(x, 4)}`)
      .join(", ");
    return `<li>${escapeHtml(`from ${c.before} to ${c.after} between ${c.id} = ${formatNumber(c.from, 4)} and ${formatNumber(c.to, 4)}${at ? ` (at ${at})` : ""}`)}</li>`;
  });
  return [
    heading,
    `<p>The best policy changes between ${changes.length} ${changes.length === 1 ? "pair" : "pairs"} of neighbouring points${changes.length > 1 ? "" : ""}:</p>`,
    `<ul data-section="changes">${items.join("")}</ul>`,
  ];
}

function countBest(result: SweepResult): string {
  const counts = new Map<string, number>();
  for (const p of result.points) counts.set(p.best, (counts.get(p.best) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([id, n]) => `${id} at ${n} ${n === 1 ? "point" : "points"}`)
    .join(", ");
}

function charts(
  result: SweepResult,
  style: PolicyStyle,
  changes: readonly SweepChangePoint[],
): string[] {
  const figures =
    result.design === "grid" && result.ids.length === 1
      ? sweepLineCharts(result, style, changes)
      : result.design === "grid" && result.ids.length === 2
        ? sweepHeatmaps(result, style, changes)
        : [sweepScatterCharts(result, style)].filter((f) => f !== "");
  return figures.length > 0 ? ["<h2>Charts</h2>", ...figures] : [];
}

function table(result: SweepResult): string[] {
  const shown = result.points.slice(0, MAX_TABLE_POINTS);
  const head = [...result.ids, "best policy", "leverage value [90%]", "best in"]
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join("");
  const rows = shown.map((p) => {
    const lev = p.policies[p.best]?.leverage;
    const share = p.policies[p.best]?.bestShare;
    const cells = [
      ...p.values.map((x) => formatNumber(x, 4)),
      p.best,
      lev
        ? `${formatNumber(lev.mean, 2)} [${formatNumber(lev.q05, 2)} to ${formatNumber(lev.q95, 2)}]`
        : "—",
      share === null || share === undefined ? "—" : formatPercent(share),
    ];
    return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`;
  });
  return [
    "<h2>The points</h2>",
    `<div style="overflow-x:auto"><table data-section="points"><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`,
    ...(result.points.length > shown.length
      ? [
          `<p>The first ${shown.length} of ${result.points.length} points; all are in sweep.csv.</p>`,
        ]
      : []),
  ];
}
