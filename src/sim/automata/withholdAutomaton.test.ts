import { describe, expect, it } from "vitest";
import { assertPolicyAutomaton } from "../policyAutomaton.js";
import { withholdAutomaton } from "./withholdAutomaton.js";

describe("withholdAutomaton (W)", () => {
  it("is one withholding state that ignores the signal", () => {
    const w = withholdAutomaton();
    expect(w.id).toBe("W");
    expect(w.states).toBe(1);
    expect([...w.support]).toEqual([0]);
    expect([...w.escalation]).toEqual([0]);
    expect([...w.transition]).toEqual([1, 1]);
    expect([...w.punitive]).toEqual([0, 0]);
    expect(() => assertPolicyAutomaton(w)).not.toThrow();
  });
});
