import { describe, expect, it } from "vitest";
import { LinkageError } from "../../errors/LinkageError.js";
import {
  CLEAN,
  type PolicyAutomaton,
  transitionIndex,
  VIOLATION,
  type WeeklySignal,
} from "../policyAutomaton.js";
import { punishAutomaton } from "./punishAutomaton.js";

/** Sums of every (m, v) row of the transition table. */
function rowSums(a: PolicyAutomaton): number[] {
  const sums: number[] = [];
  for (let row = 0; row < 2 * a.states; row++) {
    let s = 0;
    for (let m2 = 0; m2 < a.states; m2++) s += a.transition[row * a.states + m2]!;
    sums.push(s);
  }
  return sums;
}

/** The successor of a deterministic automaton (asserts the row is one-hot). */
function next(a: PolicyAutomaton, m: number, v: WeeklySignal): number {
  const row = [...a.transition.subarray((m * 2 + v) * a.states, (m * 2 + v + 1) * a.states)];
  expect(row.filter((p) => p === 1)).toHaveLength(1);
  return row.indexOf(1);
}

describe("punishAutomaton (K(L))", () => {
  it.each([1, 2, 4, 13, Number.POSITIVE_INFINITY])("K(%s) has stochastic rows", (L) => {
    for (const s of rowSums(punishAutomaton(L))) expect(s).toBe(1);
  });

  it("K(3): a violation in state 0 starts 3 weeks of punishment, then counts down to 0", () => {
    const k = punishAutomaton(3);
    expect(k.id).toBe("K(3)");
    expect(k.states).toBe(4);
    expect(k.start).toBe(0);
    expect([...k.support]).toEqual([1, 0, 0, 0]);
    expect([...k.escalation]).toEqual([0, 0, 0, 0]);
    expect(next(k, 0, CLEAN)).toBe(0);
    expect(next(k, 0, VIOLATION)).toBe(3);
    // the week after a violation and the two after it withhold; then support resumes
    const path = [0];
    const signals: WeeklySignal[] = [VIOLATION, VIOLATION, CLEAN, VIOLATION, CLEAN];
    for (const v of signals) path.push(next(k, path.at(-1)!, v));
    expect(path).toEqual([0, 3, 2, 1, 0, 0]);
  });

  it("a violation observed while punishing does not restart the count", () => {
    const k = punishAutomaton(4);
    for (let m = 1; m <= 4; m++) {
      expect(next(k, m, VIOLATION)).toBe(m - 1);
      expect(next(k, m, CLEAN)).toBe(m - 1);
    }
  });

  it("only the step 0 → L on a violation is punitive", () => {
    const k = punishAutomaton(3);
    const flagged = [...k.punitive].flatMap((f, i) => (f === 1 ? [i] : []));
    expect(flagged).toEqual([transitionIndex(4, 0, VIOLATION, 3)]);
  });

  it("K(∞) is grim trigger: one absorbing punishment state", () => {
    const g = punishAutomaton(Number.POSITIVE_INFINITY);
    expect(g.id).toBe("K(∞)");
    expect(g.states).toBe(2);
    expect([...g.support]).toEqual([1, 0]);
    expect(next(g, 0, VIOLATION)).toBe(1);
    expect(next(g, 1, CLEAN)).toBe(1);
    expect(next(g, 1, VIOLATION)).toBe(1);
    expect([...g.punitive]).toEqual([0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it("labels the weeks of punishment left", () => {
    expect(punishAutomaton(2).labels).toEqual([
      "support",
      "punish (1 week left)",
      "punish (2 weeks left)",
    ]);
  });

  it.each([0, -1, 2.5, Number.NaN, Number.NEGATIVE_INFINITY])("refuses L = %s", (L) => {
    expect(() => punishAutomaton(L)).toThrow(LinkageError);
    expect(() => punishAutomaton(L)).toThrow(/positive integer or Infinity/);
  });
});
