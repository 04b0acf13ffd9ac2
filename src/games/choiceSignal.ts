import type { LeverageGame, LeveragePolicy } from "./leverageGame.js";
import { concedes } from "./targetChoice.js";

/*
 * What one choice of the target (a bit mask over demands, see `targetChoice`) means under a
 * policy: the chance its verification comes back clean, and what it costs the target.
 */

/**
 * P(clean signal | choice) under `policy`: the product over conditioned demands of
 * P(no violation flagged) — 1 or 0 for an observable demand met or unmet, 1 − α_j or 1 − β_j
 * for a hidden one conceded or not (signals independent given the choice). A policy that
 * conditions on nothing sends no signal and returns 1.
 */
export function cleanProbability(
  game: LeverageGame,
  policy: LeveragePolicy,
  choice: number,
): number {
  let p = 1;
  for (let j = 0; j < game.demandIds.length; j++) {
    if (!policy.conditions[j]) continue;
    p *= concedes(choice, j) ? 1 - game.falsePositive[j]! : 1 - game.detection[j]!;
  }
  return p;
}

/** Σ_j c_j(θ)·a_j: the target's cost of the concessions in `choice`. */
export function concessionCost(game: LeverageGame, type: number, choice: number): number {
  const n = game.demandIds.length;
  let cost = 0;
  for (let j = 0; j < n; j++) if (concedes(choice, j)) cost += game.demandCost[type * n + j]!;
  return cost;
}
