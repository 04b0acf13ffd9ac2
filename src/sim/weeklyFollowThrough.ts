import { followThroughEquilibria } from "../games/followThroughEquilibria.js";
import { compileLeverageGame } from "../scenario/compileLeverageGame.js";
import type { Scenario } from "../scenario/Scenario.js";

/**
 * The probability that a prescribed withholding or escalation step of a conditional policy is
 * carried out in the weekly model, from the one-shot game's equilibrium at the same parameter
 * values (MODEL.md §2b; docs/model.md "Credibility in equilibrium"): the target's consistent
 * belief π_R + (1 − π_R)·σ at the punitive nodes (withhold, and escalate under an escalation
 * policy, after a violation), averaged with the weights the equilibrium puts on them (equal
 * weights when no violation is on the path). The weekly model multiplies its execution
 * probability q and the target's belief q̂ by it, so the two stay consistent. A weekly-only
 * conditional policy (no one-shot form, such as graduated tit-for-tat) takes the first one-shot
 * conditional policy's. 1 with fixed beliefs and for unconditional and withholding policies.
 */
export function weeklyFollowThrough(
  scenario: Scenario,
  values: ArrayLike<number>,
  policyIndex: number,
): number {
  const policy = scenario.policies[policyIndex]!;
  if (scenario.credibility.beliefs !== "equilibrium") return 1;
  if (policy.kind !== "conditional" && policy.kind !== "conditional-escalation") return 1;
  const game = compileLeverageGame(scenario, values);
  const oneShot =
    game.policies.find((p) => p.id === policy.id) ??
    game.policies.find((p) => p.kind === "conditional");
  if (!oneShot) return 1;
  const solution = followThroughEquilibria(game, oneShot, { all: false });
  const decisions = solution.equilibria[solution.selected]!.decisions.filter(
    (d) => d.kind === "withhold" || d.kind === "escalate",
  );
  if (decisions.length === 0) return 1;
  let weight = 0;
  let sum = 0;
  for (const d of decisions) {
    weight += d.probability;
    sum += d.probability * d.belief;
  }
  if (weight > 0) return sum / weight;
  return decisions.reduce((s, d) => s + d.belief, 0) / decisions.length;
}
