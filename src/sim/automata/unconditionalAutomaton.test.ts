import { describe, expect, it } from "vitest";
import { assertPolicyAutomaton } from "../policyAutomaton.js";
import { unconditionalAutomaton } from "./unconditionalAutomaton.js";

describe("unconditionalAutomaton (U)", () => {
  it("is one supporting state that ignores the signal", () => {
    const u = unconditionalAutomaton();
    expect(u.id).toBe("U");
    expect(u.states).toBe(1);
    expect(u.start).toBe(0);
    expect([...u.support]).toEqual([1]);
    expect([...u.escalation]).toEqual([0]);
    expect([...u.transition]).toEqual([1, 1]);
    expect([...u.punitive]).toEqual([0, 0]);
    expect(() => assertPolicyAutomaton(u)).not.toThrow();
  });
});
