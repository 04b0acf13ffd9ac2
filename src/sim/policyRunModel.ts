import { LinkageError } from "../errors/LinkageError.js";
import { prefersConceding, TARGET_TIE_TOLERANCE } from "../games/targetChoice.js";
import { quantityValue } from "../scenario/quantityValue.js";
import type { AutomatonSpec, Scenario } from "../scenario/Scenario.js";
import { generousTitForTatAutomaton } from "./automata/generousTitForTatAutomaton.js";
import { ladderAutomaton } from "./automata/ladderAutomaton.js";
import { punishAutomaton } from "./automata/punishAutomaton.js";
import { unconditionalAutomaton } from "./automata/unconditionalAutomaton.js";
import { withholdAutomaton } from "./automata/withholdAutomaton.js";
import type { PolicyAutomaton } from "./policyAutomaton.js";
import {
  MAX_BACKLOG_WEEKS,
  type PlanBacklog,
  solveTargetPlan,
  type TargetPlan,
} from "./targetPlan.js";
import { weeklyFollowThrough } from "./weeklyFollowThrough.js";
import { withExecutionNoise } from "./withExecutionNoise.js";
import { withReportingLag } from "./withReportingLag.js";

/**
 * Everything the weekly engine needs about one policy for one draw of the parameters: the
 * automaton as executed (with q), the target's plan per type against it as believed (with q̂),
 * and what the sender sees of each choice. Computed once per policy and parameter draw, never
 * per week.
 */
export interface PolicyRunModel {
  readonly automaton: PolicyAutomaton;
  /** M, A, T: automaton states, target actions (2^demands), types. */
  readonly states: number;
  readonly actions: number;
  readonly types: number;
  /** Backlog levels (1 without a backlog). */
  readonly levels: number;
  /** First week count of each backlog level (targetPlan's backlogLevelStarts). */
  readonly levelStarts: Int32Array;
  /** Whether the target's need for support moves with a weekly pressure P. */
  readonly pressure: boolean;
  /** λ_QR, for the choice probabilities at P ≠ 1. */
  readonly rationality: number;
  /** Q_θ(level, m, a) at P = 1 at `((θ·levels + level)·M + m)·A + a`; `dqValues` its derivative in P. */
  readonly qValues: Float64Array;
  readonly dqValues: Float64Array;
  /** π_θ(a | level, m) at P = 1, same layout. */
  readonly choice: Float64Array;
  /** P(some hidden demand's signal reads violation | a): the week's `violation` without the observable part. */
  readonly pHiddenSignal: Float64Array;
  /** P(some hidden demand the policy watches signals violation | a): what moves the automaton besides unmet watched observable demands. */
  readonly pWatchedSignal: Float64Array;
  /** P(hidden demand j's signal reads violation | a) at `a * demands + j` (0 for observable demands). */
  readonly signalProbability: Float64Array;
  /** Bit mask of the observable demands: the part of a choice the sender sees directly. */
  readonly observableMask: number;
  /** Bit mask of the demands the policy conditions on (its violations move the automaton). */
  readonly watchedMask: number;
  /** Whether support is paid per demand seen met (tranches) rather than whole. */
  readonly perDemandPayment: boolean;
  /** The used-up demand, its initial stock and its drain per week (conceded, otherwise); null when none. */
  readonly backlog: {
    readonly demand: number;
    readonly initial: number;
    readonly conceded: number;
    readonly otherwise: number;
  } | null;
  /** Believed q̂ and executed q, kept for reports. */
  readonly q: number;
  readonly qBelieved: number;
}

/**
 * The backlog level of a stock B: the level ({@link backlogLevelStarts}) holding ⌈B / cap⌉
 * weeks of conceding left; 0 once empty.
 */
export function backlogLevel(model: PolicyRunModel, stock: number): number {
  const backlog = model.backlog;
  if (!backlog || !(stock > 0)) return 0;
  const weeks = Math.ceil(stock / backlog.conceded);
  const starts = model.levelStarts;
  let level = model.levels - 1;
  while (level > 0 && starts[level]! > weeks) level--;
  return level;
}

/**
 * Writes π_θ(· | pressure P, level, m) into `out[offset … offset + A)`: the plan's choice at
 * P = 1, else softmax(λ·[Q + (P − 1)·dQ/dP]) (targetPlan's first-order pressure; the
 * tie-broken best response when λ = ∞).
 */
