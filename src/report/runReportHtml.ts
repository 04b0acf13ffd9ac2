import type { RecordRow } from "../analysis/RecordValidation.js";
import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import type { Scenario } from "../scenario/Scenario.js";
import type { OutcomeSummary } from "../sim/SimulationResult.js";
import { bestPolicyShareChart } from "./charts/bestPolicyShareChart.js";
import { fanChart } from "./charts/fanChart.js";
import { gameTreeChart } from "./charts/gameTreeChart.js";
import { outcomeChart } from "./charts/outcomeChart.js";
import { sobolChart } from "./charts/sobolChart.js";
import { tornadoChart } from "./charts/tornadoChart.js";
import { escapeHtml } from "./escapeHtml.js";
import { formatNumber, formatPercent } from "./formatNumber.js";
import { formatQuantity } from "./formatQuantity.js";
import { formatRecordStatistic } from "./formatRecordStatistic.js";
import { keyFindings } from "./keyFindings.js";
import { localGlobalSentence } from "./localGlobalSentence.js";
import { centralValue, OUTCOMES, POLICY_TABLE_OUTCOMES } from "./outcomeDescriptions.js";
import { type PolicyStyle, policyColors } from "./policyColors.js";
import { priorText } from "./priorText.js";
import type { RunReportOptions } from "./RunReportOptions.js";
import { recordSentences } from "./recordSentences.js";
import { reportFooterFacts } from "./reportFooterFacts.js";
import { sourceCitations } from "./sourceCitations.js";
import { sourceEntryText } from "./sourceEntryText.js";
import { tippingPointSentences } from "./tippingPointSentences.js";
import { seriesOrder } from "./weeklySeries.js";

/** Bars drawn in the tornado of an output with many parameters (the leverage value's shows all). */
const TORNADO_TOP = 15;

const CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1f2937; background: #fff; line-height: 1.5; margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 60px; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.2em 0 0.5em; }
h2 { font-size: 1.3rem; margin: 2em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid #e5e7eb; }
h3 { font-size: 1.02rem; margin: 0 0 0.4em; }
p.lede { font-size: 1.05rem; color: #374151; }
ul.verdict li { margin: 0.35em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 0.88rem; }
th, td { border: 1px solid #e5e7eb; padding: 4px 7px; vertical-align: top; text-align: left; }
th { background: #f9fafb; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ci { color: #6b7280; font-size: 0.85em; }
tr.best td { background: #fff7ed; }
figure.chart { margin: 1.2em 0 1.6em; padding: 12px 14px 8px; border: 1px solid #e5e7eb; border-radius: 6px; }
figure.chart svg { display: block; max-width: 100%; height: auto; margin: 4px 0; }
figure.chart figcaption { font-size: 0.86rem; color: #4b5563; margin-top: 4px; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 0 16px; }
.grid2 figure.chart { margin: 0.6em 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 0.82rem; color: #374151; }
.key { display: inline-flex; align-items: center; gap: 5px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
.swatch.outline { border: 2px solid #b30000; width: 10px; height: 10px; }
.swatch.rule { height: 2px; background: #222; }
.swatch.path { height: 4px; background: #c2410c; }
.glyph { display: inline-block; width: 11px; height: 11px; }
.glyph.chance { border: 1.5px solid #4b5563; border-radius: 50%; width: 9px; height: 9px; }
.glyph.target { background: #7c3aed; }
.glyph.sender { background: #2563eb; transform: rotate(45deg) scale(0.8); }
.flag-yes { color: #15803d; font-weight: 600; }
.flag-no { color: #b91c1c; font-weight: 600; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.88em;
  background: #f3f4f6; padding: 1px 4px; border-radius: 3px; word-break: break-all; }
table.parameters code { word-break: normal; white-space: nowrap; }
.small { font-size: 0.86rem; color: #4b5563; }
section.key-findings { background: #f8fafc; border: 1px solid #e5e7eb; border-radius: 6px;
  padding: 2px 18px 6px; margin: 0 0 1em; }
section.key-findings h2 { margin-top: 0.7em; border-bottom: none; }
section.key-findings p { font-size: 1.05rem; margin: 0.5em 0; }
footer { max-width: 1100px; margin: 0 auto; padding: 10px 20px 40px; border-top: 1px solid #e5e7eb;
  font-size: 0.8rem; color: #6b7280; }
@media print { figure.chart { break-inside: avoid; } }
`;

/**
 * The policy reader's report of a `linkage run` as one self-contained HTML page: inline CSS,
 * inline SVG charts drawn with Observable Plot on the server (and the game tree with our own
 * tidy layout), no scripts and nothing fetched from the network, so it opens offline.
 *
 * Sections, in order: title and description; the verdict (the given sentences, as a list); a
 * policy comparison table with 5–95% ranges and how often each policy is best; weekly fan charts;
 * end-of-horizon outcome distributions; the check against the record (when the scenario has
 * observations); the credibility panel; the best policy's game tree; the
 * tornado of each sensitivity output; the Sobol indices of the same outputs, each followed by
 * the sentence comparing the two (`localGlobalSentence`); the pivots; an appendix with every parameter
 * (value, prior, source), the seed and the command that reproduces the run.
 *
 * Every chart is a `<figure class="chart" data-chart="…">`; every piece of scenario text is
 * HTML-escaped (a scenario is user input).
 *
 * @param verdict - the verdict sentences, written elsewhere; shown as given
 */
export function runReportHtml(
  run: ScenarioRun,
  scenario: Scenario,
  verdict: readonly string[],
  options: RunReportOptions = {},
): string {
  const style = policyColors(run);
  const title = run.scenario.title || scenario.title;
  const body: string[] = [];

  body.push(`<h1>${escapeHtml(title)}</h1>`);
  body.push(`<section class="key-findings" data-section="key-findings">`);
  body.push(`<h2 id="key-findings">Key findings</h2>`);
  for (const finding of keyFindings(run, scenario)) body.push(`<p>${escapeHtml(finding)}</p>`);
  body.push("</section>");
  body.push(`<p class="lede">${escapeHtml(describe(run, scenario))}</p>`);

  body.push(`<h2 id="verdict">The verdict in detail</h2>`);
  body.push(
    `<ul class="verdict" data-section="verdict">${verdict.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>`,
  );

  body.push(`<h2 id="policies">Policies compared</h2>`);
  body.push(policyTable(run, style));
  body.push(bestPolicyShareChart(run, style));

  body.push(`<h2 id="weekly">Week by week</h2>`);
  body.push(
    `<p>How the situation evolves under each policy over ${run.simulation.weeks} weeks, across ${run.simulation.runs} simulated runs per policy with the uncertain parameters drawn from their priors.</p>`,
  );
  for (const series of seriesOrder(run)) body.push(fanChart(run, series, style));

  body.push(`<h2 id="outcomes">Outcomes at the end of the horizon</h2>`);
  body.push(`<div class="grid2">`);
  for (const outcome of Object.keys(OUTCOMES)) body.push(outcomeChart(run, outcome, style));
  body.push(`</div>`);

  if (run.record) {
    body.push(`<h2 id="record">Does the model reproduce what happened?</h2>`);
    body.push(recordSection(run.record, scenario));
  }

  body.push(`<h2 id="credibility">Credibility</h2>`);
  body.push(credibilityPanel(run));

  body.push(`<h2 id="game-tree">The one-shot game</h2>`);
  body.push(gameTreeChart(run, { sender: scenario.sender.name, target: scenario.target.name }));

  body.push(`<h2 id="tornado">Sensitivity: one parameter at a time</h2>`);
  body.push(tornadoChart(run));
  for (const result of run.sensitivity.tornadoes) {
    if (result.output !== "leverageValue") body.push(tornadoChart(run, result, TORNADO_TOP));
  }

  body.push(`<h2 id="sobol">Sensitivity: all parameters together</h2>`);
  for (const result of run.sensitivity.sobol) {
    body.push(sobolChart(result));
    const local = run.sensitivity.tornadoes.find((t) => t.output === result.output);
    const sentence = local ? localGlobalSentence(local, result) : "";
    if (sentence)
      body.push(
        `<p class="local-global" data-output="${escapeHtml(result.output)}">${escapeHtml(sentence)}</p>`,
      );
  }

  body.push(`<h2 id="pivots">Pivots: the verdict changes if …</h2>`);
  const pivots = tippingPointSentences(run, scenario);
  body.push(
    pivots.length === 0
      ? `<p>No single parameter moved across its prior range changes the best policy (${escapeHtml(run.analysis.bestPolicy)}).</p>`
      : `<p>All else at its value, the best policy changes if one parameter crosses a pivot:</p><ul class="pivots">${pivots.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>`,
  );

  if (scenario.sources.length > 0) {
    body.push(`<h2 id="sources">Sources</h2>`);
    body.push(bibliography(scenario));
  }

  body.push(`<h2 id="appendix">Appendix: parameters and reproduction</h2>`);
  body.push(appendix(run, scenario));

  return [
    "<!doctype html>",
    `<html lang="en">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...body.filter((part) => part !== ""),
    "</main>",
    footer(run, options),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** One paragraph: the scenario's description and how the numbers were made. */
function describe(run: ScenarioRun, scenario: Scenario): string {
  const description = (run.scenario.description ?? scenario.description ?? "").trim();
  const sampling =
    run.simulation.sampling === "fixed"
      ? "with every parameter fixed at its value"
      : "with the uncertain parameters drawn from their priors";
  const method = `This report compares the policies in a one-shot game at the parameters' values and in ${run.simulation.runs} simulated runs per policy over ${run.simulation.weeks} weeks ${sampling} (seed ${run.seed}).`;
  return description ? `${description} ${method}` : method;
}

function rangeCell(key: string, o: OutcomeSummary | undefined, percent: boolean): string {
  if (!o) return `<td class="num">–</td>`;
  const f = percent ? formatPercent : formatQuantity;
  return `<td class="num">${escapeHtml(f(centralValue(key, o)))}<br><span class="ci">[${escapeHtml(f(o.q05))}, ${escapeHtml(f(o.q95))}]</span></td>`;
}

function policyTable(run: ScenarioRun, style: PolicyStyle): string {
  const { oneShot, simulated } = run.sensitivity.bestPolicyShare;
  const head = [
    "policy",
    "one-shot US value",
    ...POLICY_TABLE_OUTCOMES.map(([, h]) => h),
    "best in one-shot draws",
    "best in simulated runs",
  ];
  const rows = style.ids.map((id) => {
    const one = run.analysis.policies[id];
    const sim = run.simulation.policies[id];
    const share = (s: Record<string, number>) =>
      s[id] === undefined ? "–" : formatPercent(s[id]!);
    return [
      `<tr data-policy="${escapeHtml(id)}"${id === run.analysis.bestPolicy ? ` class="best"` : ""}>`,
      `<td><span class="swatch" style="background:${escapeHtml(style.color[id]!)}"></span> <b>${escapeHtml(id)}</b> ${escapeHtml(style.label[id]!)}</td>`,
      `<td class="num">${one ? escapeHtml(formatNumber(one.senderValue)) : "–"}</td>`,
      ...POLICY_TABLE_OUTCOMES.map(([key, , percent]) =>
        rangeCell(key, sim?.outcomes[key], percent),
      ),
      `<td class="num">${escapeHtml(share(oneShot))}</td>`,
      `<td class="num">${escapeHtml(share(simulated))}</td>`,
      "</tr>",
    ].join("");
  });
  return [
    `<table class="policies" id="policy-table">`,
    `<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>`,
    `<tbody>${rows.join("\n")}</tbody>`,
    "</table>",
    `<p class="small">One-shot US value: the sender's expected payoff in the one-shot game at the parameters' values, the policy executed as announced (– for weekly-only rules); the best policy, ${escapeHtml(run.analysis.bestPolicy)}, is highlighted. Simulated columns: mean over ${run.simulation.runs} runs with the 5th and 95th percentiles in brackets, over ${run.simulation.weeks} weeks. Payoffs are in sender units (per week in the simulation); the leverage value is the policy's payoff minus that of unconditional support (${escapeHtml(run.simulation.leverageBaseline ?? "none")}) in the same run. The last two columns: how often the policy is best over ${run.sensitivity.draws} prior draws of the one-shot game and over the simulated runs.</p>`,
  ].join("\n");
}

const VERDICT_CLASS: Readonly<Record<string, string>> = {
  within: "flag-yes",
  above: "flag-no",
  below: "flag-no",
};

/** "Does the model reproduce what happened?": the table, what still misses, each row's note and the sources. */
function recordSection(record: NonNullable<ScenarioRun["record"]>, scenario: Scenario): string {
  const [intro, ...rest] = recordSentences(record);
  const cell = (s: RecordRow["fixed"]) => {
    const [central, intervals] = formatRecordStatistic(s).split(" [", 2) as [string, string];
    return `<td class="num">${escapeHtml(central)}<br><span class="ci">[${escapeHtml(intervals)}</span></td><td class="${VERDICT_CLASS[s.verdict]}">${escapeHtml(s.verdict)}</td>`;
  };
  const rows = record.rows.map((r) => {
    const unit = r.unit ? ` ${r.unit}` : "";
    return `<tr data-observation="${escapeHtml(r.id)}"><td>${escapeHtml(r.label)}</td><td>${r.sources.map((k) => citedHtml(k, scenario)).join(" ")}</td><td class="num">${escapeHtml(`${formatQuantity(r.observed.low)}–${formatQuantity(r.observed.high)}${unit}`)}</td><td class="num">${r.window}</td>${cell(r.fixed)}${cell(r.priors)}</tr>`;
  });
  const notes = record.rows.map((r) => {
    const parts = [`observed: ${r.counts}`];
    if (r.observed.value !== null)
      parts.push(`published figure ${formatQuantity(r.observed.value)}`);
    if (r.model) parts.push(`model: ${r.model}`);
    if (r.conversion) parts.push(`range: ${r.conversion}`);
    return `<li><b>${escapeHtml(r.label)}</b> (<code>${escapeHtml(r.output)}</code>, ${escapeHtml(r.statistic)}). ${escapeHtml(parts.join(". "))}.</li>`;
  });
  return [
    `<section data-section="record">`,
    `<p>${escapeHtml(intro!)}</p>`,
    `<table class="record" id="record-table"><thead><tr><th>observation</th><th>source</th><th>observed range</th><th>weeks</th><th>model at the values: median [80%; 95%]</th><th>verdict</th><th>model over the priors: median [80%; 95%]</th><th>verdict</th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`,
    `<ul class="record-findings">${rest.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>`,
    `<p class="small">What each row counts:</p><ul class="small">${notes.join("")}</ul>`,
    "</section>",
  ].join("\n");
}

function flag(credible: boolean): string {
  return credible ? `<span class="flag-yes">yes</span>` : `<span class="flag-no">no</span>`;
}

function credibilityPanel(run: ScenarioRun): string {
  const c = run.analysis.credibility;
  if (!c)
    return `<p>The scenario has no conditional policy, so there is no follow-through to assess.</p>`;
  const policy = run.analysis.policies[c.policy];
  const rows: string[] = [
    `<tr><td>clean</td><td>keep the promise (support)</td><td class="num">${escapeHtml(formatNumber(c.promiseAfterClean === null ? null : -c.promiseAfterClean))}</td><td>${flag(c.promiseCredible)}</td></tr>`,
    `<tr><td>violation</td><td>withhold support</td><td class="num">${escapeHtml(formatNumber(c.supportAfterViolation))}</td><td>${flag(c.withholdCredible)}</td></tr>`,
  ];
  if (c.escalationAfterViolation !== null || policy?.kind === "conditional-escalation") {
    rows.push(
      `<tr><td>violation</td><td>escalate</td><td class="num">${escapeHtml(formatNumber(c.escalationAfterViolation === null ? null : -c.escalationAfterViolation))}</td><td>${flag(c.escalationCredible)}</td></tr>`,
    );
  }
  const p = run.analysis.posteriors;
  const type = run.analysis.posteriorType;
  const posterior =
    type === null
      ? ""
      : ` The US belief that the target is ${type} moves from ${formatNumber(run.analysis.typePrior[type] ?? null, 4)} to ${formatNumber(p.afterViolation, 4)} after a violation signal and to ${formatNumber(p.afterClean, 4)} after a clean one.`;
  return [
    `<p>Would the US carry out ${escapeHtml(c.policy)}${policy ? ` (${escapeHtml(policy.label)})` : ""} once the signal is in? For each prescribed action, the table gives the sender's one-shot gain from doing otherwise, before the reputation cost ρ of breaking the announced rule; an action is credible when that gain is at most ρ = ${escapeHtml(formatNumber(c.reputation))}.</p>`,
    `<table class="credibility"><thead><tr><th>after the signal</th><th>prescribed action</th><th>sender's gain from the alternative (sender units)</th><th>credible at ρ = ${escapeHtml(formatNumber(c.reputation))}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
    `<p><b>Minimal reputation stake ρ* = ${escapeHtml(formatNumber(c.minReputationStake, 4))}</b>: every prescribed action is sequentially rational when ρ ≥ ρ* (now ρ = ${escapeHtml(formatNumber(c.reputation))}).${escapeHtml(posterior)}</p>`,
  ].join("\n");
}

function appendix(run: ScenarioRun, scenario: Scenario): string {
  const rows = scenario.parameters.map((p) => {
    const value = run.analysis.parameters[p.id] ?? p.value;
    return `<tr><td><code>${escapeHtml(p.id)}</code></td><td>${escapeHtml(p.label ?? "")}</td><td class="num">${escapeHtml(formatNumber(value, 4))}</td><td>${escapeHtml(p.unit ?? "")}</td><td>${escapeHtml(priorText(p.prior))}</td><td>${citedHtml(p.source ?? "", scenario)}</td></tr>`;
  });
  const warnings = run.analysis.warnings;
  return [
    `<table class="parameters" id="parameter-table"><thead><tr><th>id</th><th>meaning</th><th>value</th><th>unit</th><th>prior</th><th>source</th></tr></thead><tbody>`,
    rows.join("\n"),
    "</tbody></table>",
    `<p>Seed ${run.seed}; ${run.runs} runs per policy; ${run.sensitivity.draws} prior draws for the best-policy shares; parameters sampled by ${escapeHtml(run.simulation.sampling)}. Scenario <code>${escapeHtml(run.scenario.id)}</code> read from <code>${escapeHtml(scenario.source)}</code>.</p>`,
    `<p>Reproduce this report with:<br><code>${escapeHtml(run.command)}</code></p>`,
    warnings.length === 0
      ? ""
      : `<p>Notes:</p><ul>${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>`,
  ].join("\n");
}

/** The page's last lines: date, Linkage version, scenario and its hash, seed and command. */
function footer(run: ScenarioRun, options: RunReportOptions): string {
  const items = reportFooterFacts(run, options).map(
    (f) =>
      `<span class="fact">${escapeHtml(f.name)}: ${f.code ? `<code>${escapeHtml(f.value)}</code>` : escapeHtml(f.value)}</span>`,
  );
  return `<footer data-section="footer">${items.join(" · ")}</footer>`;
}

/**
 * Source text as HTML, each key of the scenario's sources a link to its bibliography entry,
 * shown as the entry's number ("[2]"); the rest escaped.
 */
function citedHtml(text: string, scenario: Scenario): string {
  const keys = scenario.sources.map((s) => s.key);
  return sourceCitations(text, new Set(keys))
    .map((part) =>
      part.kind === "text"
        ? escapeHtml(part.text)
        : `<a class="cite" href="#source-${escapeHtml(part.key)}">[${keys.indexOf(part.key) + 1}]</a>`,
    )
    .join("");
}

/** The scenario's sources, numbered in the order written, each with an anchor the citations link to. */
function bibliography(scenario: Scenario): string {
  // addresses are printed as text, never linked: the page fetches nothing
  const items = scenario.sources.map(
    (s) => `<li id="source-${escapeHtml(s.key)}">${escapeHtml(sourceEntryText(s))}</li>`,
  );
  return `<ol class="bibliography" data-section="sources">${items.join("\n")}</ol>`;
}
