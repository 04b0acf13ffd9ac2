import { assertPolicyAutomaton, type PolicyAutomaton } from "../policyAutomaton.js";

/**
 * W, withhold: one state with s = 0, x = 0, whatever the signal (MODEL.md §3).
 *
 * P(0 | 0, clean) = P(0 | 0, violation) = 1; nothing is punitive (withholding is the
 * standing policy, not a step the sender takes in response to a signal).
 *
 * @example withholdAutomaton().support // => Float64Array [0]
 */
export function withholdAutomaton(): PolicyAutomaton {
  const automaton: PolicyAutomaton = {
    id: "W",
    states: 1,
    start: 0,
    labels: ["withhold"],
    support: Float64Array.of(0),
    escalation: Float64Array.of(0),
    transition: Float64Array.of(1, 1),
    punitive: new Uint8Array(2),
  };
  assertPolicyAutomaton(automaton);
  return automaton;
}