export function writeChoiceRow(
  model: PolicyRunModel,
  type: number,
  pressure: number,
  level: number,
  m: number,
  out: Float64Array,
  offset: number,
): void {
  const { levels, states: M, actions: A, choice } = model;
  const at = ((type * levels + level) * M + m) * A;
  if (!model.pressure || pressure === 1) {
    for (let a = 0; a < A; a++) out[offset + a] = choice[at + a]!;
    return;
  }
  const { qValues: q, dqValues: dq, rationality: lambda } = model;
  const shift = pressure - 1;
  let max = Number.NEGATIVE_INFINITY;
  let best = -1;
  for (let a = 0; a < A; a++) {
    const value = q[at + a]! + shift * dq[at + a]!;
    out[offset + a] = value;
    if (value > max) max = value;
  }
  if (lambda === Number.POSITIVE_INFINITY) {
    const tol = TARGET_TIE_TOLERANCE * Math.max(1, Math.abs(max));
    for (let a = 0; a < A; a++)
      if (out[offset + a]! >= max - tol && (best < 0 || prefersConceding(a, best))) best = a;
    for (let a = 0; a < A; a++) out[offset + a] = a === best ? 1 : 0;
    return;
  }
  let sum = 0;
  for (let a = 0; a < A; a++) {
    const w = Math.exp(lambda * (out[offset + a]! - max));
    out[offset + a] = w;
    sum += w;
  }
  for (let a = 0; a < A; a++) out[offset + a] = out[offset + a]! / sum;
}

/** The automaton of a policy for given parameter values. */
export function automatonFor(
  spec: AutomatonSpec,
  values: ArrayLike<number>,
  policyId: string,
): PolicyAutomaton {
  const v = (q: Parameters<typeof quantityValue>[0]) => quantityValue(q, values);
  switch (spec.kind) {
    case "unconditional":
      return unconditionalAutomaton();
    case "withhold":
      return withholdAutomaton();
    case "punish": {
      const weeks = v(spec.weeks);
      if (!(weeks === Number.POSITIVE_INFINITY || (Number.isInteger(weeks) && weeks >= 1))) {
        throw new LinkageError(
          "E_INPUT",
          `policy ${policyId}: punishment weeks must be a whole number ≥ 1 or inf, found ${weeks}`,
        );
      }
      return punishAutomaton(weeks);
    }
    case "ladder":
      return ladderAutomaton({
        start: spec.start,
        levels: spec.levels.map((l) => ({
          support: v(l.support),
          escalation: v(l.escalation),
          label: l.label,
        })),
      });
    case "generous-tit-for-tat":
      return generousTitForTatAutomaton(v(spec.forgiveness));
  }
}

/**
 * Builds the {@link PolicyRunModel} of policy `policyIndex` for parameter values `values`:
 * the target's plan per type (MODEL.md §3, docs/model.md) by {@link solveTargetPlan}.
 */
