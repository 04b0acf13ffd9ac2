import type { RecordRow } from "../analysis/RecordValidation.js";
import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import { parameterNamer } from "../scenario/parameterName.js";
import type { Scenario } from "../scenario/Scenario.js";
import { stepByStep, stepCount, timeStep } from "../scenario/timeStep.js";
import type { OutcomeSummary } from "../sim/SimulationResult.js";
import { bestPolicyShareChart } from "./charts/bestPolicyShareChart.js";
import { fanChart } from "./charts/fanChart.js";
import { gameTreeChart } from "./charts/gameTreeChart.js";
import { outcomeDistributionsChart } from "./charts/outcomeDistributionsChart.js";
import { pairedDifferenceChart } from "./charts/pairedDifferenceChart.js";
import { sobolChart } from "./charts/sobolChart.js";
import { tornadoChart } from "./charts/tornadoChart.js";
import { escapeHtml } from "./escapeHtml.js";
import { formatInterval } from "./formatInterval.js";
import { formatCount, formatNumber, formatPercent, formatSignificant } from "./formatNumber.js";
import { formatRecordStatistic } from "./formatRecordStatistic.js";
import { keyFindings } from "./keyFindings.js";
import { labelledSensitivity } from "./labelledSensitivity.js";
import { localGlobalSentence } from "./localGlobalSentence.js";
import { centralValue, MEDIAN_FIRST } from "./outcomeDescriptions.js";
import { type PolicyStyle, policyColors } from "./policyColors.js";
import { priorText } from "./priorText.js";
import type { RunReportOptions } from "./RunReportOptions.js";
import { recordSentences } from "./recordSentences.js";
import { REPORT_CSS } from "./reportCss.js";
import { reportFooterFacts } from "./reportFooterFacts.js";
import { type ReportWords, reportWords, shortName, simulatedOutcomes } from "./reportWords.js";
import { sourceCitations } from "./sourceCitations.js";
import { sourceEntryText } from "./sourceEntryText.js";
import { tippingPointSentences } from "./tippingPointSentences.js";
import { verdictGlossary } from "./verdictGlossary.js";
import { seriesOrder } from "./weeklySeries.js";

/** Bars drawn in the tornado of an output with many parameters (the leverage value's shows all). */
const TORNADO_TOP = 10;
/** Parameters drawn in each Sobol chart (those with the largest total index). */
const SOBOL_TOP = 8;
/** The weekly series shown open; the others are folded under them. */
const HEADLINE_SERIES: readonly string[] = ["attacks", "B"];

/**
 * The policy reader's report of a `linkage run` as one self-contained HTML page: inline CSS,
 * inline SVG charts drawn with Observable Plot on the server (and the game tree with our own
 * tidy layout), no scripts and nothing fetched from the network, so it opens offline.
 *
 * Sections, in order: the title; the key findings (`keyFindings`, one paragraph each); how the
 * numbers were made; the verdict in detail (the given sentences, as a list); the policies compared
 * (a table and how often each is best); what each policy changes against unconditional support
 * (paired differences of the headline outcomes); the weekly fan charts (the headline series open,
 * the rest folded); the outcomes' distributions; the check against the record (when the
 * scenario has observations); credibility; the best policy's game tree (folded); the tornado of
 * each sensitivity output; the Sobol indices of the same outputs, each followed by the sentence
 * comparing the two (`localGlobalSentence`); the pivots; the sources (a numbered bibliography that
 * every citation links to); and a folded appendix: the ids behind the labels, every parameter
 * (value, prior, source) and how to reproduce the run. A footer gives the date, Linkage's version,
 * the scenario's hash, the seed and the command (`reportFooterFacts`).
 *
 * The main body names policies, parameters and outcomes by their labels and gives numbers to
 * two or three significant figures (heavy-tailed counts as median [90% interval]); ids appear
 * only in the appendix. Folded parts are `<details>`; the print stylesheet opens them all and
 * keeps every chart whole on a page (A4).
 *
 * Every chart is a `<figure class="chart" data-chart="…">` with at most one legend; every piece
 * of scenario text is HTML-escaped (a scenario is user input).
 *
 * @param verdict - the verdict sentences, written elsewhere; shown as given
 * @param options - what the footer states besides the run (date, version, scenario hash)
 */
