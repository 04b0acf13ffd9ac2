import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";
import { targetBestResponse } from "./targetBestResponse.js";
import { cleanProbability, realisedTargetPayoff, senderPayoff } from "./targetChoice.js";

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
    const a = outcomes[i]!.senderValue;
    const b = outcomes[best]!.senderValue;
    if (a > b + POLICY_TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b))) best = i;
  }
  return best;
}
