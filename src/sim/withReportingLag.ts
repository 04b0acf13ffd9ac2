import { LinkageError } from "../errors/LinkageError.js";
import type { PolicyAutomaton } from "./policyAutomaton.js";

/** Longest reporting lag, in steps: the lagged automaton has M·2^lag states. */
export const MAX_REPORTING_LAG = 6;

/**
 * The automaton that acts on each step's signal `lag` steps late (a reporting lag: a review
 * judges what was reported some steps before). Exact, by a delay line in the state: a state is
 * (m, the last `lag` signals), at index m·2^lag + bits, with the oldest signal in the highest
 * bit. On signal v, (m, bits) moves to (m2, (bits << 1 | v) mod 2^lag) with the base
 * automaton's P(m2 | m, oldest), and does what m does (its support and escalation). Every
 * method that plans against or runs an automaton (the target's MDP, the simulation, the mean
 * field) then handles the lag without knowing of it. The delay line starts clean.
 *
 * Apply execution noise to the base automaton first: noise keeps a failed step in place, and
 * here "in place" must still shift the delay line.
 *
 * @param lag - whole steps in 0 … {@link MAX_REPORTING_LAG}; 0 returns `automaton` itself
 * @throws {LinkageError} E_DOMAIN when the lag is not a whole number in range
 * @example withReportingLag(punishAutomaton(1), 1).states // => 4
 */
export function withReportingLag(automaton: PolicyAutomaton, lag: number): PolicyAutomaton {
  if (!(Number.isInteger(lag) && lag >= 0 && lag <= MAX_REPORTING_LAG)) {
    throw new LinkageError(
      "E_DOMAIN",
      `withReportingLag: the lag must be a whole number of steps from 0 to ${MAX_REPORTING_LAG}, got ${lag}`,
    );
  }
  if (lag === 0) return automaton;
  const M = automaton.states;
  const width = 1 << lag;
  const N = M * width;
  const support = new Float64Array(N);
  const escalation = new Float64Array(N);
  const transition = new Float64Array(2 * N * N);
  const punitive = new Uint8Array(2 * N * N);
  const labels: string[] = [];
  for (let m = 0; m < M; m++) {
    for (let bits = 0; bits < width; bits++) {
      const state = m * width + bits;
      support[state] = automaton.support[m]!;
      escalation[state] = automaton.escalation[m]!;
      labels.push(`${automaton.labels[m]} [last ${lag}: ${bits.toString(2).padStart(lag, "0")}]`);
      const oldest = (bits >>> (lag - 1)) & 1;
      for (let v = 0; v < 2; v++) {
        const shifted = ((bits << 1) | v) & (width - 1);
        const from = (m * 2 + oldest) * M;
        for (let m2 = 0; m2 < M; m2++) {
          const p = automaton.transition[from + m2]!;
          if (p === 0 && automaton.punitive[from + m2] === 0) continue;
          const at = (state * 2 + v) * N + m2 * width + shifted;
          transition[at] = p;
          punitive[at] = automaton.punitive[from + m2]!;
        }
      }
    }
  }
  return {
    id: `${automaton.id} lag ${lag}`,
    states: N,
    start: automaton.start * width,
    labels,
    support,
    escalation,
    transition,
    punitive,
  };
}
