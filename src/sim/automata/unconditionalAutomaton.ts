import { assertPolicyAutomaton, type PolicyAutomaton } from "../policyAutomaton.js";

/**
 * U, unconditional support: one state with s = 1, x = 0, whatever the signal (MODEL.md §3).
 *
 * P(0 | 0, clean) = P(0 | 0, violation) = 1; nothing is punitive.
 *
 * @example unconditionalAutomaton().support // => Float64Array [1]
 */
export function unconditionalAutomaton(): PolicyAutomaton {
  const automaton: PolicyAutomaton = {
    id: "U",
    states: 1,
    start: 0,
    labels: ["support"],
    support: Float64Array.of(1),
    escalation: Float64Array.of(0),
    transition: Float64Array.of(1, 1),
    punitive: new Uint8Array(2),
  };
  assertPolicyAutomaton(automaton);
  return automaton;
}
