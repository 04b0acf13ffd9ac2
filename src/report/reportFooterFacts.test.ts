import { describe, expect, it } from "vitest";
import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import { reportFooterFacts } from "./reportFooterFacts.js";

const run = {
  scenario: { id: "kabul-2021", title: "t", description: null },
  seed: 7,
  command: "node bin/linkage.js run scenarios/kabul-2021.yaml --runs 2000 --seed 7",
} as unknown as ScenarioRun;

describe("reportFooterFacts", () => {
  it("gives the date (UTC), version, scenario, hash (12 digits), seed and command, in that order", () => {
    const facts = reportFooterFacts(run, {
      generatedAt: new Date("2026-01-05T23:59:59Z"),
      version: "0.1.0",
      scenarioHash: "ab".repeat(32),
    });
    expect(facts.map((f) => [f.name, f.value])).toEqual([
      ["Generated", "2026-01-05"],
      ["Linkage", "0.1.0"],
      ["Scenario", "kabul-2021"],
      ["Scenario SHA-256", "abababababab"],
      ["Seed", "7"],
      ["Command", run.command],
    ]);
  });

  it("leaves out what the options omit, so a report without them has no date", () => {
    expect(reportFooterFacts(run).map((f) => f.name)).toEqual(["Scenario", "Seed", "Command"]);
  });
});
