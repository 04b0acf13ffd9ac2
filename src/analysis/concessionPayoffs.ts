import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";
import { concedes } from "../games/targetChoice.js";

/**
 * These helpers evaluate one choice of the target (a bit mask over demands, see
 * `games/targetChoice`) against one policy for one type.
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

/** Expected support E[s] as the sender executes `policy`, given P(clean signal). */
export function expectedSupport(policy: LeveragePolicy, pClean: number): number {
  switch (policy.kind) {
    case "unconditional":
      return 1;
    case "withhold":
      return 0;
    default:
      return pClean;
  }
}

/** Expected escalation E[x] as the sender executes `policy`, given P(clean signal). */
export function expectedEscalation(policy: LeveragePolicy, pClean: number): number {
  return policy.kind === "conditional-escalation" ? 1 - pClean : 0;
}

/** Σ_j c_j(θ)·a_j: the target's cost of the concessions in `choice`. */
export function concessionCost(game: LeverageGame, type: number, choice: number): number {
  const n = game.demandIds.length;
  let cost = 0;
  for (let j = 0; j < n; j++) if (concedes(choice, j)) cost += game.demandCost[type * n + j]!;
  return cost;
}

/**
 * The target's payoff from `choice` with the promise weighted by `promiseWeight` and the threat by
 * `threatWeight`: w_R·G·E[s] − w_X·D·E[x] − Σ_j c_j(θ)·a_j.
 */
function targetPayoff(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
  choice: number,
  promiseWeight: number,
  threatWeight: number,
): number {
  const pClean = cleanProbability(game, policy, choice);
  const escalation = expectedEscalation(policy, pClean);
  const threat = escalation > 0 ? threatWeight * policy.escalation!.costToTarget * escalation : 0;
  return (
    promiseWeight * game.carrot * expectedSupport(policy, pClean) -
    threat -
    concessionCost(game, type, choice)
  );
}

/**
 * The target's payoff from `choice` as the target sees it: the promise counts with weight q_R and
 * the threat with weight q_X (MODEL.md §2): q_R·G·E[s] − q_X·D·E[x] − Σ_j c_j(θ)·a_j.
 */
export function perceivedTargetPayoff(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
  choice: number,
): number {
  return targetPayoff(game, policy, type, choice, game.promiseBelief, game.threatBelief);
}

/** The target's expected payoff from `choice` with the policy executed as announced. */
export function realisedTargetPayoff(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
  choice: number,
): number {
  return targetPayoff(game, policy, type, choice, 1, 1);
}

/**
 * The sender's expected payoff when a target of type θ makes `choice` (MODEL.md §2):
 * Σ_j v_j·a_j + E[s]·(h_S − k_s − Σ_j ℓ_j·(1 − a_j)) + E[x]·(b_x(θ) − k_x − h_X).
 */
export function senderPayoff(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
  choice: number,
): number {
  const pClean = cleanProbability(game, policy, choice);
  const support = expectedSupport(policy, pClean);
  const escalation = expectedEscalation(policy, pClean);
  let value = 0;
  let supportValue = game.supportNet;
  for (let j = 0; j < game.demandIds.length; j++) {
    if (concedes(choice, j)) value += game.demandValue[j]!;
    else supportValue -= game.supportPenalty[j]!;
  }
  value += support * supportValue;
  if (escalation > 0) {
    const e = policy.escalation!;
    value += escalation * (e.benefit[type]! - e.costToSender - e.sideEffects);
  }
  return value;
}
