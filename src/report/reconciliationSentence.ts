import type { WeeklyReconciliation } from "../analysis/reconcileWeekly.js";
import { formatPercent } from "./formatNumber.js";

/**
 * One-shot and weekly reconciled, in words (issue 17, point 5): the one-shot responses' shares,
 * the weekly model's, and each step that closes the gap, with what remains.
 */
export function reconciliationSentence(r: WeeklyReconciliation): string {
  const list = (shares: Record<string, number>) =>
    r.demands.map((j) => `${j} ${formatPercent(shares[j]!)}`).join(", ");
  const [weekly, ...steps] = r.steps;
  let sentence = `One-shot and weekly: the one-shot responses to ${r.policy} imply that ${list(r.oneShot)} of the target (by type prior) concede each demand; ${weekly!.change}, the share of weeks is ${list(weekly!.shares)}`;
  for (const step of steps) sentence += `; ${step.change}, ${list(step.shares)}`;
  sentence +=
    ". What remains is repeated play itself: the length of the punishment, the sender's learning, a backlog that runs out (a demand cannot be conceded once it is met) and the changing need for support.";
  return sentence;
}
