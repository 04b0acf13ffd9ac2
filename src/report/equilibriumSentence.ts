import type { AnalysisResult } from "../analysis/AnalysisResult.js";
import { formatPercent, formatSignificant } from "./formatNumber.js";

const ACTION_WORDS = {
  keep: "keep its promise after a clean signal",
  refrain: "hold off escalating after a clean signal",
  withhold: "withhold support after a violation",
  escalate: "escalate after a violation",
} as const;

/**
 * With equilibrium beliefs (MODEL.md §2b): what the target expects the sender to do under a
 * policy, on the path of play, and how many equilibria there are with the range of the sender's
 * value across them. Null with fixed beliefs or for a policy without follow-through.
 */
export function equilibriumSentence(result: AnalysisResult, policyId: string): string | null {
  const policy = result.policies[policyId];
  const equilibria = policy?.equilibria;
  if (!policy || !equilibria) return null;
  const eq = equilibria.list[equilibria.selected]!;
  // one belief per kind of action on the path (the lowest, where several sets differ)
  const beliefs = new Map<keyof typeof ACTION_WORDS, number>();
  for (const f of eq.followThrough) {
    if (f.gain === null) continue;
    beliefs.set(f.action, Math.min(beliefs.get(f.action) ?? 1, f.belief));
  }
  const parts = [...beliefs].map(
    ([action, belief]) => `${ACTION_WORDS[action]} with probability ${formatPercent(belief)}`,
  );
  const resolute =
    result.resolutePrior === null
      ? ""
      : ` (their prior that the sender is resolute and always follows through is ${formatPercent(result.resolutePrior)})`;
  let sentence = `In equilibrium${resolute}, the target expects the sender to ${parts.join(", ")}.`;
  if (equilibria.list.length > 1) {
    const worst = equilibria.list[equilibria.worst]!;
    sentence += ` The game has ${equilibria.list.length} equilibria; the one reported is the sender's best with a deterministic follow-through (value ${formatSignificant(eq.senderValue)}), and the worst gives ${formatSignificant(worst.senderValue)}, if the target reads the policy pessimistically.`;
  }
  return sentence;
}
