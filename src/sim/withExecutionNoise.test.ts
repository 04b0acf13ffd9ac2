import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { generousTitForTatAutomaton } from "./automata/generousTitForTatAutomaton.js";
import { ladderAutomaton } from "./automata/ladderAutomaton.js";
import { punishAutomaton } from "./automata/punishAutomaton.js";
import {
  assertPolicyAutomaton,
  CLEAN,
  type PolicyAutomaton,
  transitionIndex,
  VIOLATION,
} from "./policyAutomaton.js";
import { withExecutionNoise } from "./withExecutionNoise.js";

const library: PolicyAutomaton[] = [
  punishAutomaton(3),
  punishAutomaton(Number.POSITIVE_INFINITY),
  ladderAutomaton(),
  generousTitForTatAutomaton(0.25),
];

describe("withExecutionNoise", () => {
  it("q = 1 returns the automaton unchanged", () => {
    for (const a of library) {
      const noisy = withExecutionNoise(a, 1);
      expect(noisy).toBe(a);
      expect(noisy).toStrictEqual(a);
    }
  });

  it("q = 0: punitive steps never happen (zero probability), the sender stays put instead", () => {
    for (const a of library) {
      const noisy = withExecutionNoise(a, 0);
      assertPolicyAutomaton(noisy);
      for (let k = 0; k < a.transition.length; k++) {
        if (a.punitive[k] === 1) expect(noisy.transition[k]).toBe(0);
      }
    }
    // K(3) at q = 0 never leaves the supporting state
    const k = withExecutionNoise(punishAutomaton(3), 0);
    expect(k.transition[transitionIndex(4, 0, VIOLATION, 0)]).toBe(1);
    expect(k.transition[transitionIndex(4, 0, VIOLATION, 3)]).toBe(0);
  });

  it("scales each punitive step by q and moves the rest to the self-loop", () => {
    const k = withExecutionNoise(punishAutomaton(2), 0.8);
    expect(k.transition[transitionIndex(3, 0, VIOLATION, 2)]).toBeCloseTo(0.8, 15);
    expect(k.transition[transitionIndex(3, 0, VIOLATION, 0)]).toBeCloseTo(0.2, 15);
    // the countdown is not a prescribed punishment, so it is unaffected
    expect(k.transition[transitionIndex(3, 2, VIOLATION, 1)]).toBe(1);
    expect(k.transition[transitionIndex(3, 1, CLEAN, 0)]).toBe(1);

    const ke = withExecutionNoise(ladderAutomaton(), 0.6);
    expect(ke.transition[transitionIndex(4, 1, VIOLATION, 2)]).toBeCloseTo(0.6, 15);
    expect(ke.transition[transitionIndex(4, 1, VIOLATION, 1)]).toBeCloseTo(0.4, 15);
    expect(ke.transition[transitionIndex(4, 3, VIOLATION, 3)]).toBe(1);
    expect(ke.transition[transitionIndex(4, 2, CLEAN, 1)]).toBe(1);

    // GT(g): the step down happens with probability (1 − g)·q, forgiveness absorbs the rest
    const gt = withExecutionNoise(generousTitForTatAutomaton(0.25), 0.5);
    expect(gt.transition[transitionIndex(5, 3, VIOLATION, 2)]).toBeCloseTo(0.375, 15);
    expect(gt.transition[transitionIndex(5, 3, VIOLATION, 3)]).toBeCloseTo(0.625, 15);
  });

  it("keeps rows stochastic and the other fields; composes multiplicatively", () => {
    for (const a of library) {
      for (const q of [0, 0.1, 0.5, 0.93]) {
        const noisy = withExecutionNoise(a, q);
        expect(() => assertPolicyAutomaton(noisy)).not.toThrow();
        expect(noisy.id).toBe(a.id);
        expect(noisy.support).toStrictEqual(a.support);
        expect(noisy.punitive).toStrictEqual(a.punitive);
        const twice = withExecutionNoise(withExecutionNoise(a, q), 0.5);
        const once = withExecutionNoise(a, q * 0.5);
        for (let k = 0; k < a.transition.length; k++) {
          expect(twice.transition[k]).toBeCloseTo(once.transition[k]!, 14);
        }
      }
    }
  });

  it("does not modify its input", () => {
    const a = punishAutomaton(2);
    const before = a.transition.slice();
    withExecutionNoise(a, 0.3);
    expect(a.transition).toStrictEqual(before);
  });

  it.each([-0.01, 1.01, Number.NaN])("refuses q = %s", (q) => {
    expect(() => withExecutionNoise(punishAutomaton(1), q)).toThrow(LinkageError);
  });
});
