import * as Plot from "@observablehq/plot";
import type { ScenarioRun } from "../../analysis/ScenarioRun.js";
import { stepCount } from "../../scenario/timeStep.js";
import { escapeHtml } from "../escapeHtml.js";
import { headlineOutcomes } from "../outcomeDescriptions.js";
import type { PolicyStyle } from "../policyColors.js";
import { type ReportWords, reportWords } from "../reportWords.js";
import { chartFigure, outerHtml, plotDocument } from "./chartFigure.js";
import { multiplesGrid } from "./multiplesGrid.js";

interface DifferenceRow {
  readonly policy: string;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
  readonly mean: number;
  readonly meanLow: number;
  readonly meanHigh: number;
}

/**
 * What each policy changes against the baseline (unconditional support), run by run: for each
 * headline outcome ({@link HEADLINE_OUTCOMES}) a panel with, per policy, the distribution of the
 * paired difference `policy − baseline` over the simulated runs (both under the same random
 * draws, `versusBaseline`): a line from its 5th to its 95th percentile and a tick at its median,
 * in the policy's colour, and its mean as a dot with the mean's 95% interval as a black bar. Shares
 * are compared in percentage points. The panels share one legend.
 *
 * @returns a `<figure class="chart" data-chart="paired-differences">`, or "" when no policy has paired differences
 */
export function pairedDifferenceChart(
  run: ScenarioRun,
  style: PolicyStyle,
  words: ReportWords = reportWords(run),
): string {
  const baseline = run.simulation.leverageBaseline;
  if (baseline === null) return "";
  const panels = [];
  const shown = new Set<string>();
  for (const outcome of headlineOutcomes(run, words.outcomes)) {
    const d = words.outcome(outcome);
    const percent = d?.percent === true;
    const scale = percent ? 100 : 1;
    const rows: DifferenceRow[] = [];
    for (const policy of style.ids) {
      const p = run.simulation.policies[policy]?.versusBaseline?.[outcome];
      if (!p) continue;
      shown.add(policy);
      rows.push({
        policy,
        q05: p.q05 * scale,
        q50: p.q50 * scale,
        q95: p.q95 * scale,
        mean: p.mean * scale,
        meanLow: p.meanLow * scale,
        meanHigh: p.meanHigh * scale,
      });
    }
    if (rows.length === 0) continue;
    const axis = `difference (${percent ? "percentage points" : (d?.unit ?? "model units")})`;
    const svg = Plot.plot({
      document: plotDocument(),
      width: 340,
      height: 52 + 24 * rows.length,
      marginLeft: 12,
      marginRight: 16,
      marginBottom: 40,
      style: { fontSize: "11px" },
      color: { domain: [...style.ids], range: style.ids.map((id) => style.color[id]!) },
      y: { domain: rows.map((r) => r.policy), axis: null, padding: 0.3 },
      x: { label: axis, labelAnchor: "center", grid: true, nice: true, ticks: 5 },
      marks: [
        Plot.ruleX([0], { stroke: "#6b7280" }),
        Plot.ruleY(rows, { y: "policy", x1: "q05", x2: "q95", stroke: "policy", strokeWidth: 2 }),
        Plot.tickX(rows, { y: "policy", x: "q50", stroke: "policy", strokeWidth: 3 }),
        Plot.ruleY(rows, {
          y: "policy",
          x1: "meanLow",
          x2: "meanHigh",
          stroke: "#111",
          strokeWidth: 4,
        }),
        Plot.dot(rows, { y: "policy", x: "mean", fill: "white", stroke: "#111", r: 3 }),
      ],
    });
    panels.push({ name: outcome, title: d?.title ?? outcome, svg: outerHtml(svg) });
  }
  if (panels.length === 0) return "";
  const policies = style.ids.filter((id) => shown.has(id));
  const baseName = style.label[baseline] ?? baseline;
  const keys = policies.map(
    (id) =>
      `<span class="key"><span class="swatch" style="background:${escapeHtml(style.color[id]!)}"></span>${escapeHtml(style.label[id] ?? id)}</span>`,
  );
  keys.push(
    `<span class="key"><span class="swatch rule"></span>coloured line: 90% of runs; tick: median run</span>`,
    `<span class="key"><span class="glyph mean"></span>mean, with its 95% interval</span>`,
  );
  return chartFigure({
    name: "paired-differences",
    title: `What each policy changes against “${baseName}”`,
    caption: `Each panel is one outcome over ${stepCount(words.step, run.simulation.weeks)}. For each policy, the difference from “${baseName}” in the same simulated run (the ${run.simulation.runs} runs of every policy share their random draws, so the difference is the policy's own effect): the coloured line spans the 5th to the 95th percentile of the ${run.simulation.runs} differences and the tick marks their median; the dot is their mean and the black bar its 95% interval. Right of the grey line the policy gives more than “${baseName}”. Shares are compared in percentage points.`,
    svg: multiplesGrid(panels),
    legend: `<div class="legend">${keys.join("")}</div>`,
  });
}
