import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";
import { concedes } from "../games/targetChoice.js";
import { type ChoiceBeliefs, perceivedTargetPayoff } from "./concessionPayoffs.js";

/**
 * For each demand j, the largest cost c_j(θ) at which a type-θ target still concedes j under
 * `policy`, all else fixed (MODEL.md §2), by enumeration:
 *
 *   threshold_j = max_{a: a_j = 1} W_j(a) − max_{a: a_j = 0} W_j(a),
 *
 * where W_j(a) is the target's payoff from choice a without the cost of demand j. The target
 * concedes j iff c_j(θ) ≤ threshold_j. A demand the policy does not condition on has
 * threshold 0: nothing is gained by conceding it.
 */
export function responseThresholds(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
  beliefs: ChoiceBeliefs,
): Float64Array {
  const n = game.demandIds.length;
  const choices = 1 << n;
  const payoffs = new Float64Array(choices);
  for (let choice = 0; choice < choices; choice++)
    payoffs[choice] = perceivedTargetPayoff(game, policy, type, choice, beliefs);
  const thresholds = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const cost = game.demandCost[type * n + j]!;
    let withJ = Number.NEGATIVE_INFINITY;
    let withoutJ = Number.NEGATIVE_INFINITY;
    for (let choice = 0; choice < choices; choice++) {
      if (concedes(choice, j)) withJ = Math.max(withJ, payoffs[choice]! + cost);
      else withoutJ = Math.max(withoutJ, payoffs[choice]!);
    }
    thresholds[j] = withJ - withoutJ;
  }
  return thresholds;
}
