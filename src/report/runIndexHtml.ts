import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import { escapeHtml } from "./escapeHtml.js";
import { formatNumber, formatPercent } from "./formatNumber.js";
import { REPORT_CSS } from "./reportCss.js";
import { type RunIndexRow, runIndexRows } from "./runIndexRows.js";
import { standalonePage } from "./standalonePage.js";

/** The index's own rules, after the reports' stylesheet: ids are never broken across lines. */
const INDEX_CSS = `
table.index code { white-space: nowrap; word-break: normal; }
`;

/** What the index's footer says about how it was made. */
export interface RunIndexOptions {
  /** When the page was written (the footer's date). @default no date */
  readonly generatedAt?: Date;
  /** Linkage's version. @default none shown */
  readonly version?: string;
}

/**
 * The index of several runs (`linkage run A.yaml B.yaml …`: DIR/index.html): one self-contained
 * page, in the reports' stylesheet (`REPORT_CSS`), comparing the scenarios' verdicts — one row
 * per run (`runIndexRows`) with its title, time step and horizon, the recommended policy, the
 * one-shot best policy, the leverage value with its 90% interval, the share of runs in which the
 * recommended policy is best, the credibility headline and a link to its report
 * (`<id>/report.html`) — after a paragraph on how to read it.
 *
 * @example runIndexHtml([kabulRun, jcpoaRun]).includes('href="kabul-2021/report.html"') // => true
 */
export function runIndexHtml(runs: readonly ScenarioRun[], options: RunIndexOptions = {}): string {
  const rows = runIndexRows(runs);
  const seeds = [...new Set(runs.map((r) => r.seed))];
  const counts = [...new Set(runs.map((r) => r.runs))];
  const title = `${rows.length} scenarios compared`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="lede">How to read this page: each row is one scenario, run on its own with the same settings (${escapeHtml(counts.map((n) => n.toLocaleString("en-US")).join(", "))} simulated runs per policy, seed ${escapeHtml(seeds.join(", "))}: each scenario draws its own random numbers from that seed, so a row is what <code>linkage run</code> gives for that file alone). The <b>recommended</b> policy gives the sender the highest expected payoff over the simulated horizon; the <b>one-shot best</b> is the one-shot game's choice at the parameters' values, and where the two differ repeated play changes the call. The <b>leverage value</b> is what the recommended policy gains the sender over unconditional support (mean, and 90% of runs) in each scenario's own units: compare signs and intervals across rows, not sizes. <b>Best in</b> is the share of simulated futures in which the recommended policy beats every alternative — how robust the ranking is, not a chance of success. <b>Credibility</b> says whether the sender would carry out the conditional policy's promise and threat, given the reputation it stakes (ρ). Each report gives the reasons, the costs and what would change the call.</p>`,
    `<table class="index"><thead><tr><th>scenario</th><th>horizon</th><th>recommended</th><th>one-shot best</th><th>leverage value [90%]</th><th>best in</th><th>credibility</th><th>report</th></tr></thead><tbody>`,
    ...rows.map(rowHtml),
    "</tbody></table>",
  ];
  const footer = [
    options.generatedAt
      ? `generated ${options.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
      : null,
    options.version ? `Linkage ${options.version}` : null,
    `seed ${seeds.join(", ")}`,
  ].filter((s) => s !== null);
  return standalonePage(title, `${REPORT_CSS}${INDEX_CSS}`, body, footer);
}

function rowHtml(row: RunIndexRow): string {
  const policy = (p: { id: string; label: string }) =>
    `<code>${escapeHtml(p.id)}</code> ${escapeHtml(p.label)}`;
  const leverage = row.leverage
    ? `${formatNumber(row.leverage.mean, 2)} [${formatNumber(row.leverage.q05, 2)} to ${formatNumber(row.leverage.q95, 2)}] over ${row.leverage.baseline}`
    : "—";
  const cells = [
    `<a href="${escapeHtml(row.report)}">${escapeHtml(row.title)}</a> <code>${escapeHtml(row.id)}</code>`,
    escapeHtml(`${row.steps} ${row.step}${row.steps === 1 ? "" : "s"}`),
    policy(row.recommended),
    policy(row.oneShotBest),
    escapeHtml(leverage),
    row.bestPolicyShare === null ? "—" : escapeHtml(formatPercent(row.bestPolicyShare)),
    row.credibility ? escapeHtml(row.credibility.headline) : "—",
    `<a href="${escapeHtml(row.report)}">${escapeHtml(row.report)}</a>`,
  ];
  const numeric = new Set([1, 4, 5]);
  return `<tr data-scenario="${escapeHtml(row.id)}">${cells.map((c, i) => `<td${numeric.has(i) ? ' class="num"' : ""}>${c}</td>`).join("")}</tr>`;
}
