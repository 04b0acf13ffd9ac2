import type { LeverageGame } from "../games/leverageGame.js";
import type { PolicyOutcome } from "./policyOutcome.js";
import { type SignalPosterior, signalPosteriors } from "./signalPosteriors.js";

/**
 * Is a conditional policy's follow-through sequentially rational without commitment?
 * Values are the sender's gain from the prescribed action over the alternative, at the
 * posterior after the signal; `null` when the signal cannot occur (the action is never called for).
 */
export interface Credibility {
  readonly policyId: string;
  /** P(θ | signal) and P(a_j = 0 | signal) after clean and violation signals. */
  readonly afterClean: SignalPosterior;
  readonly afterViolation: SignalPosterior;
  /** h_S − k_s − Σ_j ℓ_j·P(a_j = 0 | clean): the sender's gain from keeping the promise. */
  readonly promiseAfterClean: number | null;
  /** h_S − k_s − Σ_j ℓ_j·P(a_j = 0 | violation): the gain from supporting anyway. */
  readonly supportAfterViolation: number | null;
  /** Σ_θ P(θ | violation)·b_x(θ) − k_x − h_X: the gain from escalating (escalation policies). */
  readonly escalationAfterViolation: number | null;
  /** Smallest ρ ≥ 0 at which every prescribed action is sequentially rational (ρ*). */
  readonly minReputationStake: number;
  readonly promiseCredible: boolean;
  readonly withholdCredible: boolean;
  readonly escalationCredible: boolean;
}

/**
 * Credibility of a conditional policy's promise, withholding and escalation given the
 * reputation cost ρ of departing from the announced rule (MODEL.md §2): keeping the promise is
 * credible iff its gain ≥ −ρ, withholding iff the gain from supporting anyway ≤ ρ, escalating iff
 * its gain ≥ −ρ. ρ* = max(0, −promise, support, −escalation) over the actions that can be called for.
 */
export function credibility(game: LeverageGame, outcome: PolicyOutcome): Credibility {
  const { clean, violation } = signalPosteriors(game, outcome);
  const supportGain = (p: SignalPosterior): number | null => {
    if (!p.unmet) return null;
    let value = game.supportNet;
    for (let j = 0; j < p.unmet.length; j++) value -= game.supportPenalty[j]! * p.unmet[j]!;
    return value;
  };
  const promise = supportGain(clean);
  const support = supportGain(violation);
  let escalation: number | null = null;
  const threat = outcome.policy.escalation;
  if (threat && violation.types) {
    escalation = -threat.costToSender - threat.sideEffects;
    for (let t = 0; t < violation.types.length; t++)
      escalation += violation.types[t]! * threat.benefit[t]!;
  }
  const rho = game.reputation;
  return {
    policyId: outcome.policy.id,
    afterClean: clean,
    afterViolation: violation,
    promiseAfterClean: promise,
    supportAfterViolation: support,
    escalationAfterViolation: escalation,
    minReputationStake: Math.max(0, -(promise ?? 0), support ?? 0, -(escalation ?? 0)),
    promiseCredible: promise === null || promise >= -rho,
    withholdCredible: support === null || support <= rho,
    escalationCredible: escalation === null || escalation >= -rho,
  };
}