export function buildPolicyRunModel(
  scenario: Scenario,
  values: ArrayLike<number>,
  policyIndex: number,
): PolicyRunModel {
  const dynamics = scenario.dynamics!;
  const policy = scenario.policies[policyIndex]!;
  const v = (q: Parameters<typeof quantityValue>[0]) => quantityValue(q, values);
  const base = automatonFor(policy.automaton, values, policy.id);
  // with equilibrium beliefs, the follow-through the one-shot equilibrium makes credible
  const follow = weeklyFollowThrough(scenario, values, policyIndex);
  const q = v(dynamics.execution.probability) * follow;
  const qBelieved = v(dynamics.execution.believed) * follow;
  // noise first: a step not carried out stays put, while a reporting lag's delay line still shifts
  const automaton = withReportingLag(withExecutionNoise(base, q), policy.reportingLag);
  const believed = withReportingLag(withExecutionNoise(base, qBelieved), policy.reportingLag);
  const target = dynamics.target;
  const types = scenario.target.types.length;
  const observable = scenario.demands.map((d) => d.observable);
  const watched = policy.conditions;
  const payment = policy.payment;
  const falsePositive = Float64Array.from(target.falsePositive, v);
  const detection = Float64Array.from(target.detection, v);
  let backlog: PolicyRunModel["backlog"] = null;
  let planBacklog: PlanBacklog | null = null;
  if (target.backlog) {
    const spec = target.backlog;
    const initial = v(spec.initial);
    const conceded = v(spec.conceded);
    const otherwise = v(spec.otherwise);
    const where = `dynamics.target.backlog of ${scenario.source}`;
    if (!(conceded > 0 && conceded < Infinity))
      throw new LinkageError(
        "E_DOMAIN",
        `${where}: conceded must be a finite number > 0, found ${conceded}`,
      );
    if (!(otherwise >= 0 && otherwise < Infinity))
      throw new LinkageError(
        "E_DOMAIN",
        `${where}: otherwise must be a finite number ≥ 0, found ${otherwise}`,
      );
    if (!(initial >= 0 && initial < Infinity))
      throw new LinkageError(
        "E_DOMAIN",
        `${where}: initial must be a finite number ≥ 0, found ${initial}`,
      );
    backlog = { demand: spec.demand, initial, conceded, otherwise };
    planBacklog = {
      demand: spec.demand,
      weeks: Math.min(MAX_BACKLOG_WEEKS, Math.ceil(initial / conceded)),
      leakChance: Math.min(1, otherwise / conceded),
    };
  }
  let plan: TargetPlan | null = null;
  let qValues = new Float64Array(0);
  let dqValues = qValues;
  let choice = qValues;
  const rationality = v(target.rationality);
  for (let type = 0; type < types; type++) {
    const solved = solveTargetPlan({
      automaton: believed,
      costs: Float64Array.from(target.costs, (perType) => v(perType[type]!)),
      observable,
      falsePositive,
      detection,
      supportValue: v(target.supportValue),
      escalationCost: v(target.escalationCost),
      substitution: v(target.substitution),
      discount: v(target.discount),
      rationality,
      backlog: planBacklog,
      pressure: target.pressure !== null,
      watched,
      payment,
    });
    const size = solved.choice.length;
    if (!plan) {
      plan = solved;
      qValues = new Float64Array(types * size);
      dqValues = new Float64Array(types * size);
      choice = new Float64Array(types * size);
    }
    qValues.set(solved.q, type * size);
    dqValues.set(solved.dq, type * size);
    choice.set(solved.choice, type * size);
  }
  let observableMask = 0;
  let watchedMask = 0;
  observable.forEach((o, j) => {
    if (o) observableMask |= 1 << j;
    if (watched[j]) watchedMask |= 1 << j;
  });
  // each hidden demand's own signal, and the chance that any of them fires, per choice
  const n = observable.length;
  const A = plan!.actions;
  const signalProbability = new Float64Array(A * n);
  const pHiddenSignal = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    let pClean = 1;
    for (let j = 0; j < n; j++) {
      if (observable[j]) continue;
      const clean = (a >>> j) & 1 ? 1 - falsePositive[j]! : 1 - detection[j]!;
      signalProbability[a * n + j] = 1 - clean;
      pClean *= clean;
    }
    pHiddenSignal[a] = 1 - pClean;
  }
  return {
    automaton,
    states: plan!.states,
    actions: plan!.actions,
    types,
    levels: plan!.levels,
    levelStarts: plan!.levelStarts,
    pressure: target.pressure !== null,
    rationality,
    qValues,
    dqValues,
    choice,
    pHiddenSignal,
    pWatchedSignal: plan!.pHiddenSignal,
    signalProbability,
    observableMask,
    watchedMask,
    perDemandPayment: payment === "per-demand",
    backlog,
    q,
    qBelieved,
  };
}

/**
 * The share of the support paid this week under per-demand payment: the mean over the watched
 * demands of "seen met" — an observable demand conceded, a hidden one whose signal stayed clean
 * (bit j of `signals` clear), a used-up demand (not in `live`) always. With `signals` null, its
 * expectation over the hidden signals given the choice (the target's view, the mean field's).
 * 1 under whole payment.
 */
export function paidShare(
  model: PolicyRunModel,
  act: number,
  live: number,
  signals: number | null,
): number {
  if (!model.perDemandPayment) return 1;
  const { watchedMask, observableMask, signalProbability } = model;
  const n = signalProbability.length / model.actions;
  let met = 0;
  let count = 0;
  for (let j = 0; watchedMask >>> j !== 0; j++) {
    const bit = 1 << j;
    if ((watchedMask & bit) === 0) continue;
    count++;
    if ((live & bit) === 0) met++;
    else if (observableMask & bit) met += (act >>> j) & 1;
    else if (signals === null) met += 1 - signalProbability[act * n + j]!;
    else met += (signals & bit) === 0 ? 1 : 0;
  }
  return met / count;
}
