import { LinkageError } from "../../errors/LinkageError.js";
import {
  assertPolicyAutomaton,
  CLEAN,
  type PolicyAutomaton,
  transitionIndex,
  VIOLATION,
} from "../policyAutomaton.js";

/** GT's support levels, one per state. */
const GT_SUPPORT = [0, 0.25, 0.5, 0.75, 1] as const;

/**
 * GT(g), graduated generous tit-for-tat (MODEL.md §3).
 *
 * States m = 0…4 with support s(m) = m/4 ∈ {0, .25, .5, .75, 1} and x = 0; start at full
 * support (m = 4). A clean week raises support one step, m → min(m + 1, 4); a violation lowers
 * it one step, m → max(m − 1, 0), except that with probability g (forgiveness) nothing changes:
 * P(m − 1 | m, viol) = 1 − g and P(m | m, viol) = g for m ≥ 1. The step down is punitive.
 * Source: Nowak and Sigmund (1992), generous tit-for-tat, here graduated over support levels.
 *
 * @param forgiveness - g ∈ [0, 1]
 * @throws {LinkageError} E_DOMAIN when g ∉ [0, 1]
 * @example generousTitForTatAutomaton(1 / 3).transition[(4 * 2 + 1) * 5 + 3] // => 0.666…
 */
export function generousTitForTatAutomaton(forgiveness: number): PolicyAutomaton {
  const g = forgiveness;
  if (!(g >= 0 && g <= 1)) {
    throw new LinkageError("E_DOMAIN", `generousTitForTatAutomaton requires g in [0, 1], got ${g}`);
  }
  const M = GT_SUPPORT.length;
  const transition = new Float64Array(2 * M * M);
  const punitive = new Uint8Array(2 * M * M);
  for (let m = 0; m < M; m++) {
    transition[transitionIndex(M, m, CLEAN, Math.min(m + 1, M - 1))] = 1;
    if (m === 0) {
      transition[transitionIndex(M, m, VIOLATION, m)] = 1;
    } else {
      transition[transitionIndex(M, m, VIOLATION, m)] = g;
      transition[transitionIndex(M, m, VIOLATION, m - 1)] = 1 - g;
      punitive[transitionIndex(M, m, VIOLATION, m - 1)] = 1;
    }
  }
  const automaton: PolicyAutomaton = {
    id: `GT(${Number(g.toFixed(3))})`,
    states: M,
    start: M - 1,
    labels: GT_SUPPORT.map((s) => `support ${s}`),
    support: Float64Array.from(GT_SUPPORT),
    escalation: new Float64Array(M),
    transition,
    punitive,
  };
  assertPolicyAutomaton(automaton);
  return automaton;
}
