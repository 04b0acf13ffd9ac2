import type { WeeklyReconciliation } from "../analysis/reconcileWeekly.js";
import { type TimeStep, timeStep } from "../scenario/timeStep.js";
import { formatPercent } from "./formatNumber.js";

/**
 * One-shot and weekly reconciled, in words (issue 17, point 5): the one-shot responses' shares,
 * the weekly model's, and each step that closes the gap, with what remains.
 */
export function reconciliationSentence(
  r: WeeklyReconciliation,
  step: TimeStep = timeStep("week"),
): string {
  const list = (shares: Record<string, number>) =>
    r.demands.map((j) => `${j} ${formatPercent(shares[j]!)}`).join(", ");
  const [weekly, ...steps] = r.steps;
  let sentence = `One-shot and ${step.adjective}: the one-shot responses to ${r.policy} imply that ${list(r.oneShot)} of the target (by type prior) concede each demand; ${weekly!.change}, the share of ${step.plural} is ${list(weekly!.shares)}`;
  for (const s of steps) sentence += `; ${s.change}, ${list(s.shares)}`;
  sentence +=
    ". What remains is repeated play itself: the length of the punishment, the sender's learning, a backlog that runs out (a demand cannot be conceded once it is met) and the changing need for support.";
  return sentence;
}
