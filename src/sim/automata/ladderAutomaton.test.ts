import { describe, expect, it } from "vitest";
import { LinkageError } from "../../errors/LinkageError.js";
import {
  CLEAN,
  type PolicyAutomaton,
  transitionIndex,
  VIOLATION,
  type WeeklySignal,
} from "../policyAutomaton.js";
import { ladderAutomaton } from "./ladderAutomaton.js";

function next(a: PolicyAutomaton, m: number, v: WeeklySignal): number {
  const row = [...a.transition.subarray((m * 2 + v) * a.states, (m * 2 + v + 1) * a.states)];
  expect(row.reduce((s, p) => s + p, 0)).toBe(1);
  expect(row.filter((p) => p === 1)).toHaveLength(1);
  return row.indexOf(1);
}

describe("ladderAutomaton (KE)", () => {
  it("has MODEL.md §3's four rungs and starts at withhold", () => {
    const ke = ladderAutomaton();
    expect(ke.id).toBe("KE");
    expect(ke.states).toBe(4);
    expect(ke.start).toBe(1);
    expect([...ke.support]).toEqual([1, 0, 0, 0]);
    expect([...ke.escalation]).toEqual([0, 0, 1, 2]);
    expect(ke.labels[2]).toBe("withhold + aid opposition");
  });

  it("climbs on a violation and descends on a clean week, within the bounds 0…3", () => {
    const ke = ladderAutomaton();
    expect([0, 1, 2, 3].map((m) => next(ke, m, VIOLATION))).toEqual([1, 2, 3, 3]);
    expect([0, 1, 2, 3].map((m) => next(ke, m, CLEAN))).toEqual([0, 0, 1, 2]);
  });

  it("marks the climbs as punitive, not the top rung's self-loop or the descents", () => {
    const ke = ladderAutomaton();
    const flagged = [...ke.punitive].flatMap((f, i) => (f === 1 ? [i] : []));
    expect(flagged).toEqual([
      transitionIndex(4, 0, VIOLATION, 1),
      transitionIndex(4, 1, VIOLATION, 2),
      transitionIndex(4, 2, VIOLATION, 3),
    ]);
  });

  it("takes per-level (s, x) and a start", () => {
    const ke = ladderAutomaton({
      start: 0,
      levels: [
        { support: 1, escalation: 0 },
        { support: 0.5, escalation: 0.25, label: "half" },
        { support: 0, escalation: 3 },
      ],
    });
    expect(ke.states).toBe(3);
    expect(ke.start).toBe(0);
    expect([...ke.support]).toEqual([1, 0.5, 0]);
    expect([...ke.escalation]).toEqual([0, 0.25, 3]);
    expect(ke.labels).toEqual(["level 0", "half", "level 2"]);
    expect(next(ke, 2, VIOLATION)).toBe(2);
  });

  it.each([
    ["a start off the ladder", { start: 4 }],
    ["a fractional start", { start: 0.5 }],
    ["a single level", { levels: [{ support: 1, escalation: 0 }] }],
    [
      "support above 1",
      {
        levels: [
          { support: 2, escalation: 0 },
          { support: 0, escalation: 0 },
        ],
      },
    ],
    [
      "negative escalation",
      {
        levels: [
          { support: 1, escalation: 0 },
          { support: 0, escalation: -1 },
        ],
      },
    ],
  ])("refuses %s with E_DOMAIN", (_, options) => {
    expect(() => ladderAutomaton(options)).toThrow(LinkageError);
  });
});
