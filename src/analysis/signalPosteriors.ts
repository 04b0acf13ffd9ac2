import type { LeverageGame } from "../games/leverageGame.js";
import { concedes } from "../games/targetChoice.js";
import type { PolicyOutcome } from "./policyOutcome.js";

/** The sender's beliefs after one signal, from Bayes' rule on the types' equilibrium responses. */
export interface SignalPosterior {
  /** P(signal) under the prior and the responses. */
  readonly probability: number;
  /** P(θ | signal) per type; `null` when the signal has probability zero. */
  readonly types: Float64Array | null;
  /** P(a_j = 0 | signal) per demand; `null` when the signal has probability zero. */
  readonly unmet: Float64Array | null;
}

/** Signals below this probability are treated as impossible (posterior undefined). */
export const IMPOSSIBLE_SIGNAL = 1e-15;

/**
 * Posterior beliefs after a clean and after a violation signal under a policy (MODEL.md §2):
 * P(θ | v) ∝ μ(θ)·P(v | response(θ)).
 */
export function signalPosteriors(
  game: LeverageGame,
  outcome: PolicyOutcome,
): { clean: SignalPosterior; violation: SignalPosterior } {
  const nTypes = game.typeIds.length;
  const weightClean = new Float64Array(nTypes);
  const weightViolation = new Float64Array(nTypes);
  for (let t = 0; t < nTypes; t++) {
    weightClean[t] = game.typePrior[t]! * outcome.cleanProbability[t]!;
    weightViolation[t] = game.typePrior[t]! * (1 - outcome.cleanProbability[t]!);
  }
  return {
    clean: posterior(game, outcome, weightClean),
    violation: posterior(game, outcome, weightViolation),
  };
}

function posterior(
  game: LeverageGame,
  outcome: PolicyOutcome,
  weights: Float64Array,
): SignalPosterior {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > IMPOSSIBLE_SIGNAL)) return { probability: total, types: null, unmet: null };
  const types = weights.map((w) => w / total);
  const unmet = new Float64Array(game.demandIds.length);
  for (let t = 0; t < types.length; t++) {
    for (let j = 0; j < unmet.length; j++)
      if (!concedes(outcome.responses[t]!, j)) unmet[j]! += types[t]!;
  }
  return { probability: total, types, unmet };
}
