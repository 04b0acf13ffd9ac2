import { describe, expect, it } from "vitest";
import { ladderAutomaton } from "./automata/ladderAutomaton.js";
import { punishAutomaton } from "./automata/punishAutomaton.js";
import { assertPolicyAutomaton, type PolicyAutomaton } from "./policyAutomaton.js";
import { solveTargetPlan } from "./targetPlan.js";
import { withExecutionNoise } from "./withExecutionNoise.js";
import { MAX_REPORTING_LAG, withReportingLag } from "./withReportingLag.js";

/** The support path of a deterministic automaton on a signal sequence. */
function supportPath(automaton: PolicyAutomaton, signals: readonly number[]): number[] {
  const M = automaton.states;
  let m = automaton.start;
  const path: number[] = [];
  for (const v of signals) {
    path.push(automaton.support[m]!);
    const row = (m * 2 + v) * M;
    let next = -1;
    for (let m2 = 0; m2 < M; m2++) if (automaton.transition[row + m2] === 1) next = m2;
    expect(next, "deterministic").toBeGreaterThanOrEqual(0);
    m = next;
  }
  return path;
}

describe("withReportingLag", () => {
  it("is a well-formed automaton with M·2^lag states, starting clean; lag 0 is the automaton itself", () => {
    const base = ladderAutomaton();
    for (let lag = 1; lag <= 3; lag++) {
      const lagged = withReportingLag(withExecutionNoise(base, 0.7), lag);
      expect(lagged.states).toBe(base.states << lag);
      expect(lagged.start).toBe(base.start << lag);
      assertPolicyAutomaton(lagged);
    }
    expect(withReportingLag(base, 0)).toBe(base);
  });

  it("acts on each signal exactly `lag` steps late: the path on a signal sequence is the base's on the sequence delayed", () => {
    const base = punishAutomaton(2);
    // a fixed pseudo-random signal sequence
    const signals = Array.from({ length: 60 }, (_, t) => ((t * 7 + 3) % 5 === 0 ? 1 : 0));
    for (let lag = 1; lag <= 4; lag++) {
      const delayed = [...Array(lag).fill(0), ...signals.slice(0, signals.length - lag)];
      expect(supportPath(withReportingLag(base, lag), signals)).toEqual(supportPath(base, delayed));
    }
  });

  it("the target's grim-trigger threshold moves from c ≤ δ·g to c ≤ δ^(lag+1)·g (deviating buys lag more steps of support)", () => {
    const delta = 0.9;
    const g = 1;
    for (const lag of [0, 1, 2]) {
      const threshold = g * delta ** (lag + 1);
      for (const [cost, concedes] of [
        [threshold - 0.01, true],
        [threshold + 0.01, false],
      ] as const) {
        const plan = solveTargetPlan({
          automaton: withReportingLag(punishAutomaton(Number.POSITIVE_INFINITY), lag),
          costs: Float64Array.of(cost),
          observable: [true],
          falsePositive: Float64Array.of(0),
          detection: Float64Array.of(1),
          supportValue: g,
          escalationCost: 0,
          discount: delta,
          rationality: Number.POSITIVE_INFINITY,
          backlog: null,
          pressure: false,
        });
        // at the start state (clean delay line, support), action 1 = concede
        const start = withReportingLag(punishAutomaton(Number.POSITIVE_INFINITY), lag).start;
        expect(plan.choice[start * 2 + 1], `lag ${lag}, cost ${cost}`).toBe(concedes ? 1 : 0);
      }
    }
  });

  it(`refuses a lag that is not a whole number from 0 to ${MAX_REPORTING_LAG}`, () => {
    for (const lag of [-1, 1.5, MAX_REPORTING_LAG + 1, Number.NaN])
      expect(() => withReportingLag(punishAutomaton(1), lag)).toThrow(/whole number of steps/);
  });
});
