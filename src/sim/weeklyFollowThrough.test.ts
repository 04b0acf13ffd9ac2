import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixedBeliefsFlagship } from "../../test/support/fixedBeliefsFlagship.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { parameterValues } from "../scenario/parameterValues.js";
import { meanField } from "./meanField.js";
import { weeklyFollowThrough } from "./weeklyFollowThrough.js";

/** The weekly model's follow-through comes from the one-shot equilibrium (MODEL.md §2b). */
const flagship = loadScenario(
  fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url)),
);
const index = (id: string) => flagship.policies.findIndex((p) => p.id === id);
const at = (overrides: Record<string, number>, id: string) =>
  weeklyFollowThrough(flagship, parameterValues(flagship, overrides).values, index(id));

describe("weeklyFollowThrough", () => {
  it("is 1 where the rule is credible, for U and W, and with fixed beliefs", () => {
    // ρ = 0.5 > ρ* = 0.25: every punitive step is credible (the flagship's ρ = 0.2 is not)
    for (const id of ["U", "W", "K", "KE", "GT"]) expect(at({ rho: 0.5 }, id)).toBe(1);
    expect(at({}, "KE")).toBeCloseTo((1 + 0.2) / 2, 9);
    const fixed = fixedBeliefsFlagship();
    const { values } = parameterValues(fixed, { rho: 0 });
    expect(weeklyFollowThrough(fixed, values, index("KE"))).toBe(1);
  });

  it("an escalation the normal sender would not carry out is believed only at π_R", () => {
    // ρ = 0: withholding stays credible (supporting a violator costs the sender), escalating
    // does not (b_x − k_x − h_X < 0): the weekly punitive steps average 1 and π_R
    for (const piR of [0, 0.2, 0.5]) {
      const f = at({ rho: 0, piR }, "KE");
      expect(f).toBeGreaterThan(piR);
      expect(f).toBeLessThan(1);
      expect(f).toBeCloseTo((1 + piR) / 2, 9);
    }
  });

  it("a threat that is not credible is carried out less in the weekly model", () => {
    const credible = meanField(flagship, { policies: ["KE"] }).policies["KE"]!.outcomes;
    const empty = meanField(flagship, { policies: ["KE"], overrides: { rho: 0, piR: 0 } }).policies[
      "KE"
    ]!.outcomes;
    expect(empty["escalationWeeks"]!.mean).toBeLessThan(credible["escalationWeeks"]!.mean);
  });
});
