import type { ScenarioRun, TornadoBar, TreeNode } from "../analysis/ScenarioRun.js";
import { parameterNamer } from "../scenario/parameterName.js";
import type { Scenario } from "../scenario/Scenario.js";
import { stepByStep, stepCount } from "../scenario/timeStep.js";
import type { OutcomeSummary, WeeklyPoint } from "../sim/SimulationResult.js";
import { baseLeverageValue } from "./baseLeverageValue.js";
import { credibilityTableMarkdown } from "./credibilityTableMarkdown.js";
import { escapeMarkdownHtml } from "./escapeMarkdownHtml.js";
import { formatInterval } from "./formatInterval.js";
import { formatCount, formatNumber, formatPercent, formatSignificant } from "./formatNumber.js";
import { formatRecordStatistic } from "./formatRecordStatistic.js";
import { keyFindings } from "./keyFindings.js";
import { labelledSensitivity } from "./labelledSensitivity.js";
import { localGlobalSentence } from "./localGlobalSentence.js";
import { markdownRow, oneLine } from "./markdownTable.js";
import { centralValue, headlineOutcomes, MEDIAN_FIRST } from "./outcomeDescriptions.js";
import { type PolicyStyle, policyColors } from "./policyColors.js";
import { priorText } from "./priorText.js";
import type { RunReportOptions } from "./RunReportOptions.js";
import { recordSentences } from "./recordSentences.js";
import { reportFooterFacts } from "./reportFooterFacts.js";
import { type ReportWords, reportWords, simulatedOutcomes } from "./reportWords.js";
import { sobolSampleText } from "./sobolSampleText.js";
import { sourceCitations } from "./sourceCitations.js";
import { sourceEntryText } from "./sourceEntryText.js";
import { tippingPointSentences } from "./tippingPointSentences.js";
import { verdictGlossary } from "./verdictGlossary.js";
import { seriesOrder } from "./weeklySeries.js";

/** Rows in the tornado table of an output with many parameters (the leverage value's shows all). */
const TORNADO_TOP = 15;

/**
 * The policy reader's report of a `linkage run` in Markdown: the same sections as
 * `runReportHtml` (verdict, policy comparison with 5–95% ranges, weekly paths, outcome
 * distributions, the check against the record, credibility, game tree, tornadoes, Sobol indices with the sentence comparing
 * them, pivots, appendix), with each chart replaced by a sentence or a small table of its key
 * numbers.
 *
 * @param verdict - the verdict sentences, written elsewhere; listed as given
 */
