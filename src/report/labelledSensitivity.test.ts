import { describe, expect, it } from "vitest";
import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import { labelledSensitivity } from "./labelledSensitivity.js";

const run = {
  analysis: { policies: { KE: { label: "Conditional sharing" }, K: { label: "Conditional" } } },
  simulation: { policies: { GT: { label: "Tit-for-tat" } } },
  sensitivity: {
    tornado: [],
    tornadoes: [
      {
        output: "attacks",
        description: "expected attacks over 52 weeks under KE (mean-field model)",
        label: "expected attacks under GT (mean field)",
        baseValue: 1,
        bars: [],
      },
    ],
    sobol: [{ output: "attacks", description: "attacks under KEX, or under K" }],
    bestPolicyShare: { oneShot: {}, simulated: {} },
    draws: 0,
  },
} as unknown as ScenarioRun;

describe("labelledSensitivity", () => {
  it("names the policy an output is computed under by its label", () => {
    const s = labelledSensitivity(run);
    expect(s.tornadoes[0]!.description).toBe(
      "expected attacks over 52 weeks under “Conditional sharing” (mean-field model)",
    );
    expect(s.tornadoes[0]!.label).toBe("expected attacks under “Tit-for-tat” (mean field)");
    // an id must match whole: KEX is no policy
    expect(s.sobol[0]!.description).toBe("attacks under KEX, or under “Conditional”");
    expect(run.sensitivity.tornadoes[0]!.description).toContain("under KE (");
  });
});
