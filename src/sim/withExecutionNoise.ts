import { LinkageError } from "../errors/LinkageError.js";
import type { PolicyAutomaton } from "./policyAutomaton.js";

/**
 * The automaton as executed (or as the target believes it executed) when each prescribed
 * withholding or escalation step is carried out only with probability q (MODEL.md §3,
 * "execution noise"; pass q̂ to get the target's belief).
 *
 * Choice made here: a step that is not carried out leaves the sender where it was. For every
 * (m, v) row, each punitive entry is scaled by q and the removed mass moves to the self-loop:
 *   P′(m2 | m, v) = q·P(m2 | m, v)                                  if (m, v, m2) is punitive,
 *   P′(m | m, v)  = P(m | m, v) + (1 − q)·Σ_{punitive m2} P(m2 | m, v),
 *   P′ = P otherwise.
 * Non-punitive moves (counting down a punishment, climbing back towards support, forgiveness)
 * are unaffected, and the `punitive` flags, `id` and state data are kept, so noise can be
 * applied again (noise q1 then q2 equals noise q1·q2). q = 1 returns `automaton` itself; q = 0
 * gives an automaton whose punitive steps never happen.
 *
 * @param q - execution probability in [0, 1]
 * @throws {LinkageError} E_DOMAIN when q ∉ [0, 1]
 * @example withExecutionNoise(punishAutomaton(2), 0.8).transition[(0 * 2 + 1) * 3 + 2] // => 0.8
 */
export function withExecutionNoise(automaton: PolicyAutomaton, q: number): PolicyAutomaton {
  if (!(q >= 0 && q <= 1)) {
    throw new LinkageError("E_DOMAIN", `withExecutionNoise requires q in [0, 1], got ${q}`);
  }
  if (q === 1) return automaton;
  const M = automaton.states;
  const transition = automaton.transition.slice();
  for (let row = 0; row < 2 * M; row++) {
    const m = row >> 1;
    let failed = 0;
    for (let m2 = 0; m2 < M; m2++) {
      const k = row * M + m2;
      if (automaton.punitive[k] !== 1) continue;
      failed += (1 - q) * transition[k]!;
      transition[k] = q * transition[k]!;
    }
    transition[row * M + m] = transition[row * M + m]! + failed;
  }
  return { ...automaton, transition, punitive: automaton.punitive.slice() };
}
