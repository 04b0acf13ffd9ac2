import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";
import { cleanProbability, realisedTargetPayoff, senderPayoff } from "./concessionPayoffs.js";
import { targetBestResponse } from "./targetBestResponse.js";

/** What happens under one policy: each type's best response and both sides' expected payoffs. */
export interface PolicyOutcome {
  readonly policy: LeveragePolicy;
  /** Each type's best response, a bit mask over demands. */
  readonly responses: Int32Array;
  /** P(clean signal) for each type's response (1 when the policy conditions on nothing). */
  readonly cleanProbability: Float64Array;
  /** E[U_S] over types. */
  readonly senderValue: number;
  /** Each type's expected payoff with the policy executed as announced. */
  readonly targetValue: Float64Array;
}

/** Solves the target's side of CLG-1 under one policy and evaluates both sides' payoffs. */
export function policyOutcome(game: LeverageGame, policy: LeveragePolicy): PolicyOutcome {
  const nTypes = game.typeIds.length;
  const responses = new Int32Array(nTypes);
  const clean = new Float64Array(nTypes);
  const targetValue = new Float64Array(nTypes);
  let senderValue = 0;
  for (let t = 0; t < nTypes; t++) {
    const choice = targetBestResponse(game, policy, t);
    responses[t] = choice;
    clean[t] = cleanProbability(game, policy, choice);
    targetValue[t] = realisedTargetPayoff(game, policy, t, choice);
    senderValue += game.typePrior[t]! * senderPayoff(game, policy, t, choice);
  }
  return { policy, responses, cleanProbability: clean, senderValue, targetValue };
}

/** Tolerance within which two policies' values are equal; ties go to the earlier-listed policy. */
export const POLICY_TIE_TOLERANCE = 1e-12;

/** Index of the policy with the highest sender value (ties: the first listed). */
export function bestPolicyIndex(outcomes: readonly PolicyOutcome[]): number {
  let best = 0;
  for (let i = 1; i < outcomes.length; i++) {
    if (beats(outcomes[i]!.senderValue, outcomes[best]!.senderValue)) best = i;
  }
  return best;
}

/**
 * The sender's best policy in `game` without building outcomes: the allocation-free path
 * used when the best policy is evaluated many times (pivots, sweeps). Same answer as
 * `bestPolicyIndex(game.policies.map((p) => policyOutcome(game, p)))`.
 */
export function bestPolicyOf(game: LeverageGame): number {
  let best = 0;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < game.policies.length; i++) {
    const value = senderValue(game, game.policies[i]!);
    if (i === 0 || beats(value, bestValue)) {
      best = i;
      bestValue = value;
    }
  }
  return best;
}

/** E[U_S] of a policy given the types' best responses. */
export function senderValue(game: LeverageGame, policy: LeveragePolicy): number {
  let value = 0;
  for (let t = 0; t < game.typeIds.length; t++) {
    value +=
      game.typePrior[t]! * senderPayoff(game, policy, t, targetBestResponse(game, policy, t));
  }
  return value;
}

function beats(a: number, b: number): boolean {
  return a > b + POLICY_TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}
