import { describe, expect, it } from "vitest";
import { LinkageError } from "../../errors/LinkageError.js";
import { CLEAN, transitionIndex, VIOLATION } from "../policyAutomaton.js";
import { generousTitForTatAutomaton } from "./generousTitForTatAutomaton.js";

describe("generousTitForTatAutomaton (GT(g))", () => {
  const g = 1 / 3;
  const gt = generousTitForTatAutomaton(g);
  const P = (m: number, v: 0 | 1, m2: number) => gt.transition[transitionIndex(5, m, v, m2)]!;

  it("has five support levels, no escalation, and starts at full support", () => {
    expect(gt.id).toBe("GT(0.333)");
    expect([...gt.support]).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect([...gt.escalation]).toEqual([0, 0, 0, 0, 0]);
    expect(gt.start).toBe(4);
  });

  it("has stochastic rows", () => {
    for (let row = 0; row < 10; row++) {
      const sum = [...gt.transition.subarray(row * 5, row * 5 + 5)].reduce((s, p) => s + p, 0);
      expect(sum).toBeCloseTo(1, 15);
    }
  });

  it("raises support one step on a clean week, capped at full support", () => {
    for (let m = 0; m < 5; m++) expect(P(m, CLEAN, Math.min(m + 1, 4))).toBe(1);
  });

  it("lowers support one step on a violation except with the forgiveness probability g", () => {
    for (let m = 1; m < 5; m++) {
      expect(P(m, VIOLATION, m - 1)).toBeCloseTo(1 - g, 15);
      expect(P(m, VIOLATION, m)).toBeCloseTo(g, 15);
      expect(gt.punitive[transitionIndex(5, m, VIOLATION, m - 1)]).toBe(1);
    }
    expect(P(0, VIOLATION, 0)).toBe(1);
    expect([...gt.punitive].reduce((s, f) => s + f, 0)).toBe(4);
  });

  it("is plain tit-for-tat on levels at g = 0 and never punishes at g = 1", () => {
    expect(generousTitForTatAutomaton(0).transition[transitionIndex(5, 4, VIOLATION, 3)]).toBe(1);
    expect(generousTitForTatAutomaton(1).transition[transitionIndex(5, 4, VIOLATION, 4)]).toBe(1);
  });

  it.each([-0.1, 1.1, Number.NaN])("refuses g = %s", (bad) => {
    expect(() => generousTitForTatAutomaton(bad)).toThrow(LinkageError);
  });
});
