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
        perTypeDemand((t) => responseThresholds(game, o.policy, t, o.beliefs))!,
      ]),
    ),
    closedFormThresholds: Object.fromEntries(
      conditional.map((o) => [
        o.policy.id,
        perTypeDemand((t) => {
          const q = uniformBeliefs(game, o);
          return q && closedFormThresholds(game, o.policy, t, q.promise, q.threat);
        }),
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
    beliefs: game.beliefs,
    resolutePrior: game.beliefs === "equilibrium" ? game.resolutePrior : null,
  };
}

/**
 * q_R and q_X when the target's beliefs are the same after every choice that reaches each kind of
 * node and withholding is certain (MODEL.md §2's closed forms assume both); else null.
 */
function uniformBeliefs(
  game: LeverageGame,
  outcome: PolicyOutcome,
): { promise: number; threat: number } | null {
  if (!outcome.followThrough) return { promise: game.promiseBelief, threat: game.threatBelief };
  const eq = outcome.followThrough.equilibria[outcome.followThrough.selected]!;
  const of = (kind: string) => [
    ...new Set(eq.decisions.filter((d) => d.kind === kind).map((d) => d.belief)),
  ];
  const keep = of("keep");
  const withhold = of("withhold");
  const escalate = of("escalate");
  const refrain = of("refrain");
  if (keep.length > 1 || escalate.length > 1) return null;
  if (withhold.some((w) => w !== 1) || refrain.some((r) => r !== 1)) return null;
  return { promise: keep[0] ?? 1, threat: escalate[0] ?? 0 };
}

function equilibriaResult(
  game: LeverageGame,
  outcome: PolicyOutcome,
): PolicyResult["equilibria"] | undefined {
  const solution = outcome.followThrough;
  if (!solution) return undefined;
  const choices = 1 << game.demandIds.length;
  const choiceLabel = (a: number) =>
    game.demandIds.filter((_, j) => concedes(a, j)).join("+") || "none";
  return {
    selected: solution.selected,
    worst: solution.worst,
    list: solution.equilibria.map((eq) => ({
      senderValue: eq.senderValue,
      senderValueNormal: eq.senderValueNormal,
      senderValueResolute: eq.senderValueResolute,
      responses: record(game.typeIds, (_, t) => {
        const row: Record<string, number> = {};
        for (let a = 0; a < choices; a++) {
          const p = eq.responses[t * choices + a]!;
          if (p > 0) row[choiceLabel(a)] = p;
        }
        return row;
      }),
      followThrough: eq.decisions.map((d) => ({
        action: d.kind,
        signal: d.signal,
        observed: game.demandIds.filter((_, j) => game.observable[j] && concedes(d.observed, j)),
        normal: d.normal,
        belief: d.belief,
        gain: d.gain,
      })),
      mixed: eq.mixed,
    })),
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
    ...(outcome.followThrough ? { equilibria: equilibriaResult(game, outcome)! } : {}),
  };
}

function record<T>(
  keys: readonly string[],
  value: (key: string, index: number) => T,
): Record<string, T> {
  return Object.fromEntries(keys.map((k, i) => [k, value(k, i)]));
}
