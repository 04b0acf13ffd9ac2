import { LinkageError } from "../../errors/LinkageError.js";
import { DEFAULT_LADDER } from "../../scenario/defaultLadder.js";
import {
  assertPolicyAutomaton,
  CLEAN,
  type PolicyAutomaton,
  transitionIndex,
  VIOLATION,
} from "../policyAutomaton.js";

/** One rung of an escalation ladder: what the sender does while on it. */
export interface LadderLevel {
  /** s ∈ [0, 1]. */
  readonly support: number;
  /** x ≥ 0. */
  readonly escalation: number;
  /** Shown in reports. @default `"level <m>"` */
  readonly label?: string;
}

export interface LadderOptions {
  /** The rung the sender starts on ("no support until compliance"). @default 1 */
  readonly start?: number;
  /** The rungs, from most supportive (0) to most escalated (M − 1). @default DEFAULT_LADDER */
  readonly levels?: readonly LadderLevel[];
}

/**
 * KE, conditional support plus an escalation ladder (MODEL.md §3).
 *
 * States m = 0…M−1 (M = 4 by default: 0 support, 1 withhold, 2 withhold + aid opposition with
 * x = 1, 3 withhold + strikes with x = 2). A violation climbs one rung, m → min(m + 1, M − 1);
 * a clean week descends one, m → max(m − 1, 0). Each climb is punitive (a withholding or
 * escalation step); descents and staying on the top or bottom rung are not.
 *
 * @param options - `start` (default 1) and `levels` (default {@link DEFAULT_LADDER})
 * @throws {LinkageError} E_DOMAIN when there are fewer than 2 levels, a level's s ∉ [0, 1] or
 *   x < 0, or `start` is not a rung
 * @example ladderAutomaton().escalation // => Float64Array [0, 0, 1, 2]
 */
export function ladderAutomaton({
  start = 1,
  levels = DEFAULT_LADDER,
}: LadderOptions = {}): PolicyAutomaton {
  const M = levels.length;
  if (M < 2) {
    throw new LinkageError("E_DOMAIN", `ladderAutomaton requires at least 2 levels, got ${M}`);
  }
  if (!Number.isInteger(start) || start < 0 || start >= M) {
    throw new LinkageError("E_DOMAIN", `ladderAutomaton: start ${start} is not a level 0…${M - 1}`);
  }
  const transition = new Float64Array(2 * M * M);
  const punitive = new Uint8Array(2 * M * M);
  for (let m = 0; m < M; m++) {
    const up = Math.min(m + 1, M - 1);
    transition[transitionIndex(M, m, CLEAN, Math.max(m - 1, 0))] = 1;
    transition[transitionIndex(M, m, VIOLATION, up)] = 1;
    if (up !== m) punitive[transitionIndex(M, m, VIOLATION, up)] = 1;
  }
  const automaton: PolicyAutomaton = {
    id: "KE",
    states: M,
    start,
    labels: levels.map((level, m) => level.label ?? `level ${m}`),
    support: Float64Array.from(levels, (level) => level.support),
    escalation: Float64Array.from(levels, (level) => level.escalation),
    transition,
    punitive,
  };
  assertPolicyAutomaton(automaton);
  return automaton;
}
