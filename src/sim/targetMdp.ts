import { LinkageError } from "../errors/LinkageError.js";
import { concedes } from "../games/targetChoice.js";
import { MAX_DEMANDS } from "../scenario/build/buildDemands.js";
import type { PolicyAutomaton } from "./policyAutomaton.js";

/**
 * One target type's Markov decision problem against one sender automaton (MODEL.md §3).
 *
 * States are the automaton's states (M = `states`), actions are the 2^n choices over the n
 * demands as bit masks (bit j set = demand j conceded; A = `actions`). The action affects the
 * next state only through the probability of a violation signal, so the transition is kept
 * in the automaton's layout: P(m2 | m, a) = (1 − p_a)·P(m2 | m, clean) + p_a·P(m2 | m, viol).
 */
export interface TargetMdp {
  /** M, the number of automaton states. */
  readonly states: number;
  /** A = 2^n, the number of demand choices. */
  readonly actions: number;
  /** u(m, a) at `m * A + a`. */
  readonly reward: Float64Array;
  /** p_a = P(violation signal | a), length A. */
  readonly pViolation: Float64Array;
  /**
   * P(a watched hidden demand's signal reads violation | a), length A (p_a is 1 when a watched
   * observable demand is unmet, else this).
   */
  readonly pHiddenSignal: Float64Array;
  /** P(m2 | m, v) at `(m * 2 + v) * M + m2` (a copy of the believed automaton's table). */
  readonly transition: Float64Array;
  /**
   * E[share of the support paid | a], length A: 1 for every action when support is paid whole;
   * with per-demand payment, the mean over the watched demands of P(seen met | a).
   */
  readonly supportShare: Float64Array;
}

export interface TargetMdpInput {
  /** The automaton as the target believes it (apply `withExecutionNoise(·, q̂)` first). */
  readonly automaton: PolicyAutomaton;
  /** c_j, this type's weekly cost of conceding demand j (length n ≥ 1). */
  readonly costs: Float64Array;
  /** Whether demand j is observable (an unmet observable demand is a certain violation). */
  readonly observable: readonly boolean[];
  /** α_j, weekly false-positive rate of hidden demand j's signal (ignored when observable). */
  readonly falsePositive: Float64Array;
  /** β_j, weekly detection rate of hidden demand j's signal (ignored when observable). */
  readonly detection: Float64Array;
  /** g_w, the weekly value of full support to this type. */
  readonly supportValue: number;
  /** d_w, the weekly cost of one escalation level to this type. */
  readonly escalationCost: number;
  /** σ ∈ [0, 1], the share of the support's value substitutes replace while it is withheld. @default 0 */
  readonly substitution?: number;
  /**
   * Index of a demand whose backlog is used up (−1: none): it costs nothing, counts as met for
   * the signal, and the actions conceding it are unavailable (reward −∞). @default −1
   */
  readonly exhausted?: number;
  /**
   * Whether the policy conditions on demand j (its unmet or signalled demands move the
   * automaton, and only they are paid for). @default every demand
   */
  readonly watched?: readonly boolean[];
  /**
   * `whole`: the automaton's support level is paid; `per-demand`: it is paid in tranches, the
   * share of the watched demands seen met. @default "whole"
   */
  readonly payment?: "whole" | "per-demand";
}

/**
 * Builds the target's MDP for one type against one automaton (MODEL.md §3, CLG-W).
 *
 * Weekly flow: u(m, a) = −Σ_j c_j·a_j + g_w·[s(m) + σ·(1 − s(m))] − d_w·x(m): while support is
 * withheld, substitutes supply the share σ of its value (MODEL.md §1–2), so the carrot is worth
 * g_w·(1 − σ) a week.
 * Violation probability, over the demands the policy watches (conditions on): p_a = 1 if
 * a_j = 0 for some watched observable j, otherwise
 *   p_a = 1 − Π_{watched hidden j} (a_j ? 1 − α_j : 1 − β_j)   (independent signals per hidden demand).
 * Per-demand payment (tranches): the support paid is s(m)·share, share the mean over the
 * watched demands of "seen met" (observable: a_j; hidden: a clean signal), so the flow uses
 * E[share | a] = mean_j (observable ? a_j : a_j ? 1 − α_j : 1 − β_j) in place of 1, a used-up
 * demand counting as met.
 * Source: MODEL.md §3; the signal model is the inspection-game one of Avenhaus, von Stengel and
 * Zamir (2002).
 *
 * @throws {LinkageError} E_DOMAIN when n < 1 or n > {@link MAX_DEMANDS}, the per-demand arrays
 *   differ in length, a cost, g_w or d_w is not finite, or a hidden demand's α or β ∉ [0, 1]
 * @example
 * // one observable demand costing 0.3 against U: u(0, ·) = [1, 0.7], p = [1, 0]
 * buildTargetMdp({ automaton: unconditionalAutomaton(), costs: Float64Array.of(0.3),
 *   observable: [true], falsePositive: Float64Array.of(0), detection: Float64Array.of(1),
 *   supportValue: 1, escalationCost: 0 }).reward // => Float64Array [1, 0.7]
 */