export function runReportHtml(
  run: ScenarioRun,
  scenario: Scenario,
  verdict: readonly string[],
  options: RunReportOptions = {},
): string {
  const style = policyColors(run);
  const name = (id: string) => style.label[id] ?? id;
  const title = run.scenario.title || scenario.title;
  const body: string[] = [];
  const words = reportWords(run, scenario);
  const { step } = words;

  body.push(`<h1>${escapeHtml(title)}</h1>`);
  body.push(`<section class="key-findings" data-section="key-findings">`);
  body.push(`<h2 id="key-findings">Key findings</h2>`);
  for (const finding of keyFindings(run, scenario)) body.push(`<p>${escapeHtml(finding)}</p>`);
  body.push("</section>");
  body.push(`<p class="lede">${escapeHtml(describe(run, scenario))}</p>`);

  body.push(`<h2 id="verdict">The verdict in detail</h2>`);
  const glossary = verdictGlossary(run, scenario);
  if (glossary) body.push(`<p class="verdict-names">${escapeHtml(glossary)}</p>`);
  body.push(
    `<ul class="verdict" data-section="verdict">${verdict.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>`,
  );

  body.push(`<h2 id="policies">Policies compared</h2>`);
  body.push(policyTable(run, style, words));
  const shares = bestPolicyShareChart(run, style, words);
  if (shares) body.push(folds("How often each policy is best, as a chart", shares));

  const differences = pairedDifferenceChart(run, style, words);
  if (differences) {
    body.push(`<h2 id="differences">Each policy against unconditional support, run by run</h2>`);
    body.push(differences);
  }

  body.push(`<h2 id="weekly">${stepByStep(step)}</h2>`);
  body.push(
    `<p>How the situation evolves under each policy over ${stepCount(step, run.simulation.weeks)}, across ${formatCount(run.simulation.runs)} simulated runs per policy with the uncertain parameters drawn from their priors.</p>`,
  );
  const series = seriesOrder(run);
  // the flagship's headline series, else the scenario's first two
  const headline = series.some((s) => HEADLINE_SERIES.includes(s))
    ? HEADLINE_SERIES
    : series.slice(0, 2);
  const open = series.filter((s) => headline.includes(s));
  const folded = series.filter((s) => !headline.includes(s));
  for (const s of open) body.push(fanChart(run, s, style, words));
  if (folded.length > 0)
    body.push(
      folds(
        `More ${step.adjective} series: ${folded.map((s) => words.series(s).title).join("; ")}`,
        folded.map((s) => fanChart(run, s, style, words)).join("\n"),
      ),
    );

  body.push(`<h2 id="outcomes">Outcomes at the end of the horizon</h2>`);
  const distributions = outcomeDistributionsChart(run, style, words);
  if (distributions) {
    body.push(
      `<p>The spread of each outcome over the runs, policy by policy (the differences above are computed run by run from these runs).</p>`,
    );
    body.push(folds("Each outcome's distribution over the runs, by policy", distributions));
  }

  if (run.record) {
    body.push(`<h2 id="record">Does the model reproduce what happened?</h2>`);
    body.push(recordSection(run.record, scenario));
  }

  body.push(`<h2 id="credibility">Credibility</h2>`);
  body.push(credibilityPanel(run, scenario));

  body.push(`<h2 id="game-tree">The one-shot game</h2>`);
  const tree = gameTreeChart(run, { sender: scenario.sender.name, target: scenario.target.name });
  body.push(
    `<p>The one-shot game behind the credibility panel, under the best policy (“${escapeHtml(name(run.analysis.bestPolicy))}”): who moves, what each type of ${escapeHtml(scenario.target.name)} concedes, and the payoffs.</p>`,
  );
  if (tree) body.push(folds("The game tree, with the equilibrium path", tree));

  // outputs computed under a policy name it by its label
  const sensitivity = labelledSensitivity(run);
  const labelled: ScenarioRun = { ...run, sensitivity };
  body.push(`<h2 id="tornado">Sensitivity: one parameter at a time</h2>`);
  body.push(tornadoChart(labelled, undefined, Number.POSITIVE_INFINITY, words.sender));
  for (const result of sensitivity.tornadoes) {
    if (result.output === "leverageValue") continue;
    const chart = tornadoChart(labelled, result, TORNADO_TOP, words.sender);
    if (chart)
      body.push(folds(`What moves ${result.description.split(" (")[0]} (one at a time)`, chart));
  }

  body.push(`<h2 id="sobol">Sensitivity: all parameters together</h2>`);
  const parameterName = parameterNamer(scenario);
  body.push(
    `<p>Sobol indices split the variance of each output over the priors among the parameters, alone (first-order) and with their interactions (total); the sentences compare them with the one-at-a-time view above.</p>`,
  );
  const sobolCharts: string[] = [];
  for (const result of sensitivity.sobol) {
    sobolCharts.push(sobolChart(result, SOBOL_TOP));
    const local = sensitivity.tornadoes.find((t) => t.output === result.output);
    const sentence = local ? localGlobalSentence(local, result, parameterName) : "";
    if (sentence)
      body.push(
        `<p class="local-global" data-output="${escapeHtml(result.output)}">${escapeHtml(sentence)}</p>`,
      );
  }
  const drawn = sobolCharts.filter((c) => c !== "");
  if (drawn.length > 0)
    body.push(
      folds(
        `The Sobol indices of the ${SOBOL_TOP} leading parameters of each output, with their intervals`,
        drawn.join("\n"),
      ),
    );

  body.push(`<h2 id="pivots">Pivots: the verdict changes if …</h2>`);
  const pivots = tippingPointSentences(run, scenario);
  body.push(
    pivots.length === 0
      ? `<p>No single parameter moved across its prior range changes the best policy (“${escapeHtml(name(run.analysis.bestPolicy))}”).</p>`
      : `<p>All else at its value, the best policy changes if one parameter crosses a pivot:</p><ul class="pivots">${pivots.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>`,
  );

  if (scenario.sources.length > 0) {
    body.push(`<h2 id="sources">Sources</h2>`);
    body.push(bibliography(scenario));
  }

  body.push(`<h2 id="appendix">Appendix: parameters and reproduction</h2>`);
  body.push(
    folds(
      "The names behind the labels, every parameter with its prior and source, and how to reproduce this report",
      appendix(run, scenario, style, words),
    ),
  );

  return [
    "<!doctype html>",
    `<html lang="en">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
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

/** Folded content: a `<details>` with its summary (plain text; escaped here) and trusted HTML. */
function folds(summary: string, html: string): string {
  return `<details>\n<summary>${escapeHtml(summary)}</summary>\n${html}\n</details>`;
}

/** One paragraph: the scenario's description and how the numbers were made. */
function describe(run: ScenarioRun, scenario: Scenario): string {
  const description = (run.scenario.description ?? scenario.description ?? "").trim();
  const sampling =
    run.simulation.sampling === "fixed"
      ? "with every parameter fixed at its value"
      : "with the uncertain parameters drawn from their priors";
  const method = `This report compares the policies in a one-shot game at the parameters' values and in ${formatCount(run.simulation.runs)} simulated runs per policy over ${stepCount(reportWords(run, scenario).step, run.simulation.weeks)} ${sampling}.`;
  return description ? `${description} ${method}` : method;
}

function rangeCell(key: string, o: OutcomeSummary | undefined, percent: boolean): string {
  if (!o) return `<td class="num">–</td>`;
  const [central, interval] = formatInterval(centralValue(key, o), o.q05, o.q95, {
    percent,
  }).split(" [", 2) as [string, string];
  return `<td class="num">${escapeHtml(central)}<br><span class="ci">[${escapeHtml(interval)}</span></td>`;
}

function policyTable(run: ScenarioRun, style: PolicyStyle, words: ReportWords): string {
  const { oneShot, simulated } = run.sensitivity.bestPolicyShare;
  const { step, sender } = words;
  const tableOutcomes = words.policyTable.filter(([key]) =>
    Object.values(run.simulation.policies).some((p) => p.outcomes[key] !== undefined),
  );
  const head = [
    "policy",
    `one-shot ${sender} value`,
    ...tableOutcomes.map(([, h]) => h),
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
      `<td><span class="swatch" style="background:${escapeHtml(style.color[id]!)}"></span> ${escapeHtml(style.label[id]!)}</td>`,
      `<td class="num">${one ? escapeHtml(formatSignificant(one.senderValue)) : "–"}</td>`,
      ...tableOutcomes.map(([key, , percent]) => rangeCell(key, sim?.outcomes[key], percent)),
      `<td class="num">${escapeHtml(share(oneShot))}</td>`,
      `<td class="num">${escapeHtml(share(simulated))}</td>`,
      "</tr>",
    ].join("");
  });
  const baseline = run.simulation.leverageBaseline;
  return [
    `<table class="policies" id="policy-table">`,
    `<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>`,
    `<tbody>${rows.join("\n")}</tbody>`,
    "</table>",
    `<p class="small">One-shot ${escapeHtml(sender)} value: the sender's expected payoff in the one-shot game at the parameters' values, the policy executed as announced (– for ${step.adjective}-only rules); the best one-shot policy is highlighted. Simulated columns, over ${formatCount(run.simulation.runs)} runs of ${stepCount(step, run.simulation.weeks)}: ${tableOutcomes.some(([key]) => MEDIAN_FIRST.has(key)) ? "attacks and deaths as the median run (their means are dominated by a few runs), the others as the mean" : "the mean"}, with 90% of runs (5th to 95th percentile) in brackets. Payoffs are in sender units (${escapeHtml(words.senderUnitNote)}per ${step.unit} in the simulation); the leverage value is the policy's payoff minus that of “${escapeHtml(baseline === null ? "none" : (style.label[baseline] ?? baseline))}” in the same run. The last two columns: how often the policy is best over ${formatCount(run.sensitivity.draws)} prior draws of the one-shot game and over the simulated runs.</p>`,
  ].join("\n");
}

