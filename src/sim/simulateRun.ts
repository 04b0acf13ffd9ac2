import type { ExpressionRandom } from "../expression/ExpressionRandom.js";
import type { RandomStream } from "../math/randomStream.js";
import type { CompiledSimulation } from "./compileSimulation.js";
import type { PolicyRunModel } from "./policyRunModel.js";

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
  /** Share of weeks in which the prescribed action was sequentially rational given ρ. */
  sequentialRationality: number;
}

/**
 * One run of the weekly simulation CLG-W (MODEL.md §3) under one policy, for one draw of the
 * parameters and one target type. Each week, in this order:
 * 1. the automaton's state m gives support s and escalation x;
 * 2. the target draws its choice from its quantal response π_θ(· | m);
 * 3. the verification signal is drawn (violation for certain if an observable demand is unmet);
 * 4. the week's values and outputs are evaluated (attacks and fatalities drawn there);
 * 5. next week's state is computed from this week's, then replaces it;
 * 6. the sender updates its belief over types by Bayes' rule on the signal;
 * 7. the automaton moves on the signal (with execution noise already in its table).
 * All randomness comes from `rng`, in this order, so a run is reproducible from its stream.
 *
 * @param v - scratch value vector of length `compiled.size`, parameters already written
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
  const {
    automaton,
    states: M,
    actions: A,
    types: T,
    cumulative,
    pViolation,
    violationByState,
    choice,
  } = model;
  const nDemands = compiled.demandSlots.length;
  const nOutputs = compiled.outputSlots.length;
  const nSeries = compiled.seriesSlots.length;
  const nState = compiled.stateSlots.length;
  for (let k = 0; k < T; k++) v[compiled.typeSlots[k]!] = k === type ? 1 : 0;
  compiled.initial(v, random);
  const belief = Float64Array.from(typePrior);
  const outputs = out.outputs;
  outputs.fill(0);
  for (let o = 0; o < nOutputs; o++)
    if (compiled.outputAggregates[o] === "max") outputs[o] = Number.NEGATIVE_INFINITY;
  let m = automaton.start;
  let rationalWeeks = 0;
  const row = type * M;
  for (let t = 0; t < weeks; t++) {
    const s = automaton.support[m]!;
    const x = automaton.escalation[m]!;
    v[compiled.t] = t;
    v[compiled.s] = s;
    v[compiled.x] = x;
    v[compiled.mu] = belief[0]!;
    if (followsRationally(model, stakes, belief, m, s, x, nDemands)) rationalWeeks++;

    // the target's choice and the signal
    const u = rng.next();
    const base = (row + m) * A;
    let act = 0;
    while (act < A - 1 && u >= cumulative[base + act]!) act++;
    for (let j = 0; j < nDemands; j++) v[compiled.demandSlots[j]!] = (act >>> j) & 1;
    const violation = rng.next() < pViolation[act]! ? 1 : 0;
    v[compiled.violation] = violation;

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

    // Bayes on the signal
    let total = 0;
    for (let k = 0; k < T; k++) {
      const p = violationByState[k * M + m]!;
      belief[k]! *= violation ? p : 1 - p;
      total += belief[k]!;
    }
    if (total > 0) for (let k = 0; k < T; k++) belief[k]! /= total;
    else belief.set(typePrior);

    // the automaton moves
    const tr = (m * 2 + violation) * M;
    let r = rng.next();
    let next = 0;
    while (next < M - 1 && r >= automaton.transition[tr + next]!) {
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
  void choice;
}

/**
 * Is the automaton's prescription in state m sequentially rational this week, given the sender's
 * belief and the types' choice probabilities? Supporting gains h_S − k_s − Σ ℓ_j·P(a_j = 0) over
 * withholding; escalating x levels gains x·Σ_θ μ_θ·(b_x(θ) − k_x − h_X). A prescribed action is
 * rational when what it forgoes is at most ρ (MODEL.md §2's rule applied week by week).
 */
function followsRationally(
  model: PolicyRunModel,
  stakes: FollowThroughStakes,
  belief: Float64Array,
  m: number,
  s: number,
  x: number,
  nDemands: number,
): boolean {
  const { states: M, actions: A, types: T, choice } = model;
  let supportGain = stakes.supportNet;
  for (let j = 0; j < nDemands; j++) {
    const penalty = stakes.supportPenalty[j]!;
    if (penalty === 0) continue;
    let unmet = 0;
    for (let k = 0; k < T; k++) {
      const base = (k * M + m) * A;
      let p = 0;
      for (let a = 0; a < A; a++) if (((a >>> j) & 1) === 0) p += choice[base + a]!;
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