export function runReportMarkdown(
  run: ScenarioRun,
  scenario: Scenario,
  verdict: readonly string[],
  options: RunReportOptions = {},
): string {
  const style = policyColors(run);
  const name = (id: string) => style.label[id] ?? id;
  const out: string[] = [];
  const words = reportWords(run, scenario);
  const { step, sender } = words;
  const over = stepCount(step, run.simulation.weeks);
  const tableOutcomes = words.policyTable.filter(([key]) =>
    Object.values(run.simulation.policies).some((p) => p.outcomes[key] !== undefined),
  );
  const title = run.scenario.title || scenario.title;
  out.push(`# ${oneLine(title)}`, "");
  out.push("## Key findings", "");
  for (const finding of keyFindings(run, scenario)) out.push(oneLine(finding), "");
  const description = (run.scenario.description ?? scenario.description ?? "").trim();
  if (description) out.push(oneLine(description), "");
  out.push(
    `This report compares the policies in a one-shot game at the parameters' values and in ${formatCount(run.simulation.runs)} simulated runs per policy over ${over} (parameters ${run.simulation.sampling === "fixed" ? "fixed at their values" : "drawn from their priors"}).`,
    "",
  );

  out.push("## The verdict in detail", "");
  const glossary = verdictGlossary(run, scenario);
  if (glossary) out.push(oneLine(glossary), "");
  out.push(...verdict.map((s) => `- ${oneLine(s)}`), "");

  out.push("## Policies compared", "");
  out.push(
    markdownRow([
      "policy",
      `one-shot ${sender} value`,
      ...tableOutcomes.map(([, h]) => h),
      "best in one-shot draws",
      "best in simulated runs",
    ]),
    markdownRow(["---", ...Array.from({ length: tableOutcomes.length + 3 }, () => "---:")]),
  );
  const { oneShot, simulated } = run.sensitivity.bestPolicyShare;
  const share = (s: Record<string, number>, id: string) =>
    s[id] === undefined ? "–" : formatPercent(s[id]!);
  for (const id of style.ids) {
    const one = run.analysis.policies[id];
    const sim = run.simulation.policies[id];
    out.push(
      markdownRow([
        id === run.analysis.bestPolicy ? `**${name(id)}**` : name(id),
        one ? formatSignificant(one.senderValue) : "–",
        ...tableOutcomes.map(([key, , percent]) => range(key, sim?.outcomes[key], percent)),
        share(oneShot, id),
        share(simulated, id),
      ]),
    );
  }
  const baseline = run.simulation.leverageBaseline;
  out.push(
    "",
    `One-shot ${sender} value: the sender's expected payoff in the one-shot game at the parameters' values (– for ${step.adjective}-only rules); the best one-shot policy is in bold. Simulated columns, over ${formatCount(run.simulation.runs)} runs of ${over}: ${tableOutcomes.some(([key]) => MEDIAN_FIRST.has(key)) ? "attacks and deaths as the median run (their means are dominated by a few runs), the others as the mean" : "the mean"}, with 90% of runs (5th to 95th percentile) in brackets; payoffs in sender units per ${step.unit}; the leverage value is the policy's payoff minus that of “${baseline === null ? "none" : name(baseline)}” in the same run.`,
    "",
    `How often each policy is best: in the one-shot game over ${formatCount(run.sensitivity.draws)} prior draws, ${shareList(oneShot, name)}; in the ${step.adjective} simulation over ${formatCount(run.simulation.runs)} runs, ${shareList(simulated, name)}.`,
    "",
  );

  out.push(...differencesSection(run, style, words));

  out.push(`## ${stepByStep(step)}`, "");
  out.push(
    `Each table gives, per policy, the median run [5th, 95th percentile] at a few ${step.plural} (the HTML report draws every ${step.unit}).`,
    "",
  );
  const weeks = checkpoints(run.simulation.weeks);
  for (const series of seriesOrder(run)) {
    const d = words.series(series);
    out.push(`**${d.title}** (${d.axis})`, "");
    out.push(
      markdownRow(["policy", ...weeks.map((w) => `${step.unit} ${w}`)]),
      markdownRow(["---", ...weeks.map(() => "---:")]),
    );
    for (const id of style.ids) {
      const points = run.simulation.policies[id]?.weekly[series];
      if (!points) continue;
      out.push(markdownRow([name(id), ...weeks.map((w) => weekCell(points[w - 1]))]));
    }
    out.push("");
  }

  out.push("## Outcomes at the end of the horizon", "");
  out.push(markdownRow(["outcome", "policy", "median", "5%", "25%", "75%", "95%", "mean"]));
  out.push(markdownRow(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:"]));
  for (const [key, d] of Object.entries(words.outcomes)) {
    for (const id of style.ids) {
      const o = run.simulation.policies[id]?.outcomes[key];
      if (!o) continue;
      const f = d.percent ? formatPercent : (v: number) => formatSignificant(v);
      out.push(
        markdownRow([
          d.axis,
          name(id),
          f(o.q50),
          f(o.q05),
          f(o.q25),
          f(o.q75),
          f(o.q95),
          f(o.mean),
        ]),
      );
    }
  }
  out.push("");

  out.push(...recordSection(run, scenario), "");

  out.push("## Credibility", "");
  const c = run.analysis.credibility;
  if (!c)
    out.push(
      "The scenario has no conditional policy, so there is no follow-through to assess.",
      "",
    );
  else {
    out.push(
      `Would the ${sender} carry out “${name(c.policy)}” once the signal is in? The sender's one-shot gain from doing otherwise, before the reputation cost of breaking the announced rule (now ${formatSignificant(c.reputation)}):`,
      "",
      ...credibilityTableMarkdown(c, run.analysis.policies[c.policy]?.kind),
    );
    out.push(
      "",
      `The smallest reputation cost at which every prescribed action is credible: ${formatSignificant(c.minReputationStake)} (now ${formatSignificant(c.reputation)}).`,
      "",
    );
  }

  out.push("## The one-shot game", "");
  out.push(
    `The game tree of the best policy, “${name(run.tree.policy)}”: each line is a move (with Nature's probability), terminal lines give the payoffs (${scenario.sender.name}, ${scenario.target.name}); moves on the equilibrium path are in bold.`,
    "",
    ...treeLines(run.tree.nodes, scenario.sender.name, scenario.target.name),
    "",
  );

  // outputs computed under a policy name it by its label
  const sensitivity = labelledSensitivity(run);
  out.push("## Sensitivity: one parameter at a time", "");
  out.push(
    `The one-shot leverage value (best policy's expected ${sender} payoff minus unconditional support's) is ${formatSignificant(baseLeverageValue(run))} at the parameters' values. Moving one parameter to the ends of its prior range, others fixed:`,
    "",
    markdownRow([
      "parameter",
      "low",
      "value at low",
      "high",
      "value at high",
      "best policy where it changes",
    ]),
    markdownRow(["---", "---:", "---:", "---:", "---:", "---"]),
  );
  const best = run.analysis.bestPolicy;
  for (const b of sensitivity.tornado) {
    const changes = [
      ...(b.bestAtLow !== best ? [`at low: ${name(b.bestAtLow)}`] : []),
      ...(b.bestAtHigh !== best ? [`at high: ${name(b.bestAtHigh)}`] : []),
    ];
    out.push(markdownRow([...tornadoCells(b), changes.join("; ")]));
  }
  out.push("", `The best policy at the parameters' values is “${name(best)}”.`, "");

  for (const t of sensitivity.tornadoes) {
    if (t.output === "leverageValue") continue;
    out.push(
      `${capitalise(t.description)} is ${formatSignificant(t.baseValue)} at the parameters' values. Moving one parameter to the ends of its prior range, others fixed (the ${Math.min(TORNADO_TOP, t.bars.length)} largest swings of ${t.bars.length}):`,
      "",
      markdownRow(["parameter", "low", "value at low", "high", "value at high"]),
      markdownRow(["---", "---:", "---:", "---:", "---:"]),
      ...t.bars.slice(0, TORNADO_TOP).map((b) => markdownRow(tornadoCells(b))),
      "",
    );
  }

  out.push("## Sensitivity: all parameters together", "");
  const parameterName = parameterNamer(scenario);
  for (const result of sensitivity.sobol) {
    const top = [...result.indices].sort((a, b) => b.total - a.total).slice(0, 12);
    const local = sensitivity.tornadoes.find((t) => t.output === result.output);
    const sentence = local ? localGlobalSentence(local, result, parameterName) : "";
    out.push(
      `**${capitalise(result.description.split(":")[0]!.trim())}**: Sobol indices of ${result.description}, the ${top.length} parameters with the largest total index. ${sobolSampleText(result, (i) => i.label || i.parameter)}`,
      "",
      markdownRow(["parameter", "first-order [interval]", "total [interval]", "flag"]),
      markdownRow(["---", "---:", "---:", "---"]),
      ...top.map((i) =>
        markdownRow([
          i.label || i.parameter,
          formatInterval(i.first, i.firstLow, i.firstHigh, { digits: 2 }),
          formatInterval(i.total, i.totalLow, i.totalHigh, { digits: 2 }),
          i.flag ?? "",
        ]),
      ),
      "",
      ...(sentence ? [sentence, ""] : []),
    );
  }

  out.push("## Pivots: the verdict changes if …", "");
  const pivots = tippingPointSentences(run, scenario);
  if (pivots.length === 0)
    out.push(
      `No single parameter moved across its prior range changes the best policy (“${name(best)}”).`,
      "",
    );
  else out.push(...pivots.map((s) => `- ${s}`), "");

  if (scenario.sources.length > 0) {
    out.push("## Sources", "");
    out.push(
      ...scenario.sources.map((source, i) => `${i + 1}. ${oneLine(sourceEntryText(source))}`),
    );
    out.push("");
  }

  out.push("## Appendix: parameters and reproduction", "");
  out.push(
    "The report names things by their labels; `results.json`, the command line and the scenario file use these ids (the parameters' are in the table below).",
    "",
    `- Policies: ${style.ids.map((id) => `\`${id}\` ${name(id)}`).join("; ")}.`,
    `- Outcomes: ${simulatedOutcomes(run, words)
      .map(([id, d]) => `\`${id}\` ${d.title}`)
      .join("; ")}.`,
    `- ${capitalise(step.adjective)} series: ${seriesOrder(run)
      .map((id) => `\`${id}\` ${words.series(id).title}`)
      .join("; ")}.`,
    `- Types of ${oneLine(scenario.target.name)}: ${scenario.target.types
      .map((t) => `\`${t.id}\` ${oneLine(t.description ?? "")}`)
      .join("; ")}.`,
    "",
  );
  out.push(
    markdownRow(["id", "meaning", "value", "unit", "prior", "source"]),
    markdownRow(["---", "---", "---:", "---", "---", "---"]),
  );
  for (const p of scenario.parameters) {
    out.push(
      markdownRow([
        p.id,
        p.label ?? "",
        formatNumber(run.analysis.parameters[p.id] ?? p.value, 4),
        p.unit ?? "",
        priorText(p.prior),
        citedMarkdown(p.source ?? "", scenario),
      ]),
    );
  }
  out.push(
    "",
    `Seed ${run.seed}; ${formatCount(run.runs)} runs per policy; ${formatCount(run.sensitivity.draws)} prior draws for the best-policy shares; parameters sampled by ${run.simulation.sampling}.`,
    "",
    `Reproduce with: \`${run.command}\``,
    "",
  );
  if (run.analysis.warnings.length > 0)
    out.push("Notes:", ...run.analysis.warnings.map((w) => `- ${oneLine(w)}`), "");
  out.push(
    "---",
    "",
    reportFooterFacts(run, options)
      .map((f) => `${f.name}: ${f.code ? `\`${f.value}\`` : oneLine(f.value)}`)
      .join(" · "),
    "",
  );
  return escapeMarkdownHtml(out.join("\n"));
}

/**
 * "Each policy against unconditional support, run by run": per headline outcome and policy, the
 * mean paired difference with its 95% interval, and the median with 90% of the runs.
 */
function differencesSection(run: ScenarioRun, style: PolicyStyle, words: ReportWords): string[] {
  const baseline = run.simulation.leverageBaseline;
  if (baseline === null) return [];
  const rows: string[] = [];
  for (const outcome of headlineOutcomes(run, words.outcomes)) {
    const d = words.outcome(outcome);
    const percent = d?.percent === true;
    const scale = percent ? 100 : 1;
    const unit = percent ? " pp" : "";
    for (const id of style.ids) {
      const p = run.simulation.policies[id]?.versusBaseline?.[outcome];
      if (!p) continue;
      rows.push(
        markdownRow([
          d?.title ?? outcome,
          style.label[id] ?? id,
          `${formatInterval(p.mean * scale, p.meanLow * scale, p.meanHigh * scale, { digits: 2 })}${unit}`,
          `${formatInterval(p.q50 * scale, p.q05 * scale, p.q95 * scale, { digits: 2 })}${unit}`,
        ]),
      );
    }
  }
  if (rows.length === 0) return [];
  return [
    "## Each policy against unconditional support, run by run",
    "",
    `Each policy's outcome minus that of “${style.label[baseline] ?? baseline}” in the same simulated run (all policies share their random draws), over ${formatCount(run.simulation.runs)} runs of ${stepCount(words.step, run.simulation.weeks)}; shares in percentage points (pp).`,
    "",
    markdownRow(["outcome", "policy", "mean difference [95% interval]", "median [90% of runs]"]),
    markdownRow(["---", "---", "---:", "---:"]),
    ...rows,
    "",
  ];
}