const VERDICT_CLASS: Readonly<Record<string, string>> = {
  within: "flag-yes",
  above: "flag-no",
  below: "flag-no",
};

/** "Does the model reproduce what happened?": the table with its sources cited, what still misses, and (folded) what each row counts. */
function recordSection(record: NonNullable<ScenarioRun["record"]>, scenario: Scenario): string {
  const [intro, ...rest] = recordSentences(record, scenario.dynamics?.step);
  const statistic = (s: RecordRow["fixed"]) => {
    const [central, intervals] = formatRecordStatistic(s).split(" [", 2) as [string, string];
    return `<td class="num">${escapeHtml(central)}<br><span class="ci">[${escapeHtml(intervals)}</span></td><td class="${VERDICT_CLASS[s.verdict]}">${escapeHtml(s.verdict)}</td>`;
  };
  const rows = record.rows.map((r) => {
    const unit = r.unit ? ` ${r.unit}` : "";
    return `<tr data-observation="${escapeHtml(r.id)}"><td>${escapeHtml(r.label)}</td><td>${r.sources.map((k) => citedHtml(k, scenario)).join(" ")}</td><td class="num">${escapeHtml(`${formatSignificant(r.observed.low)}–${formatSignificant(r.observed.high)}${unit}`)}</td><td class="num">${r.window}</td>${statistic(r.fixed)}${statistic(r.priors)}</tr>`;
  });
  const notes = record.rows.map((r) => {
    const parts = [`observed: ${r.counts}`];
    if (r.observed.value !== null)
      parts.push(`published figure ${formatSignificant(r.observed.value)}`);
    if (r.model) parts.push(`model: ${r.model}`);
    if (r.conversion) parts.push(`range: ${r.conversion}`);
    return `<li><b>${escapeHtml(r.label)}</b> (${escapeHtml(r.statistic)}). ${escapeHtml(parts.join(". "))}.</li>`;
  });
  return [
    `<section data-section="record">`,
    `<p>${escapeHtml(intro!)}</p>`,
    `<table class="record" id="record-table"><thead><tr><th>observation</th><th>sources</th><th>observed range</th><th>${(scenario.dynamics?.step ?? timeStep("week")).plural}</th><th>model at the values: median [80%]; 95%</th><th>verdict</th><th>model over the priors: median [80%]; 95%</th><th>verdict</th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`,
    `<ul class="record-findings">${rest.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>`,
    folds(
      "What each row counts, and how the observed ranges were made",
      `<ul class="small">${notes.join("")}</ul>`,
    ),
    "</section>",
  ].join("\n");
}

