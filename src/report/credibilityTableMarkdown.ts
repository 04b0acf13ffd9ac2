import type { CredibilityResult } from "../analysis/AnalysisResult.js";
import { formatNumber } from "./formatNumber.js";
import { markdownRow, yesNo } from "./markdownTable.js";

/**
 * The credibility table in Markdown: after each signal, the prescribed action, the sender's
 * one-shot gain from the alternative and whether the action is credible at ρ; the escalation row
 * when the policy escalates.
 */
export function credibilityTableMarkdown(
  c: CredibilityResult,
  policyKind: string | undefined,
): string[] {
  const lines = [
    markdownRow([
      "after the signal",
      "prescribed action",
      "sender's gain from the alternative",
      `credible at ρ = ${formatNumber(c.reputation)}`,
    ]),
    markdownRow(["---", "---", "---:", "---"]),
    markdownRow([
      "clean",
      "keep the promise (support)",
      formatNumber(c.promiseAfterClean === null ? null : -c.promiseAfterClean),
      yesNo(c.promiseCredible),
    ]),
    markdownRow([
      "violation",
      "withhold support",
      formatNumber(c.supportAfterViolation),
      yesNo(c.withholdCredible),
    ]),
  ];
  if (c.escalationAfterViolation !== null || policyKind === "conditional-escalation") {
    lines.push(
      markdownRow([
        "violation",
        "escalate",
        formatNumber(c.escalationAfterViolation === null ? null : -c.escalationAfterViolation),
        yesNo(c.escalationCredible),
      ]),
    );
  }
  return lines;
}
