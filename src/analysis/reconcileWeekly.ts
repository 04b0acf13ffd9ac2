import { parameterNamer } from "../scenario/parameterName.js";
import { quantityValue } from "../scenario/quantityValue.js";
import type { Quantity, Scenario } from "../scenario/Scenario.js";
import { meanField } from "../sim/meanField.js";
import type { AnalysisResult } from "./AnalysisResult.js";

/** One step from the weekly model towards the one-shot game, and the shares it gives. */
export interface ReconciliationStep {
  /** What the step changes, in words. */
  readonly change: string;
  /** Per demand: the share of weeks it is conceded (mean field, all types). */
  readonly shares: Record<string, number>;
}

/**
 * One-shot and weekly reconciled (issue 17, point 5): the share of the target conceding each
 * demand that the one-shot responses imply (Σ_θ μ_θ·a_j(θ)), against the weekly model's share of
 * weeks at the same parameter values, and the steps that close the gap one at a time: the weekly
 * model as it is; with near-exact best responses instead of the quantal response; with the
 * one-shot verification rates instead of the weekly ones. What remains is repeated play itself
 * (punishment length, learning, the backlog running out, ISKP pressure).
 */
export interface WeeklyReconciliation {
  readonly policy: string;
  /** The demands compared: those with an output that is the weekly mean of their choice. */
  readonly demands: readonly string[];
  readonly oneShot: Record<string, number>;
  readonly steps: readonly ReconciliationStep[];
}

/** Rationality used as "near-exact best responses" (a logit precision; the flagship's is 4). */
const NEAR_BEST_RESPONSE = 1000;

/**
 * Computes {@link WeeklyReconciliation} for `policy` (mean field, parameters at `overrides`' values).
 * Steps whose quantity is a constant in the scenario (no parameter to set) are left out. Null when
 * the scenario has no dynamics, the policy has no one-shot form, or no output is the weekly mean of
 * a demand's choice.
 */
export function reconcileWeekly(
  scenario: Scenario,
  analysis: AnalysisResult,
  policy: string,
  overrides: Readonly<Record<string, number>>,
  values: ArrayLike<number>,
): WeeklyReconciliation | null {
  const dynamics = scenario.dynamics;
  const oneShot = analysis.policies[policy];
  if (!dynamics || !oneShot) return null;
  const outputs = new Map<string, string>();
  for (const o of dynamics.outputs) {
    const text = o.expression.text.trim();
    if (o.aggregate === "mean" && scenario.demands.some((d) => d.id === text))
      outputs.set(text, o.name);
  }
  const demands = scenario.demands.map((d) => d.id).filter((id) => outputs.has(id));
  if (demands.length === 0) return null;
  const typeIds = Object.keys(analysis.typePrior);
  const implied: Record<string, number> = {};
  for (const j of demands) {
    implied[j] = typeIds.reduce(
      (sum, t) => sum + analysis.typePrior[t]! * (oneShot.responses[t]![j] ?? 0),
      0,
    );
  }
  const shares = (set: Record<string, number>) => {
    const result = meanField(scenario, { policies: [policy], overrides: { ...overrides, ...set } });
    const out = result.policies[policy]!.outcomes;
    return Object.fromEntries(demands.map((j) => [j, out[outputs.get(j)!]!.mean]));
  };
  const parameterOf = (q: Quantity) =>
    q.kind === "parameter" ? scenario.parameters[q.index]!.id : null;
  const steps: ReconciliationStep[] = [
    {
      change: `the ${dynamics.step.adjective} model at the parameters' values`,
      shares: shares({}),
    },
  ];
  const cumulative: Record<string, number> = {};
  const rationality = parameterOf(dynamics.target.rationality);
  if (rationality) {
    cumulative[rationality] = NEAR_BEST_RESPONSE;
    steps.push({
      change: `with near-exact best responses (rationality ${NEAR_BEST_RESPONSE} instead of ${quantityValue(dynamics.target.rationality, values)})`,
      shares: shares(cumulative),
    });
  }
  const signals: string[] = [];
  const parameterName = parameterNamer(scenario);
  scenario.demands.forEach((d, j) => {
    if (d.observable) return;
    for (const [weekly, once] of [
      [dynamics.target.falsePositive[j]!, d.falsePositive],
      [dynamics.target.detection[j]!, d.detection],
    ] as const) {
      const id = parameterOf(weekly);
      const target = quantityValue(once, values);
      if (id && quantityValue(weekly, values) !== target) {
        cumulative[id] = target;
        signals.push(`${parameterName(id)} ${quantityValue(weekly, values)} → ${target}`);
      }
    }
  });
  if (signals.length > 0) {
    steps.push({
      change: `and with the one-shot verification rates (${signals.join(", ")})`,
      shares: shares(cumulative),
    });
  }
  return { policy, demands, oneShot: implied, steps };
}
