import { describe, expect, it } from "vitest";
import { errorOf } from "../../test/support/errorOf.js";
import { shippedScenarioText, withEdits } from "../../test/support/scenarioText.js";
import { LinkageError } from "../errors/LinkageError.js";
import { parseScenario } from "./parseScenario.js";

const FLAGSHIP = shippedScenarioText("kabul-2021");

/** The flagship with each `[find, replace]` applied once. */
const variant = (...edits: [string, string][]): string => withEdits(FLAGSHIP, ...edits);

describe("parseScenario reports every problem at once", () => {
  it("three problems in three sections: three located issues, in document order", () => {
    const error = errorOf(() =>
      parseScenario(
        variant(
          ["  - id: K\n", "  - id: U\n"],
          ["  resolute: piR\n", "  resolute: 1.5\n"],
          ["    costToTarget: cE\n", "    costToTarget: cEE\n"],
        ),
        "three.yaml",
      ),
    ) as LinkageError;
    expect(error).toBeInstanceOf(LinkageError);
    expect(error.code).toBe("E_SCENARIO");
    expect(error.issues.map((i) => i.path)).toEqual([
      "demands[0].costToTarget",
      "credibility.resolute",
      "policies[2].id",
    ]);
    const lines = error.message.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^three\.yaml:\d+:19: demands\[0\]\.costToTarget: undefined parameter "cEE"/,
    );
    expect(lines[1]).toMatch(/^three\.yaml:\d+:13: credibility\.resolute: expected a probability/);
    expect(lines[2]).toMatch(/^three\.yaml:\d+:9: policies\[2\]\.id: expected a unique policy id/);
    expect(error.location).toEqual(error.issues[0]!.location);
  });

  it("one problem: one issue, the message unchanged", () => {
    const error = errorOf(() =>
      parseScenario(variant(["  resolute: piR\n", "  resolute: 1.5\n"]), "one.yaml"),
    ) as LinkageError;
    expect(error.issues).toHaveLength(1);
    expect(error.message).not.toContain("\n");
    expect(error.message).toMatch(/^one\.yaml:\d+:13: credibility\.resolute: /);
  });

  it("every schema problem, not the first", () => {
    const error = errorOf(() =>
      parseScenario(
        variant(
          ["  mu0:\n", "  mu0:\n    bogus: 1\n"],
          ["credibility:\n", "credibility:\n  nonsense: 2\n"],
        ),
        "schema.yaml",
      ),
    ) as LinkageError;
    expect(error.issues.length).toBeGreaterThanOrEqual(2);
    expect(error.message).toMatch(/unknown key "bogus"/);
    expect(error.message).toMatch(/unknown key "nonsense"/);
  });

  it("a line break in a name from the file stays inside its issue's line", () => {
    const error = errorOf(() =>
      parseScenario(
        variant(
          ["  mu0:\n", '  mu0:\n    "bo\\ngus": 1\n'],
          ["credibility:\n", "credibility:\n  nonsense: 2\n"],
        ),
        "break.yaml",
      ),
    ) as LinkageError;
    const lines = error.message.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^break\.yaml:\d+:5: parameters\.mu0: unknown key "bo\\ngus"/);
    expect(error.issues[0]!.message).not.toContain("\n");
  });
});
