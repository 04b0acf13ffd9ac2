import { LinkageError } from "../errors/LinkageError.js";
import type { ExpressionRandom } from "../expression/ExpressionRandom.js";
import type { RandomStream } from "../math/randomStream.js";
import type { CompiledSimulation } from "./compileSimulation.js";
import { backlogLevel, type PolicyRunModel, paidShare, writeChoiceRow } from "./policyRunModel.js";

/** The sender's one-shot stakes, for judging each week's prescribed action (MODEL.md §2–3). */
export interface FollowThroughStakes {
  /** h_S − k_s. */
  readonly supportNet: number;
  /** ℓ_j per demand. */
  readonly supportPenalty: Float64Array;
  /** ρ. */
  readonly reputation: number;
  /** b_x(θ) − k_x − h_X per type, per escalation level; `null` when the scenario has no threat. */
  readonly escalationGain: Float64Array | null;
}

/** Per-run results written by {@link simulateRun}. */
export interface RunBuffers {
  /** Aggregated outputs, one per `compiled.outputNames`. */
  readonly outputs: Float64Array;
  /** Weekly series values at `series·weeks + week` (Float32 to halve memory). */
  readonly series: Float32Array;
  /** μ_t, the sender's belief that the target is of type 0 at the start of week t. */
  readonly belief: Float64Array;
  /** Share of weeks in which the prescribed action was sequentially rational given ρ. */
  sequentialRationality: number;
}

/**
 * One run of the weekly simulation CLG-W (MODEL.md §3, docs/model.md) under one policy, for
 * one draw of the parameters and one target type. Each week, in this order:
 * 1. the automaton's state m gives support s and escalation x; the target's pressure P is
 *    evaluated from the state, and the backlog's level n from its stock;
 * 2. every type's choice probabilities π_θ(· | P, n, m) are read from the plan; the prescribed
 *    action is judged against the sender's belief at the start of the week;
 * 3. the target draws its choice from its own type's row (one uniform);
 * 4. each hidden demand's signal is drawn (one uniform each, in demand order); the week's
 *    `violation` is set when an observable live demand is unmet or a signal reads violation,
 *    and the automaton moves on the same restricted to the demands the policy watches; with
 *    per-demand payment, `s` becomes the support paid: s(m) times the share of watched demands
 *    seen met;
 * 5. the week's values and outputs are evaluated (attacks and fatalities drawn there);
 * 6. next week's state is computed from this week's, then replaces it; the backlog drains;
 * 7. the sender updates its belief over types by Bayes' rule on what it saw: the observable
 *    choices and the hidden signal;
 * 8. the automaton moves on the violation (with execution noise already in its table).
 * All randomness comes from `rng`, in this order, so a run is reproducible from its stream.
 *
 * @param v - scratch value vector of length `compiled.size`, parameters already written
 * @throws {LinkageError} E_DOMAIN when the pressure is not a finite number > 0
 */