/** "Does the model reproduce what happened?": the table, what still misses, each row's note and the sources. */
function recordSection(run: ScenarioRun, scenario: Scenario): string[] {
  const record = run.record;
  if (!record) return [];
  const out = ["## Does the model reproduce what happened?", ""];
  const [intro, ...rest] = recordSentences(record, reportWords(run, scenario).step);
  out.push(intro!, "");
  out.push(
    markdownRow([
      "observation",
      "source",
      "observed range",
      reportWords(run, scenario).step.plural,
      "model at the values: median [80%]; 95%",
      "verdict",
      "model over the priors: median [80%]; 95%",
      "verdict",
    ]),
    markdownRow(["---", "---", "---:", "---:", "---:", "---", "---:", "---"]),
  );
  for (const r of record.rows) {
    const unit = r.unit ? ` ${r.unit}` : "";
    out.push(
      markdownRow([
        r.label,
        r.sources.map((k) => citedMarkdown(k, scenario)).join(" "),
        `${formatSignificant(r.observed.low)}–${formatSignificant(r.observed.high)}${unit}`,
        String(r.window),
        formatRecordStatistic(r.fixed),
        r.fixed.verdict,
        formatRecordStatistic(r.priors),
        r.priors.verdict,
      ]),
    );
  }
  out.push("", ...rest.map((s) => `- ${oneLine(s)}`), "");
  out.push("What each row counts:", "");
  for (const r of record.rows) {
    const parts = [`observed: ${r.counts}`];
    if (r.observed.value !== null)
      parts.push(`published figure ${formatSignificant(r.observed.value)}`);
    if (r.model) parts.push(`model: ${r.model}`);
    if (r.conversion) parts.push(`range: ${r.conversion}`);
    out.push(`- **${oneLine(r.label)}** (${r.statistic}). ${oneLine(parts.join(". "))}.`);
  }
  return out;
}

