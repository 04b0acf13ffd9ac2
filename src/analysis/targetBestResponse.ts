import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";
import { prefersConceding, TARGET_TIE_TOLERANCE } from "../games/targetChoice.js";
import { type ChoiceBeliefs, perceivedTargetPayoff } from "./concessionPayoffs.js";

/**
 * The target's best response to `policy` for type `type` given what it expects of the sender's
 * follow-through (`beliefs`), found by enumerating all 2^n
 * choices over the n demands (MODEL.md §2). Ties go to conceding: among choices within
 * {@link TARGET_TIE_TOLERANCE} of the best, {@link prefersConceding} decides (more demands
 * conceded, then the earlier-listed demands).
 *
 * @returns the choice as a bit mask over demands (bit j = demand j conceded)
 */
export function targetBestResponse(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
  beliefs: ChoiceBeliefs,
): number {
  const choices = 1 << game.demandIds.length;
  let best = 0;
  let bestValue = perceivedTargetPayoff(game, policy, type, 0, beliefs);
  for (let choice = 1; choice < choices; choice++) {
    const value = perceivedTargetPayoff(game, policy, type, choice, beliefs);
    const tol = TARGET_TIE_TOLERANCE * Math.max(1, Math.abs(value), Math.abs(bestValue));
    if (value > bestValue + tol || (value >= bestValue - tol && prefersConceding(choice, best))) {
      best = choice;
      bestValue = value;
    }
  }
  return best;
}
