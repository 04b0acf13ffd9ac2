import { cleanProbability, concessionCost } from "../games/choiceSignal.js";
import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";
import { concedes } from "../games/targetChoice.js";

export { cleanProbability, concessionCost };

/**
 * These helpers evaluate one choice of the target (a bit mask over demands, see
 * `games/targetChoice`) against one policy for one type.
 */

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

/**
 * What the target expects of the sender's follow-through after each of its choices: per choice,
 * [keep the promise after a clean signal, withhold after a violation, escalate after a violation,
 * refrain from escalating after a clean signal], `[4 * choice + k]`. Fixed beliefs give q_R, 1,
 * q_X, 1 for every choice (MODEL.md §2); equilibrium
 * beliefs π_R + (1 − π_R)·σ at the nodes each choice can reach (analysis/followThroughEquilibria).
 */
export type ChoiceBeliefs = Float64Array;

/** Entries of {@link ChoiceBeliefs} per choice: keep, withhold, escalate, refrain. */
export const BELIEFS_PER_CHOICE = 4;

/** Fixed beliefs (MODEL.md §2): q_R, 1, q_X, 1 after every choice. */
export function fixedBeliefs(game: LeverageGame): ChoiceBeliefs {
  const choices = 1 << game.demandIds.length;
  const beliefs = new Float64Array(BELIEFS_PER_CHOICE * choices);
  for (let a = 0; a < choices; a++) {
    beliefs[4 * a] = game.promiseBelief;
    beliefs[4 * a + 1] = 1;
    beliefs[4 * a + 2] = game.threatBelief;
    beliefs[4 * a + 3] = 1;
  }
  return beliefs;
}

/**
 * The target's payoff from `choice` as the target sees it, given what it expects of the sender's
 * follow-through: G·(P(clean)·keep + P(violation)·(1 − withhold)) − D·(P(violation)·escalate +
 * P(clean)·(1 − refrain)) − Σ_j c_j(θ)·a_j,
 * for a conditional policy; G·E[s] − Σ_j c_j(θ)·a_j under U and W, which send no signal.
 * With fixed beliefs this is MODEL.md §2's q_R·G·E[s] − q_X·D·E[x] − Σ_j c_j(θ)·a_j.
 */
export function perceivedTargetPayoff(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
  choice: number,
  beliefs: ChoiceBeliefs,
): number {
  const pClean = cleanProbability(game, policy, choice);
  const cost = concessionCost(game, type, choice);
  if (policy.kind !== "conditional" && policy.kind !== "conditional-escalation") {
    return game.carrot * expectedSupport(policy, pClean) - cost;
  }
  const keep = beliefs[4 * choice]!;
  const withhold = beliefs[4 * choice + 1]!;
  let value = game.carrot * (pClean * keep + (1 - pClean) * (1 - withhold)) - cost;
  if (policy.kind === "conditional-escalation") {
    const escalation =
      (1 - pClean) * beliefs[4 * choice + 2]! + pClean * (1 - beliefs[4 * choice + 3]!);
    if (escalation > 0) value -= policy.escalation!.costToTarget * escalation;
  }
  return value;
}

/** The target's expected payoff from `choice` with the policy executed as announced. */
export function realisedTargetPayoff(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
  choice: number,
): number {
  return perceivedTargetPayoff(game, policy, type, choice, RULE_BELIEFS(game));
}

/** Beliefs that the rule is followed everywhere (1, 1, 1), cached per demand count. */
function RULE_BELIEFS(game: LeverageGame): ChoiceBeliefs {
  const n = game.demandIds.length;
  let beliefs = ruleBeliefs[n];
  if (!beliefs) {
    beliefs = new Float64Array(BELIEFS_PER_CHOICE * (1 << n)).fill(1);
    ruleBeliefs[n] = beliefs;
  }
  return beliefs;
}
const ruleBeliefs: Float64Array[] = [];

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