export function simulateRun(
  compiled: CompiledSimulation,
  v: Float64Array,
  model: PolicyRunModel,
  type: number,
  typePrior: Float64Array,
  stakes: FollowThroughStakes,
  weeks: number,
  rng: RandomStream,
  random: ExpressionRandom,
  out: RunBuffers,
): void {
  const { automaton, actions: A, types: T, observableMask, watchedMask, backlog } = model;
  const { signalProbability } = model;
  const nDemands = compiled.demandSlots.length;
  const nOutputs = compiled.outputSlots.length;
  const nSeries = compiled.seriesSlots.length;
  const nState = compiled.stateSlots.length;
  for (let k = 0; k < T; k++) v[compiled.typeSlots[k]!] = k === type ? 1 : 0;
  compiled.initial(v, random);
  if (backlog) v[compiled.backlog] = backlog.initial;
  v[compiled.pressure] = 1;
  const belief = Float64Array.from(typePrior);
  const rows = new Float64Array(T * A);
  const outputs = out.outputs;
  outputs.fill(0);
  for (let o = 0; o < nOutputs; o++)
    if (compiled.outputAggregates[o] === "max") outputs[o] = Number.NEGATIVE_INFINITY;
  let m = automaton.start;
  let rationalWeeks = 0;
  const liveMask = (1 << nDemands) - 1;
  for (let t = 0; t < weeks; t++) {
    const s = automaton.support[m]!;
    const x = automaton.escalation[m]!;
    v[compiled.t] = t;
    v[compiled.s] = s;
    v[compiled.x] = x;
    v[compiled.mu] = belief[0]!;
    out.belief[t] = belief[0]!;
    let pressure = 1;
    if (compiled.pressureStep) {
      compiled.pressureStep(v, random);
      pressure = v[compiled.pressure]!;
      if (!(pressure > 0 && pressure < Number.POSITIVE_INFINITY)) {
        throw new LinkageError(
          "E_DOMAIN",
          `the target's pressure must be a finite number > 0, got ${pressure}`,
        );
      }
    }
    const level = backlog ? backlogLevel(model, v[compiled.backlog]!) : 0;
    const live = backlog && level === 0 ? liveMask & ~(1 << backlog.demand) : liveMask;
    for (let k = 0; k < T; k++) writeChoiceRow(model, k, pressure, level, m, rows, k * A);
    if (followsRationally(model, stakes, belief, rows, s, x, live)) rationalWeeks++;

    // the target's choice: one uniform, over the actions its plan gives positive probability
    const base = type * A;
    let total = 0;
    for (let a = 0; a < A; a++) total += rows[base + a]!;
    const u = rng.next() * total;
    let act = -1;
    let acc = 0;
    for (let a = 0; a < A; a++) {
      const p = rows[base + a]!;
      if (!(p > 0)) continue;
      act = a;
      acc += p;
      if (u < acc) break;
    }
    for (let j = 0; j < nDemands; j++) v[compiled.demandSlots[j]!] = (act >>> j) & 1;
    // what the sender sees: the observable choices, and each hidden demand's signal (one
    // uniform per hidden demand, in demand order); the automaton moves on the watched ones
    let signals = 0;
    for (let j = 0; j < nDemands; j++) {
      if ((observableMask >>> j) & 1) continue;
      if (rng.next() < signalProbability[act * nDemands + j]!) signals |= 1 << j;
    }
    const unmet = ~act & observableMask & live;
    v[compiled.violation] = signals !== 0 || unmet !== 0 ? 1 : 0;
    const violation = (signals & watchedMask) !== 0 || (unmet & watchedMask) !== 0 ? 1 : 0;
    if (model.perDemandPayment) v[compiled.s] = s * paidShare(model, act, live, signals);

    compiled.week(v, random);
    for (let o = 0; o < nOutputs; o++) {
      const aggregate = compiled.outputAggregates[o];
      const value = v[compiled.outputSlots[o]!]!;
      if (aggregate === "sum" || aggregate === "mean") outputs[o]! += value;
      else if (aggregate === "max" && value > outputs[o]!) outputs[o] = value;
    }
    for (let k = 0; k < nSeries; k++) out.series[k * weeks + t] = v[compiled.seriesSlots[k]!]!;

    compiled.next(v, random);
    for (let k = 0; k < nState; k++) v[compiled.stateSlots[k]!] = v[compiled.nextSlots[k]!]!;
    if (backlog) {
      const stock = v[compiled.backlog]!;
      const drain = (act >>> backlog.demand) & 1 ? backlog.conceded : backlog.otherwise;
      v[compiled.backlog] = Math.max(0, stock - drain);
    }

    // Bayes on what was seen: P(observable part of the choice, signals | θ)
    const seen = act & observableMask;
    let sum = 0;
    for (let k = 0; k < T; k++) {
      let likelihood = 0;
      for (let a = 0; a < A; a++) {
        if ((a & observableMask) !== seen) continue;
        let p = rows[k * A + a]!;
        for (let j = 0; j < nDemands; j++) {
          if ((observableMask >>> j) & 1) continue;
          const fires = signalProbability[a * nDemands + j]!;
          p *= (signals >>> j) & 1 ? fires : 1 - fires;
        }
        likelihood += p;
      }
      belief[k]! *= likelihood;
      sum += belief[k]!;
    }
    if (sum > 0) for (let k = 0; k < T; k++) belief[k]! /= sum;
    else belief.set(typePrior);

    // the automaton moves
    const tr = (m * 2 + violation) * automaton.states;
    let r = rng.next();
    let next = 0;
    while (next < automaton.states - 1 && r >= automaton.transition[tr + next]!) {
      r -= automaton.transition[tr + next]!;
      next++;
    }
    m = next;
  }
  compiled.final(v, random);
  for (let o = 0; o < nOutputs; o++) {
    const aggregate = compiled.outputAggregates[o];
    if (aggregate === "mean") outputs[o]! /= weeks;
    else if (aggregate === "final") outputs[o] = v[compiled.outputSlots[o]!]!;
  }
  out.sequentialRationality = rationalWeeks / weeks;
}

/**
 * Is the automaton's prescription this week sequentially rational (docs/model.md, "Sequential
 * rationality")? Judged with the sender's belief μ_t at the start of the week (before this
 * week's signal), the types' choice probabilities this week (`rows`), and only the sender's
 * own stakes: supporting gains h_S − k_s − Σ_j ℓ_j·P(a_j = 0) over withholding (live demands
 * only); escalating x levels gains x·Σ_θ μ_θ·(b_x(θ) − k_x − h_X). The prescription is rational
 * when what it forgoes against the other choice is at most ρ (MODEL.md §2's rule, week by week).
 */
function followsRationally(
  model: PolicyRunModel,
  stakes: FollowThroughStakes,
  belief: Float64Array,
  rows: Float64Array,
  s: number,
  x: number,
  live: number,
): boolean {
  const { actions: A, types: T } = model;
  let supportGain = stakes.supportNet;
  for (let j = 0; j < stakes.supportPenalty.length; j++) {
    const penalty = stakes.supportPenalty[j]!;
    if (penalty === 0 || ((live >>> j) & 1) === 0) continue;
    let unmet = 0;
    for (let k = 0; k < T; k++) {
      let p = 0;
      for (let a = 0; a < A; a++) if (((a >>> j) & 1) === 0) p += rows[k * A + a]!;
      unmet += belief[k]! * p;
    }
    supportGain -= penalty * unmet;
  }
  const rho = stakes.reputation;
  if (s * supportGain < -rho || (1 - s) * supportGain > rho) return false;
  if (x > 0 && stakes.escalationGain) {
    let gain = 0;
    for (let k = 0; k < T; k++) gain += belief[k]! * stakes.escalationGain[k]!;
    if (x * gain < -rho) return false;
  }
  return true;
}
