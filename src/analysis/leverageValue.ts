import type { LeverageGame } from "../games/leverageGame.js";
import { bestPolicyOf, senderValue } from "./policyOutcome.js";

/**
 * The one-shot leverage value of a game: the sender's expected payoff under its best policy minus
 * under unconditional support (the first unconditional policy; 0 when there is none), together
 * with the index of the best policy. Allocation-free; used by the sensitivity analyses.
 */
export function leverageValue(game: LeverageGame): { value: number; best: number } {
  const best = bestPolicyOf(game);
  const bestValue = senderValue(game, game.policies[best]!);
  const baseline = game.policies.findIndex((p) => p.kind === "unconditional");
  return {
    value: baseline < 0 ? 0 : bestValue - senderValue(game, game.policies[baseline]!),
    best,
  };
}