function flag(credible: boolean): string {
  return credible ? `<span class="flag-yes">yes</span>` : `<span class="flag-no">no</span>`;
}

function credibilityPanel(run: ScenarioRun, scenario: Scenario): string {
  const c = run.analysis.credibility;
  if (!c)
    return `<p>The scenario has no conditional policy, so there is no follow-through to assess.</p>`;
  const policy = run.analysis.policies[c.policy];
  const gain = (v: number | null) => escapeHtml(formatSignificant(v));
  const rows: string[] = [
    `<tr><td>clean</td><td>keep the promise (support)</td><td class="num">${gain(c.promiseAfterClean === null ? null : -c.promiseAfterClean)}</td><td>${flag(c.promiseCredible)}</td></tr>`,
    `<tr><td>violation</td><td>withhold support</td><td class="num">${gain(c.supportAfterViolation)}</td><td>${flag(c.withholdCredible)}</td></tr>`,
  ];
  if (c.escalationAfterViolation !== null || policy?.kind === "conditional-escalation") {
    rows.push(
      `<tr><td>violation</td><td>escalate</td><td class="num">${gain(c.escalationAfterViolation === null ? null : -c.escalationAfterViolation)}</td><td>${flag(c.escalationCredible)}</td></tr>`,
    );
  }
  const p = run.analysis.posteriors;
  const type = run.analysis.posteriorType;
  const share = (v: number | null | undefined) =>
    v === null || v === undefined ? "n/a" : formatPercent(v);
  const posterior =
    type === null
      ? ""
      : ` The ${shortName(scenario.sender.name)} belief that the ${scenario.target.name} are of the ${type} type moves from ${share(run.analysis.typePrior[type])} to ${share(p.afterViolation)} after a violation signal and to ${share(p.afterClean)} after a clean one.`;
  const rho = formatSignificant(c.reputation);
  return [
    `<p>Would the ${escapeHtml(shortName(scenario.sender.name))} carry out “${escapeHtml(policy?.label ?? c.policy)}” once the signal is in? For each prescribed action, the table gives the sender's one-shot gain from doing otherwise (in sender units), before the reputation cost of breaking the announced rule; an action is credible when that gain is at most the reputation cost, now ${escapeHtml(rho)}.</p>`,
    `<table class="credibility"><thead><tr><th>after the signal</th><th>prescribed action</th><th>sender's gain from the alternative</th><th>credible at a reputation cost of ${escapeHtml(rho)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
    `<p><b>The smallest reputation cost at which every prescribed action is credible: ${escapeHtml(formatSignificant(c.minReputationStake))}</b> (now ${escapeHtml(rho)}).${escapeHtml(posterior)}</p>`,
  ].join("\n");
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

/** The ids behind the main body's labels (policies, outcomes, weekly series), every parameter, and how to reproduce the run. */
function appendix(
  run: ScenarioRun,
  scenario: Scenario,
  style: PolicyStyle,
  words: ReportWords,
): string {
  const line = (kind: string, pairs: readonly (readonly [string, string])[]) =>
    pairs.length === 0
      ? ""
      : `<p class="names"><b>${escapeHtml(kind)}</b>: ${pairs.map(([id, label]) => `<code>${escapeHtml(id)}</code> ${escapeHtml(label)}`).join("; ")}.</p>`;
  const names = [
    line(
      "Policies",
      style.ids.map((id) => [id, style.label[id] ?? ""] as const),
    ),
    line(
      "Outcomes",
      simulatedOutcomes(run, words).map(([id, d]) => [id, d.title] as const),
    ),
    line(
      `${capitalise(words.step.adjective)} series`,
      seriesOrder(run).map((id) => [id, words.series(id).title] as const),
    ),
    line(
      `Types of ${scenario.target.name}`,
      scenario.target.types.map((t) => [t.id, t.description ?? ""] as const),
    ),
  ];
  const rows = scenario.parameters.map((p) => {
    const value = run.analysis.parameters[p.id] ?? p.value;
    return `<tr><td><code>${escapeHtml(p.id)}</code></td><td>${escapeHtml(p.label ?? "")}</td><td class="num">${escapeHtml(formatNumber(value, 4))}</td><td>${escapeHtml(p.unit ?? "")}</td><td>${escapeHtml(priorText(p.prior))}</td><td>${citedHtml(p.source ?? "", scenario)}</td></tr>`;
  });
  const warnings = run.analysis.warnings;
  return [
    `<h3>Names</h3>`,
    `<div id="names"><p class="small">The report names things by their labels; <code>results.json</code>, the command line and the scenario file use these ids (the parameters' are in the table below).</p>`,
    ...names.filter((n) => n !== ""),
    "</div>",
    `<h3>Parameters</h3>`,
    `<table class="parameters" id="parameter-table"><thead><tr><th>id</th><th>meaning</th><th>value</th><th>unit</th><th>prior</th><th>source</th></tr></thead><tbody>`,
    rows.join("\n"),
    "</tbody></table>",
    `<h3>Reproduction</h3>`,
    `<p>Seed ${run.seed}; ${formatCount(run.runs)} runs per policy; ${formatCount(run.sensitivity.draws)} prior draws for the best-policy shares; parameters sampled by ${escapeHtml(run.simulation.sampling)}. Scenario <code>${escapeHtml(run.scenario.id)}</code> read from <code>${escapeHtml(scenario.source)}</code>.</p>`,
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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
