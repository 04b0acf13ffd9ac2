import type { CredibilityResult } from "../analysis/AnalysisResult.js";
import { formatSignificant } from "./formatNumber.js";
import { markdownRow, yesNo } from "./markdownTable.js";

/**
 * The credibility table in Markdown: after each signal, the prescribed action, the sender's
 * one-shot gain from the alternative and whether the action is credible at the reputation cost
 * ρ of breaking the announced rule; the escalation row when the policy escalates.
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
      `credible at a reputation cost of ${formatSignificant(c.reputation)}`,
    ]),
    markdownRow(["---", "---", "---:", "---"]),
    markdownRow([
      "clean",
      "keep the promise (support)",
      formatSignificant(c.promiseAfterClean === null ? null : -c.promiseAfterClean),
      yesNo(c.promiseCredible),
    ]),
    markdownRow([
      "violation",
      "withhold support",
      formatSignificant(c.supportAfterViolation),
      yesNo(c.withholdCredible),
    ]),
  ];
  if (c.escalationAfterViolation !== null || policyKind === "conditional-escalation") {
    lines.push(
      markdownRow([
        "violation",
        "escalate",
        formatSignificant(c.escalationAfterViolation === null ? null : -c.escalationAfterViolation),
        yesNo(c.escalationCredible),
      ]),
    );
  }
  return lines;
}
