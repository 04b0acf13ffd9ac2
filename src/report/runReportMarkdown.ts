import type { ScenarioRun, TreeNode } from "../analysis/ScenarioRun.js";
import type { Scenario } from "../scenario/Scenario.js";
import type { OutcomeSummary, WeeklyPoint } from "../sim/SimulationResult.js";
import { baseLeverageValue } from "./baseLeverageValue.js";
import { credibilityTableMarkdown } from "./credibilityTableMarkdown.js";
import { escapeMarkdownHtml } from "./escapeMarkdownHtml.js";
import { formatNumber, formatPercent } from "./formatNumber.js";
import { formatQuantity } from "./formatQuantity.js";
import { formatRecordStatistic } from "./formatRecordStatistic.js";
import { keyFindings } from "./keyFindings.js";
import { localGlobalSentence } from "./localGlobalSentence.js";
import { markdownRow, oneLine } from "./markdownTable.js";
import { centralValue, OUTCOMES, POLICY_TABLE_OUTCOMES } from "./outcomeDescriptions.js";
import { policyColors } from "./policyColors.js";
import { priorText } from "./priorText.js";
import type { RunReportOptions } from "./RunReportOptions.js";
import { recordSentences } from "./recordSentences.js";
import { reportFooterFacts } from "./reportFooterFacts.js";
import { sobolSampleText } from "./sobolSampleText.js";
import { sourceCitations } from "./sourceCitations.js";
import { sourceEntryText } from "./sourceEntryText.js";
import { tippingPointSentences } from "./tippingPointSentences.js";
import { describeSeries, seriesOrder } from "./weeklySeries.js";

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
  const out: string[] = [];
  const title = run.scenario.title || scenario.title;
  out.push(`# ${oneLine(title)}`, "");
  out.push("## Key findings", "");
  for (const finding of keyFindings(run, scenario)) out.push(oneLine(finding), "");
  const description = (run.scenario.description ?? scenario.description ?? "").trim();
  if (description) out.push(description, "");
  out.push(
    `This report compares the policies in a one-shot game at the parameters' values and in ${run.simulation.runs} simulated runs per policy over ${run.simulation.weeks} weeks (parameters ${run.simulation.sampling === "fixed" ? "fixed at their values" : "drawn from their priors"}, seed ${run.seed}).`,
    "",
  );

  out.push("## The verdict in detail", "", ...verdict.map((s) => `- ${oneLine(s)}`), "");

  out.push("## Policies compared", "");
  out.push(
    markdownRow([
      "policy",
      "",
      "one-shot US value",
      ...POLICY_TABLE_OUTCOMES.map(([, h]) => h),
      "best in one-shot draws",
      "best in simulated runs",
    ]),
    markdownRow([
      "---",
      "---",
      ...Array.from({ length: POLICY_TABLE_OUTCOMES.length + 3 }, () => "---:"),
    ]),
  );
  const { oneShot, simulated } = run.sensitivity.bestPolicyShare;
  const share = (s: Record<string, number>, id: string) =>
    s[id] === undefined ? "–" : formatPercent(s[id]!);
  for (const id of style.ids) {
    const one = run.analysis.policies[id];
    const sim = run.simulation.policies[id];
    out.push(
      markdownRow([
        id === run.analysis.bestPolicy ? `**${id}**` : id,
        style.label[id]!,
        one ? formatNumber(one.senderValue) : "–",
        ...POLICY_TABLE_OUTCOMES.map(([key, , percent]) => range(key, sim?.outcomes[key], percent)),
        share(oneShot, id),
        share(simulated, id),
      ]),
    );
  }
  out.push(
    "",
    `One-shot US value: the sender's expected payoff in the one-shot game at the parameters' values (– for weekly-only rules); the best policy is in bold. Simulated columns: mean [5th, 95th percentile] over ${run.simulation.runs} runs and ${run.simulation.weeks} weeks; payoffs in sender units per week; the leverage value is the policy's payoff minus that of unconditional support (${run.simulation.leverageBaseline ?? "none"}) in the same run.`,
    "",
    `How often each policy is best: in the one-shot game over ${run.sensitivity.draws} prior draws, ${shareList(oneShot)}; in the weekly simulation over ${run.simulation.runs} runs, ${shareList(simulated)}.`,
    "",
  );

  out.push("## Week by week", "");
  out.push(
    "Each table gives, per policy, the median run [5th, 95th percentile] at a few weeks (the HTML report draws every week).",
    "",
  );
  const weeks = checkpoints(run.simulation.weeks);
  for (const series of seriesOrder(run)) {
    const d = describeSeries(series);
    out.push(`**${d.title}** (${d.axis})`, "");
    out.push(
      markdownRow(["policy", ...weeks.map((w) => `week ${w}`)]),
      markdownRow(["---", ...weeks.map(() => "---:")]),
    );
    for (const id of style.ids) {
      const points = run.simulation.policies[id]?.weekly[series];
      if (!points) continue;
      out.push(markdownRow([id, ...weeks.map((w) => weekCell(points[w - 1]))]));
    }
    out.push("");
  }

  out.push("## Outcomes at the end of the horizon", "");
  out.push(markdownRow(["outcome", "policy", "median", "5%", "25%", "75%", "95%", "mean"]));
  out.push(markdownRow(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:"]));
  for (const [key, d] of Object.entries(OUTCOMES)) {
    for (const id of style.ids) {
      const o = run.simulation.policies[id]?.outcomes[key];
      if (!o) continue;
      const f = d.percent ? formatPercent : formatQuantity;
      out.push(
        markdownRow([d.axis, id, f(o.q50), f(o.q05), f(o.q25), f(o.q75), f(o.q95), f(o.mean)]),
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
      `Would the US carry out ${c.policy} once the signal is in? The sender's one-shot gain from doing otherwise, before the reputation cost ρ = ${formatNumber(c.reputation)} of breaking the announced rule:`,
      "",
      ...credibilityTableMarkdown(c, run.analysis.policies[c.policy]?.kind),
    );
    out.push(
      "",
      `Minimal reputation stake ρ* = ${formatNumber(c.minReputationStake, 4)}: every prescribed action is sequentially rational when ρ ≥ ρ* (now ρ = ${formatNumber(c.reputation)}).`,
      "",
    );
  }

  out.push("## The one-shot game", "");
  const policy = run.analysis.policies[run.tree.policy];
  out.push(
    `The game tree of the best policy, ${run.tree.policy}${policy ? ` (${policy.label})` : ""}: each line is a move (with Nature's probability), terminal lines give the payoffs (${scenario.sender.name}, ${scenario.target.name}); moves on the equilibrium path are in bold.`,
    "",
    ...treeLines(run.tree.nodes, scenario.sender.name, scenario.target.name),
    "",
  );

  out.push("## Sensitivity: one parameter at a time", "");
  out.push(
    `The one-shot leverage value (best policy's expected US payoff minus unconditional support's) is ${formatNumber(baseLeverageValue(run))} at the parameters' values. Moving one parameter to the ends of its prior range, others fixed:`,
    "",
    markdownRow([
      "parameter",
      "meaning",
      "low",
      "value at low",
      "best at low",
      "high",
      "value at high",
      "best at high",
    ]),
    markdownRow(["---", "---", "---:", "---:", "---", "---:", "---:", "---"]),
  );
  for (const b of run.sensitivity.tornado) {
    const mark = (best: string) => (best === run.analysis.bestPolicy ? best : `**${best}**`);
    out.push(
      markdownRow([
        b.parameter,
        b.label,
        formatNumber(b.low),
        formatNumber(b.valueAtLow),
        mark(b.bestAtLow),
        formatNumber(b.high),
        formatNumber(b.valueAtHigh),
        mark(b.bestAtHigh),
      ]),
    );
  }
  out.push("", "A best policy in bold differs from the best policy at the parameters' values.", "");

  for (const t of run.sensitivity.tornadoes) {
    if (t.output === "leverageValue") continue;
    out.push(
      `${capitalise(t.description)} is ${formatQuantity(t.baseValue)} at the parameters' values. Moving one parameter to the ends of its prior range, others fixed (the ${Math.min(TORNADO_TOP, t.bars.length)} largest swings of ${t.bars.length}):`,
      "",
      markdownRow(["parameter", "meaning", "low", "value at low", "high", "value at high"]),
      markdownRow(["---", "---", "---:", "---:", "---:", "---:"]),
      ...t.bars
        .slice(0, TORNADO_TOP)
        .map((b) =>
          markdownRow([
            b.parameter,
            b.label,
            formatNumber(b.low),
            formatQuantity(b.valueAtLow),
            formatNumber(b.high),
            formatQuantity(b.valueAtHigh),
          ]),
        ),
      "",
    );
  }

  out.push("## Sensitivity: all parameters together", "");
  for (const result of run.sensitivity.sobol) {
    const top = [...result.indices].sort((a, b) => b.total - a.total).slice(0, 12);
    const local = run.sensitivity.tornadoes.find((t) => t.output === result.output);
    const sentence = local ? localGlobalSentence(local, result) : "";
    out.push(
      `**${result.output}**: Sobol indices of ${result.description}, the ${top.length} parameters with the largest total index. ${sobolSampleText(result)}`,
      "",
      markdownRow(["parameter", "meaning", "first-order [interval]", "total [interval]", "flag"]),
      markdownRow(["---", "---", "---:", "---:", "---"]),
      ...top.map((i) =>
        markdownRow([
          i.parameter,
          i.label,
          `${formatNumber(i.first)} [${formatNumber(i.firstLow)}, ${formatNumber(i.firstHigh)}]`,
          `${formatNumber(i.total)} [${formatNumber(i.totalLow)}, ${formatNumber(i.totalHigh)}]`,
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
      `No single parameter moved across its prior range changes the best policy (${run.analysis.bestPolicy}).`,
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
    `Seed ${run.seed}; ${run.runs} runs per policy; ${run.sensitivity.draws} prior draws for the best-policy shares; parameters sampled by ${run.simulation.sampling}.`,
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

/** "Does the model reproduce what happened?": the table, what still misses, each row's note and the sources. */
function recordSection(run: ScenarioRun, scenario: Scenario): string[] {
  const record = run.record;
  if (!record) return [];
  const out = ["## Does the model reproduce what happened?", ""];
  const [intro, ...rest] = recordSentences(record);
  out.push(intro!, "");
  out.push(
    markdownRow([
      "observation",
      "source",
      "observed range",
      "weeks",
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
        `${formatQuantity(r.observed.low)}–${formatQuantity(r.observed.high)}${unit}`,
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
      parts.push(`published figure ${formatQuantity(r.observed.value)}`);
    if (r.model) parts.push(`model: ${r.model}`);
    if (r.conversion) parts.push(`range: ${r.conversion}`);
    out.push(
      `- **${oneLine(r.label)}** (\`${r.output}\`, ${r.statistic}). ${oneLine(parts.join(". "))}.`,
    );
  }
  return out;
}

function range(key: string, o: OutcomeSummary | undefined, percent: boolean): string {
  if (!o) return "–";
  const f = percent ? formatPercent : formatQuantity;
  return `${f(centralValue(key, o))} [${f(o.q05)}, ${f(o.q95)}]`;
}

function weekCell(p: WeeklyPoint | undefined): string {
  if (!p) return "–";
  return `${formatQuantity(p.q50)} [${formatQuantity(p.q05)}, ${formatQuantity(p.q95)}]`;
}

function shareList(shares: Record<string, number>): string {
  const entries = Object.entries(shares).sort((a, b) => b[1] - a[1]);
  return entries.length === 0
    ? "not computed"
    : entries.map(([id, s]) => `${id} ${formatPercent(s)}`).join(", ");
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
