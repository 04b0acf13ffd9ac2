import { LinkageError } from "../errors/LinkageError.js";

/** The weekly verification signal: `CLEAN` (0) or `VIOLATION` (1). */
export type WeeklySignal = 0 | 1;
/** No violation was flagged this week. */
export const CLEAN = 0;
/** A violation was flagged this week (an unmet observable demand, or a hidden-demand signal). */
export const VIOLATION = 1;

/** Rows of an automaton's transition table may miss summing to 1 by at most this much. */
export const STOCHASTIC_TOLERANCE = 1e-12;

/**
 * A sender policy as a finite automaton on the weekly signal (MODEL.md §3, CLG-W).
 *
 * Plain data on typed arrays, so it can be structured-cloned into workers. With M = `states`:
 * - `support[m]` = s(m) ∈ [0, 1] and `escalation[m]` = x(m) ≥ 0 are what the sender does while
 *   in state m;
 * - `transition[(m * 2 + v) * M + m2]` = P(m2 | m, v) for v ∈ {CLEAN, VIOLATION}: each
 *   (m, v) row is a probability vector;
 * - `punitive` has the same layout and is 1 where moving from m to m2 on v is a prescribed
 *   withholding or escalation step (the steps that execution noise can fail to carry out,
 *   see `withExecutionNoise`); a punitive entry always moves (m2 ≠ m).
 */
export interface PolicyAutomaton {
  /** Short name, e.g. `"K(4)"`, `"GT(0.333)"`. */
  readonly id: string;
  /** M, the number of states. */
  readonly states: number;
  /** The state the sender starts in. */
  readonly start: number;
  /** One human-readable label per state. */
  readonly labels: readonly string[];
  /** s(m) ∈ [0, 1], length M. */
  readonly support: Float64Array;
  /** x(m) ≥ 0, length M. */
  readonly escalation: Float64Array;
  /** P(m2 | m, v) at `(m * 2 + v) * M + m2`, length 2·M². */
  readonly transition: Float64Array;
  /** 1 where the (m, v, m2) move is a withholding or escalation step, same layout as `transition`. */
  readonly punitive: Uint8Array;
}

/**
 * Index of P(m2 | m, v) in an automaton's `transition` (and `punitive`) arrays:
 * (m·2 + v)·M + m2.
 *
 * @example transitionIndex(3, 1, VIOLATION, 2) // => 11
 */
export function transitionIndex(states: number, m: number, v: WeeklySignal, m2: number): number {
  return (m * 2 + v) * states + m2;
}

/**
 * Checks that `automaton` is well formed: array lengths match `states`, s(m) ∈ [0, 1],
 * x(m) ≥ 0 and finite, every (m, v) row of `transition` is a probability vector (entries ≥ 0,
 * sum within {@link STOCHASTIC_TOLERANCE} of 1), `punitive` flags are 0/1 and only on moves.
 *
 * @throws {LinkageError} E_DOMAIN naming the first broken rule
 * @example assertPolicyAutomaton(punishAutomaton(2)) // passes silently
 */
export function assertPolicyAutomaton(automaton: PolicyAutomaton): void {
  const { id, states: M, start, labels, support, escalation, transition, punitive } = automaton;
  const fail = (what: string): never => {
    throw new LinkageError("E_DOMAIN", `policy automaton ${id}: ${what}`);
  };
  if (!Number.isInteger(M) || M < 1) fail(`states must be a positive integer, got ${M}`);
  if (!Number.isInteger(start) || start < 0 || start >= M) fail(`start ${start} is not a state`);
  if (labels.length !== M) fail(`has ${labels.length} labels for ${M} states`);
  if (support.length !== M || escalation.length !== M) fail("support/escalation length ≠ states");
  if (transition.length !== 2 * M * M || punitive.length !== 2 * M * M) {
    fail(`transition/punitive must have length 2·M² = ${2 * M * M}`);
  }
  for (let m = 0; m < M; m++) {
    const s = support[m]!;
    const x = escalation[m]!;
    if (!(s >= 0 && s <= 1)) fail(`support s(${m}) = ${s} is not in [0, 1]`);
    if (!(x >= 0 && Number.isFinite(x))) fail(`escalation x(${m}) = ${x} is not finite and ≥ 0`);
    for (const v of [CLEAN, VIOLATION] as const) {
      let sum = 0;
      for (let m2 = 0; m2 < M; m2++) {
        const k = transitionIndex(M, m, v, m2);
        const p = transition[k]!;
        if (!(p >= 0 && p <= 1)) fail(`P(${m2} | ${m}, ${v}) = ${p} is not a probability`);
        sum += p;
        const flag = punitive[k]!;
        if (flag > 1) fail(`punitive flag at (${m}, ${v}, ${m2}) is ${flag}, expected 0 or 1`);
        if (flag === 1 && m2 === m) fail(`punitive flag on the self-loop (${m}, ${v}, ${m})`);
      }
      if (Math.abs(sum - 1) > STOCHASTIC_TOLERANCE) {
        fail(`transition row (${m}, ${v}) sums to ${sum}, expected 1`);
      }
    }
  }
}
