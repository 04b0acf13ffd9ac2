import type { LeverageGame } from "../games/leverageGame.js";
import { concedes } from "../games/targetChoice.js";
import { compileLeverageGame } from "../scenario/compileLeverageGame.js";
import { parameterValues } from "../scenario/parameterValues.js";
import type { Scenario } from "../scenario/Scenario.js";
import type { AnalysisResult, Concession, PolicyResult } from "./AnalysisResult.js";
import { closedFormThresholds } from "./closedFormThresholds.js";
import { credibility } from "./credibility.js";
import { bestPolicyIndex, type PolicyOutcome, policyOutcome } from "./policyOutcome.js";
import { responseThresholds } from "./responseThresholds.js";
import { findTippingPoints, type TippingPointOptions } from "./tippingPoints.js";

export interface AnalyzeOptions {
  /** Parameter values replacing the defaults (id → value), as `--set id=value`. @default {} */
  readonly overrides?: Readonly<Record<string, number>>;
  /** Compute the pivots (the slowest part). @default true */
  readonly pivots?: boolean;
  readonly pivotOptions?: TippingPointOptions;
}

/**
 * One-shot analysis of a scenario's game CLG-1 (MODEL.md §2): each type's best response under
 * each policy, both sides' expected payoffs, the sender's best policy, the sender's posteriors
 * and the credibility of its follow-through, the thresholds, and the pivots.
 *
 * @throws {LinkageError} E_INPUT for a bad override (unknown id, probability outside [0, 1])
 * @example analyze(loadScenario("scenarios/kabul-2021.yaml")).bestPolicy // => "KE"
 */
export function analyze(scenario: Scenario, options: AnalyzeOptions = {}): AnalysisResult {
  const { values, warnings } = parameterValues(scenario, options.overrides);
  const game = compileLeverageGame(scenario, values);
  const outcomes = game.policies.map((p) => policyOutcome(game, p));
  const best = bestPolicyIndex(outcomes);

  const focus =
    outcomes.find((o) => o.policy.kind === "conditional-escalation") ??
    outcomes.find((o) => o.policy.kind === "conditional");
  const cred = focus ? credibility(game, focus) : null;
  const byType = (p: Float64Array | null) => (p ? record(game.typeIds, (_, t) => p[t]!) : null);

  const conditional = outcomes.filter(
    (o) => o.policy.kind === "conditional" || o.policy.kind === "conditional-escalation",
  );
  const perTypeDemand = (f: (t: number) => Float64Array | null) => {
    const rows = game.typeIds.map((_, t) => f(t));
    if (rows.some((r) => r === null)) return null;
    return record(game.typeIds, (_, t) => record(game.demandIds, (_, j) => rows[t]![j]!));
  };

  return {
    scenario: scenario.id,
    title: scenario.title,
    parameters: record(
      scenario.parameters.map((p) => p.id),
      (_, i) => values[i]!,
    ),
    typePrior: record(game.typeIds, (_, t) => game.typePrior[t]!),
    policies: Object.fromEntries(outcomes.map((o) => [o.policy.id, policyResult(game, o)])),
    bestPolicy: game.policies[best]!.id,
    posteriors: {
      afterViolation: cred?.afterViolation.types?.[0] ?? null,
      afterClean: cred?.afterClean.types?.[0] ?? null,
    },
    posteriorType: cred ? game.typeIds[0]! : null,
    posteriorsByType: {
      afterViolation: byType(cred?.afterViolation.types ?? null),
      afterClean: byType(cred?.afterClean.types ?? null),
      violationProbability: cred ? cred.afterViolation.probability : null,
    },
    credibility: cred && {
      policy: cred.policyId,
      reputation: game.reputation,
      promiseAfterClean: cred.promiseAfterClean,
      supportAfterViolation: cred.supportAfterViolation,
      escalationAfterViolation: cred.escalationAfterViolation,
      minReputationStake: cred.minReputationStake,
      promiseCredible: cred.promiseCredible,
      withholdCredible: cred.withholdCredible,
      escalationCredible: cred.escalationCredible,
    },
    thresholds: Object.fromEntries(
      conditional.map((o) => [
        o.policy.id,
        perTypeDemand((t) => responseThresholds(game, o.policy, t))!,
      ]),
    ),
    closedFormThresholds: Object.fromEntries(
      conditional.map((o) => [
        o.policy.id,
        perTypeDemand((t) => closedFormThresholds(game, o.policy, t)),
      ]),
    ),
    pivots:
      options.pivots === false
        ? []
        : findTippingPoints(
            scenario,
            values,
            (v) => compileLeverageGame(scenario, v),
            options.pivotOptions,
          ),
    warnings,
  };
}

function policyResult(game: LeverageGame, outcome: PolicyOutcome): PolicyResult {
  return {
    label: outcome.policy.label,
    kind: outcome.policy.kind,
    senderValue: outcome.senderValue,
    targetValue: record(game.typeIds, (_, t) => outcome.targetValue[t]!),
    responses: record(game.typeIds, (_, t) =>
      record(game.demandIds, (_, j): Concession => (concedes(outcome.responses[t]!, j) ? 1 : 0)),
    ),
    violationProbability: record(game.typeIds, (_, t) => 1 - outcome.cleanProbability[t]!),
  };
}

function record<T>(
  keys: readonly string[],
  value: (key: string, index: number) => T,
): Record<string, T> {
  return Object.fromEntries(keys.map((k, i) => [k, value(k, i)]));
}
