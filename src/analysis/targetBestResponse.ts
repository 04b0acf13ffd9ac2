import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";
import { concedes, concessionCount, perceivedTargetPayoff } from "./concessionPayoffs.js";

/** Payoffs closer than this (relative) are ties, broken towards conceding. */
export const TIE_TOLERANCE = 1e-12;

/**
 * The target's best response to `policy` for type `type`, found by enumerating all 2^n
 * choices over the n demands (MODEL.md §2). Ties go to conceding: among choices within
 * TIE_TOLERANCE of the best, the one conceding more demands wins, then the one conceding the
 * earlier-listed demands.
 *
 * @returns the choice as a bit mask over demands (bit j = demand j conceded)
 */
export function targetBestResponse(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
): number {
  const choices = 1 << game.demandIds.length;
  let best = 0;
  let bestValue = perceivedTargetPayoff(game, policy, type, 0);
  for (let choice = 1; choice < choices; choice++) {
    const value = perceivedTargetPayoff(game, policy, type, choice);
    const tol = TIE_TOLERANCE * Math.max(1, Math.abs(value), Math.abs(bestValue));
    if (value > bestValue + tol || (value >= bestValue - tol && prefersConceding(choice, best))) {
      best = choice;
      bestValue = value;
    }
  }
  return best;
}

/** Tie-break: more concessions first, then concessions of earlier-listed demands. */
function prefersConceding(a: number, b: number): boolean {
  const ca = concessionCount(a);
  const cb = concessionCount(b);
  if (ca !== cb) return ca > cb;
  for (let j = 0; a >>> j !== 0 || b >>> j !== 0; j++) {
    if (concedes(a, j) !== concedes(b, j)) return concedes(a, j);
  }
  return false;
}
