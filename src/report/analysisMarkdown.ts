import type { AnalysisResult } from "../analysis/AnalysisResult.js";
import type { Scenario } from "../scenario/Scenario.js";
import { analysisVerdict } from "./analysisVerdict.js";
import { concededList } from "./concededList.js";
import { credibilityTableMarkdown } from "./credibilityTableMarkdown.js";
import { escapeMarkdownHtml } from "./escapeMarkdownHtml.js";
import { formatNumber, formatPercent } from "./formatNumber.js";
import { markdownRow } from "./markdownTable.js";
import { priorText } from "./priorText.js";

export interface AnalysisMarkdownOptions {
  /** The command that reproduces the analysis, printed in the appendix. */
  readonly command?: string;
}

/**
 * The one-shot analysis as a Markdown report: verdict, policy table, credibility, thresholds,
 * pivots, and an appendix listing every parameter with its value, prior and source.
 */
export function analysisMarkdown(
  result: AnalysisResult,
  scenario: Scenario,
  { command }: AnalysisMarkdownOptions = {},
): string {
  const types = Object.keys(result.typePrior);
  const out: string[] = [];
  out.push(`# ${result.title}`, "");
  if (scenario.description) out.push(scenario.description.trim(), "");
  out.push("## Verdict", "", ...analysisVerdict(result).map((s) => `- ${s}`), "");

  out.push("## Policies", "");
  out.push(
    markdownRow([
      "policy",
      "",
      "sender value",
      ...types.map((t) => `${t} (${formatPercent(result.typePrior[t]!)}) concedes`),
      ...types.map((t) => `${t} payoff`),
    ]),
    markdownRow(["---", "---", "---:", ...types.map(() => "---"), ...types.map(() => "---:")]),
  );
  for (const [id, p] of Object.entries(result.policies)) {
    out.push(
      markdownRow([
        id === result.bestPolicy ? `**${id}**` : id,
        p.label,
        formatNumber(p.senderValue),
        ...types.map((t) => concededList(p.responses[t]!)),
        ...types.map((t) => formatNumber(p.targetValue[t]!)),
      ]),
    );
  }
  out.push(
    "",
    "Sender values are E[U_S] over the target's types with the policy executed as announced; target payoffs likewise.",
    "",
  );

  const c = result.credibility;
  if (c) {
    out.push(`## Credibility of ${c.policy}`, "");
    out.push(...credibilityTableMarkdown(c, result.policies[c.policy]?.kind));
    out.push("");
    out.push(
      `Posterior that the target is ${result.posteriorType} after a violation: ${formatNumber(result.posteriors.afterViolation, 4)}; after a clean signal: ${formatNumber(result.posteriors.afterClean, 4)} (prior ${formatNumber(result.posteriorType ? result.typePrior[result.posteriorType]! : null, 4)}).`,
      `Minimal reputation stake ρ* = ${formatNumber(c.minReputationStake, 4)}: every prescribed action is sequentially rational when ρ ≥ ρ*.`,
      "",
    );
  }

  out.push(
    "## Thresholds",
    "",
    "The largest cost of each demand at which each type still concedes it (MODEL.md §2).",
    "",
  );
  const demands = scenario.demands.map((d) => d.id);
  out.push(
    markdownRow(["policy", "type", ...demands]),
    markdownRow(["---", "---", ...demands.map(() => "---:")]),
  );
  for (const [policy, byType] of Object.entries(result.thresholds)) {
    for (const t of types)
      out.push(markdownRow([policy, t, ...demands.map((d) => formatNumber(byType[t]![d]!))]));
  }
  out.push("");

  out.push("## Pivots", "");
  if (result.pivots.length === 0)
    out.push("No single parameter moved across its prior range changes the best policy.", "");
  else {
    out.push(
      "Values inside a parameter's prior range where the best policy changes, all else fixed.",
      "",
    );
    out.push(
      markdownRow(["parameter", "now", "pivot", "best below", "best above"]),
      markdownRow(["---", "---:", "---:", "---", "---"]),
    );
    for (const p of result.pivots) {
      out.push(
        markdownRow([
          p.parameter,
          formatNumber(result.parameters[p.parameter]!),
          formatNumber(p.value, 4),
          p.below,
          p.above,
        ]),
      );
    }
    out.push("");
  }

  out.push("## Appendix: parameters", "");
  out.push(
    markdownRow(["id", "meaning", "value", "prior", "source"]),
    markdownRow(["---", "---", "---:", "---", "---"]),
  );
  for (const p of scenario.parameters) {
    out.push(
      markdownRow([
        p.id,
        p.label ?? "",
        formatNumber(result.parameters[p.id]!, 4),
        priorText(p.prior),
        p.source ?? "",
      ]),
    );
  }
  out.push("");
  if (command) out.push(`Reproduce with: \`${command}\``, "");
  if (result.warnings.length > 0) out.push("Notes:", ...result.warnings.map((w) => `- ${w}`), "");
  return escapeMarkdownHtml(out.join("\n"));
}
