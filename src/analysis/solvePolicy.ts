import {
  type FollowThroughSolution,
  followThroughEquilibria,
} from "../games/followThroughEquilibria.js";
import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";
import {
  BELIEFS_PER_CHOICE,
  type ChoiceBeliefs,
  fixedBeliefs,
  realisedTargetPayoff,
  senderPayoff,
} from "./concessionPayoffs.js";
import { targetBestResponse } from "./targetBestResponse.js";

/** One policy of the one-shot game, solved. */
export interface PolicySolution {
  /** What the target expects of the follow-through after each choice. */
  readonly beliefs: ChoiceBeliefs;
  /** Each type's (possibly mixed) response, `[type * 2^n + choice]`. */
  readonly responses: Float64Array;
  /** E[U_S] over the target's (and, with equilibrium beliefs, the sender's) types. */
  readonly senderValue: number;
  /** Each type's expected payoff. */
  readonly targetValue: Float64Array;
  /** With equilibrium beliefs and a conditional policy: every equilibrium, and the one reported. */
  readonly followThrough: FollowThroughSolution | null;
}

/** Does the policy's follow-through depend on a signal (so that it is a move of the sender)? */
export function isConditional(policy: LeveragePolicy): boolean {
  return policy.kind === "conditional" || policy.kind === "conditional-escalation";
}

/**
 * Solves one policy of the one-shot game. With fixed beliefs (and always for U and W) the sender
 * follows its rule and each type best-responds to q_R, q_X (ties to conceding, MODEL.md §2). With
 * equilibrium beliefs a conditional policy's follow-through is a move of the sender and the
 * reported equilibrium is the one best for the sender among all of them
 * (analysis/followThroughEquilibria; docs/model.md "Credibility in equilibrium").
 */
export function solvePolicy(
  game: LeverageGame,
  policy: LeveragePolicy,
  options: { readonly allEquilibria?: boolean } = {},
): PolicySolution {
  const nTypes = game.typeIds.length;
  const choices = 1 << game.demandIds.length;
  if (game.beliefs === "equilibrium" && isConditional(policy)) {
    const followThrough = followThroughEquilibria(game, policy, {
      all: options.allEquilibria ?? true,
    });
    const eq = followThrough.equilibria[followThrough.selected]!;
    return {
      beliefs: equilibriumBeliefs(game, eq.decisions),
      responses: eq.responses,
      senderValue: eq.senderValue,
      targetValue: eq.targetValue,
      followThrough,
    };
  }
  const beliefs = fixedBeliefs(game);
  const responses = new Float64Array(nTypes * choices);
  const targetValue = new Float64Array(nTypes);
  let senderValue = 0;
  for (let t = 0; t < nTypes; t++) {
    const choice = targetBestResponse(game, policy, t, beliefs);
    responses[t * choices + choice] = 1;
    targetValue[t] = realisedTargetPayoff(game, policy, t, choice);
    senderValue += game.typePrior[t]! * senderPayoff(game, policy, t, choice);
  }
  return { beliefs, responses, senderValue, targetValue, followThrough: null };
}

/** Per choice, the beliefs at the nodes it reaches (1 where it reaches none: the value is unused). */
function equilibriumBeliefs(
  game: LeverageGame,
  decisions: FollowThroughSolution["equilibria"][number]["decisions"],
): ChoiceBeliefs {
  const n = game.demandIds.length;
  let observableMask = 0;
  for (let j = 0; j < n; j++) if (game.observable[j]) observableMask |= 1 << j;
  const beliefs = new Float64Array(BELIEFS_PER_CHOICE * (1 << n)).fill(1);
  for (let a = 0; a < 1 << n; a++) {
    const observed = a & observableMask;
    for (const d of decisions) {
      if (d.observed !== observed) continue;
      const k = BELIEF_INDEX[d.kind];
      beliefs[BELIEFS_PER_CHOICE * a + k] = d.belief;
    }
  }
  return beliefs;
}

const BELIEF_INDEX = { keep: 0, withhold: 1, escalate: 2, refrain: 3 } as const;