function range(key: string, o: OutcomeSummary | undefined, percent: boolean): string {
  if (!o) return "–";
  return formatInterval(centralValue(key, o), o.q05, o.q95, { percent });
}

function weekCell(p: WeeklyPoint | undefined): string {
  if (!p) return "–";
  return formatInterval(p.q50, p.q05, p.q95);
}

function shareList(shares: Record<string, number>, name: (id: string) => string): string {
  const entries = Object.entries(shares).sort((a, b) => b[1] - a[1]);
  return entries.length === 0
    ? "not computed"
    : entries.map(([id, s]) => `“${name(id)}” ${formatPercent(s)}`).join(", ");
}

/** Weeks shown in the Markdown tables: the first, quarters of the horizon, and the last. */
function checkpoints(weeks: number): number[] {
  const picks = [
    1,
    Math.round(weeks / 4),
    Math.round(weeks / 2),
    Math.round((3 * weeks) / 4),
    weeks,
  ];
  return [...new Set(picks.filter((w) => w >= 1 && w <= weeks))];
}

/** The tree as a nested Markdown list, depth first, the equilibrium path in bold. */
function treeLines(nodes: readonly TreeNode[], sender: string, target: string): string[] {
  const children = new Map<number, TreeNode[]>();
  for (const n of nodes) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  const lines: string[] = [];
  const visit = (n: TreeNode, depth: number) => {
    const move = n.edge
      ? `${n.edge}${n.probability === null ? "" : ` (p = ${formatNumber(n.probability)})`}`
      : "start";
    const what =
      n.kind === "terminal" && n.payoffs
        ? `payoffs ${sender} ${formatNumber(n.payoffs[0])}, ${target} ${formatNumber(n.payoffs[1])}`
        : n.label;
    const text = `${move} → ${what}`;
    lines.push(`${"  ".repeat(depth)}- ${n.onPath ? `**${oneLine(text)}**` : oneLine(text)}`);
    for (const child of children.get(n.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(-1) ?? []) visit(root, 0);
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Source text with each key of the scenario's sources as its bibliography number, linked to "Sources". */
function citedMarkdown(text: string, scenario: Scenario): string {
  const keys = scenario.sources.map((s) => s.key);
  return sourceCitations(text, new Set(keys))
    .map((part) =>
      part.kind === "text" ? part.text : `[[${keys.indexOf(part.key) + 1}]](#sources)`,
    )
    .join("");
}

/** A tornado bar's cells: the parameter, its low end and the output there, its high end and the output there. */
function tornadoCells(b: TornadoBar): string[] {
  return [
    b.label || b.parameter,
    formatSignificant(b.low),
    formatSignificant(b.valueAtLow),
    formatSignificant(b.high),
    formatSignificant(b.valueAtHigh),
  ];
}
