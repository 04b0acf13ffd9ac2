import { LinkageError } from "../../errors/LinkageError.js";
import {
  assertPolicyAutomaton,
  CLEAN,
  type PolicyAutomaton,
  transitionIndex,
  VIOLATION,
} from "../policyAutomaton.js";

/**
 * K(L), conditional support with punishments of L weeks (MODEL.md §3).
 *
 * States: 0 = supporting (s = 1); k = 1…L = withholding (s = 0) with k weeks of punishment
 * left. A violation in state 0 moves to state L (the one punitive step); from state k ≥ 1 the
 * automaton moves to k − 1 whatever the signal, because a violation observed while punishing
 * does not restart the count. So a violation in week t means no support in weeks t+1…t+L.
 * L = ∞ is grim trigger: a single absorbing punishment state 1. x = 0 throughout.
 *
 * Transitions: P(0 | 0, clean) = 1, P(L | 0, viol) = 1, P(k−1 | k, v) = 1 (finite L);
 * P(1 | 1, v) = 1 (L = ∞). Source: Green and Porter (1984) for punishment phases under
 * imperfect monitoring; the tables are dense, so memory grows as 2·(L+1)².
 *
 * @param weeks - L, a positive integer, or `Infinity` for grim trigger
 * @throws {LinkageError} E_DOMAIN when L is neither a positive integer nor `Infinity`
 * @example punishAutomaton(2).labels // => ["support", "punish (1 week left)", "punish (2 weeks left)"]
 */
export function punishAutomaton(weeks: number): PolicyAutomaton {
  const grim = weeks === Number.POSITIVE_INFINITY;
  if (!grim && !(Number.isInteger(weeks) && weeks >= 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `punishAutomaton requires L to be a positive integer or Infinity, got ${weeks}`,
    );
  }
  const L = grim ? 1 : weeks;
  const M = L + 1;
  const transition = new Float64Array(2 * M * M);
  const punitive = new Uint8Array(2 * M * M);
  transition[transitionIndex(M, 0, CLEAN, 0)] = 1;
  transition[transitionIndex(M, 0, VIOLATION, L)] = 1;
  punitive[transitionIndex(M, 0, VIOLATION, L)] = 1;
  for (let k = 1; k <= L; k++) {
    const next = grim ? k : k - 1;
    transition[transitionIndex(M, k, CLEAN, next)] = 1;
    transition[transitionIndex(M, k, VIOLATION, next)] = 1;
  }
  const support = new Float64Array(M);
  support[0] = 1;
  const labels = ["support"];
  for (let k = 1; k <= L; k++) {
    labels.push(grim ? "punish (forever)" : `punish (${k} week${k === 1 ? "" : "s"} left)`);
  }
  const automaton: PolicyAutomaton = {
    id: grim ? "K(∞)" : `K(${L})`,
    states: M,
    start: 0,
    labels,
    support,
    escalation: new Float64Array(M),
    transition,
    punitive,
  };
  assertPolicyAutomaton(automaton);
  return automaton;
}
