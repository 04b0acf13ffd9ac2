import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import {
  assertPolicyAutomaton,
  CLEAN,
  type PolicyAutomaton,
  transitionIndex,
  VIOLATION,
} from "./policyAutomaton.js";

/** A two-state automaton: support until a violation, then withhold until a clean week. */
function titForTat(): PolicyAutomaton {
  // rows (m, v): (0, clean) → 0, (0, viol) → 1, (1, clean) → 0, (1, viol) → 1
  return {
    id: "TFT",
    states: 2,
    start: 0,
    labels: ["support", "withhold"],
    support: Float64Array.of(1, 0),
    escalation: Float64Array.of(0, 0),
    transition: Float64Array.of(1, 0, 0, 1, 1, 0, 0, 1),
    punitive: Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 0),
  };
}

describe("transitionIndex", () => {
  it("addresses (m·2 + v)·M + m2", () => {
    expect(transitionIndex(3, 1, VIOLATION, 2)).toBe(11);
    expect(transitionIndex(3, 0, CLEAN, 0)).toBe(0);
    expect(transitionIndex(2, 0, VIOLATION, 1)).toBe(3);
  });
});

describe("assertPolicyAutomaton", () => {
  it("accepts a well-formed automaton", () => {
    expect(() => assertPolicyAutomaton(titForTat())).not.toThrow();
  });
  it.each([
    ["a row that does not sum to 1", { transition: Float64Array.of(1, 0, 0.5, 0.4, 1, 0, 0, 1) }],
    ["a negative probability", { transition: Float64Array.of(1, 0, -0.5, 1.5, 1, 0, 0, 1) }],
    ["support above 1", { support: Float64Array.of(1.5, 0) }],
    ["negative escalation", { escalation: Float64Array.of(0, -1) }],
    ["a start outside the states", { start: 2 }],
    ["a missing label", { labels: ["support"] }],
    ["a short transition table", { transition: Float64Array.of(1, 0, 0, 1) }],
    ["a punitive self-loop", { punitive: Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0) }],
    ["a punitive flag that is not 0/1", { punitive: Uint8Array.of(0, 0, 0, 2, 0, 0, 0, 0) }],
  ])("refuses %s with E_DOMAIN", (_, patch) => {
    const broken = { ...titForTat(), ...patch };
    expect(() => assertPolicyAutomaton(broken)).toThrow(LinkageError);
    try {
      assertPolicyAutomaton(broken);
    } catch (error) {
      expect((error as LinkageError).code).toBe("E_DOMAIN");
      expect((error as LinkageError).message).toMatch(/^policy automaton TFT: /);
    }
  });
});