export function buildTargetMdp({
  automaton,
  costs,
  observable,
  falsePositive,
  detection,
  supportValue,
  escalationCost,
  substitution = 0,
  exhausted = -1,
  watched,
  payment = "whole",
}: TargetMdpInput): TargetMdp {
  const n = costs.length;
  const fail = (what: string): never => {
    throw new LinkageError("E_DOMAIN", `buildTargetMdp: ${what}`);
  };
  if (n < 1 || n > MAX_DEMANDS) fail(`needs 1 to ${MAX_DEMANDS} demands, got ${n}`);
  if (
    observable.length !== n ||
    falsePositive.length !== n ||
    detection.length !== n ||
    (watched !== undefined && watched.length !== n)
  ) {
    fail(`costs, observable, falsePositive, detection and watched must all have length ${n}`);
  }
  const watches = (j: number) => watched === undefined || watched[j] === true;
  let paidCount = 0;
  for (let j = 0; j < n; j++) if (watches(j)) paidCount++;
  if (payment === "per-demand" && paidCount === 0)
    fail("per-demand payment needs at least one watched demand");
  if (!Number.isFinite(supportValue)) fail(`supportValue must be finite, got ${supportValue}`);
  if (!Number.isFinite(escalationCost))
    fail(`escalationCost must be finite, got ${escalationCost}`);
  if (!(substitution >= 0 && substitution <= 1))
    fail(`substitution must be in [0, 1], got ${substitution}`);
  if (!(Number.isInteger(exhausted) && exhausted >= -1 && exhausted < n))
    fail(`exhausted must be −1 or a demand index below ${n}, got ${exhausted}`);
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(costs[j]!)) fail(`cost of demand ${j} is ${costs[j]}`);
    if (observable[j]) continue;
    const a = falsePositive[j]!;
    const b = detection[j]!;
    if (!(a >= 0 && a <= 1)) fail(`falsePositive of demand ${j} is ${a}, not in [0, 1]`);
    if (!(b >= 0 && b <= 1)) fail(`detection of demand ${j} is ${b}, not in [0, 1]`);
  }

  const M = automaton.states;
  const A = 1 << n;
  const cost = new Float64Array(A);
  const pViolation = new Float64Array(A);
  const pHiddenSignal = new Float64Array(A);
  const supportShare = new Float64Array(A).fill(1);
  for (let a = 0; a < A; a++) {
    let c = 0;
    let unmet = false;
    let pClean = 1;
    let seenMet = 0;
    for (let j = 0; j < n; j++) {
      const conceded = concedes(a, j);
      if (j === exhausted) {
        if (conceded) c = Number.NEGATIVE_INFINITY;
        if (watches(j)) seenMet += 1;
        continue;
      }
      if (conceded) c += costs[j]!;
      const pMet = observable[j]
        ? conceded
          ? 1
          : 0
        : conceded
          ? 1 - falsePositive[j]!
          : 1 - detection[j]!;
      if (!watches(j)) continue;
      seenMet += pMet;
      if (observable[j]) {
        if (!conceded) unmet = true;
      } else pClean *= pMet;
    }
    cost[a] = c === Number.NEGATIVE_INFINITY ? Number.POSITIVE_INFINITY : c;
    pHiddenSignal[a] = 1 - pClean;
    pViolation[a] = unmet ? 1 : 1 - pClean;
    if (payment === "per-demand") supportShare[a] = seenMet / paidCount;
  }
  const reward = new Float64Array(M * A);
  for (let m = 0; m < M; m++) {
    const s = automaton.support[m]!;
    const threat = escalationCost * automaton.escalation[m]!;
    for (let a = 0; a < A; a++) {
      const paid = s * supportShare[a]!;
      reward[m * A + a] = supportValue * (paid + substitution * (1 - paid)) - threat - cost[a]!;
    }
  }
  return {
    states: M,
    actions: A,
    reward,
    pViolation,
    pHiddenSignal,
    transition: automaton.transition.slice(),
    supportShare,
  };
}
