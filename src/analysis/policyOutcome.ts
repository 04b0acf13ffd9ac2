import type { FollowThroughSolution } from "../games/followThroughEquilibria.js";
import { followThroughValue } from "../games/followThroughEquilibria.js";
import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";
import type { ChoiceBeliefs } from "./concessionPayoffs.js";
import { cleanProbability } from "./concessionPayoffs.js";
import { isConditional, solvePolicy } from "./solvePolicy.js";

/** What happens under one policy: each type's response and both sides' expected payoffs. */
export interface PolicyOutcome {
  readonly policy: LeveragePolicy;
  /** Each type's most likely response, a bit mask over demands (its only one unless it mixes). */
  readonly responses: Int32Array;
  /** Each type's response as probabilities over choices, `[type * 2^n + choice]`. */
  readonly responseProbabilities: Float64Array;
  /** P(clean signal) for each type's response (1 when the policy conditions on nothing). */
  readonly cleanProbability: Float64Array;
  /** E[U_S] over types. */
  readonly senderValue: number;
  /** Each type's expected payoff. */
  readonly targetValue: Float64Array;
  /** What the target expects of the follow-through after each choice (see solvePolicy). */
  readonly beliefs: ChoiceBeliefs;
  /** With equilibrium beliefs and a conditional policy: every equilibrium and the one reported. */
  readonly followThrough: FollowThroughSolution | null;
}

/** Solves the one-shot game under one policy and evaluates both sides' payoffs. */
export function policyOutcome(game: LeverageGame, policy: LeveragePolicy): PolicyOutcome {
  const nTypes = game.typeIds.length;
  const choices = 1 << game.demandIds.length;
  const solution = solvePolicy(game, policy);
  const responses = new Int32Array(nTypes);
  const clean = new Float64Array(nTypes);
  for (let t = 0; t < nTypes; t++) {
    let best = 0;
    for (let a = 0; a < choices; a++) {
      const p = solution.responses[t * choices + a]!;
      if (p > solution.responses[t * choices + best]!) best = a;
      clean[t] = clean[t]! + p * cleanProbability(game, policy, a);
    }
    responses[t] = best;
  }
  return {
    policy,
    responses,
    responseProbabilities: solution.responses,
    cleanProbability: clean,
    senderValue: solution.senderValue,
    targetValue: solution.targetValue,
    beliefs: solution.beliefs,
    followThrough: solution.followThrough,
  };
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
 * The sender's best policy in `game` without building outcomes: the path used when the best
 * policy is evaluated many times (pivots, sweeps). Same answer as
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

/** E[U_S] of a policy in the reported solution (see solvePolicy). */
export function senderValue(game: LeverageGame, policy: LeveragePolicy): number {
  if (game.beliefs === "equilibrium" && isConditional(policy))
    return followThroughValue(game, policy);
  return solvePolicy(game, policy).senderValue;
}

function beats(a: number, b: number): boolean {
  return a > b + POLICY_TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}
