import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { errorOf } from "../../test/support/errorOf.js";
import { shippedScenarioText, withEdits } from "../../test/support/scenarioText.js";
import { parseScenario } from "./parseScenario.js";
import { scenarioJsonSchema } from "./scenarioJsonSchema.js";

const FLAGSHIP = shippedScenarioText("kabul-2021");

/** The flagship with each `[find, replace]` applied once. */
const variant = (...edits: [string, string][]): string => withEdits(FLAGSHIP, ...edits);

/** 1-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) =>
  text.slice(0, text.indexOf(needle)).split("\n").length;

describe("the observations and sources sections", () => {
  it("the flagship's record: the policy followed, each observation resolved, sources by key", () => {
    const scenario = parseScenario(FLAGSHIP, "kabul.yaml");
    const record = scenario.observations!;
    expect(scenario.policies[record.policy]!.id).toBe("W");
    expect(record.items.map((o) => o.output)).toEqual([
      "attacks",
      "fatalities",
      "iskpStrength",
      "iskpStrength",
      "stabilityChange",
    ]);
    const keys = new Set(scenario.sources.map((s) => s.key));
    for (const o of record.items) {
      expect(o.low).toBeLessThanOrEqual(o.high);
      for (const key of o.sources) expect(keys.has(key)).toBe(true);
    }
    // an observation without a window covers the horizon
    const noWindow = parseScenario(variant(["      window: 12\n", ""]), "kabul.yaml");
    expect(noWindow.observations!.items[2]!.window).toBe(52);
  });

  it("a malformed observation is refused with every problem located: output, range, source", () => {
    const text = variant(
      ["      output: fatalities\n", "      output: fatalitys\n"],
      ["      low: 305\n      high: 2210\n", "      low: 305\n      high: 200\n"],
      ["      source: linkage-issue-17\n", "      source: nobody-2022\n"],
    );
    const error = errorOf(() => parseScenario(text, "bad.yaml"));
    expect(error.code).toBe("E_SCENARIO");
    expect(error.issues.map((i) => i.path)).toEqual([
      "observations.items[1].output",
      "observations.items[1].high",
      "observations.items[4].source",
    ]);
    const [output, high, source] = error.message.split("\n");
    expect(output).toBe(
      `bad.yaml:${lineOf(text, "output: fatalitys")}:15: observations.items[1].output: unknown output "fatalitys"; expected one of the dynamics' outputs: attacks, fatalities, surge, evacuatedShare, alqaedaSuspendedShare, evacuationHelpShare, supportWeeks, escalationWeeks, senderUtility, targetUtility, iskpStrength, alqaedaCapability, stabilityChange`,
    );
    expect(high).toBe(
      `bad.yaml:${lineOf(text, "high: 200")}:13: observations.items[1].high: expected high ≥ low (305), found 200`,
    );
    expect(source).toMatch(
      new RegExp(
        `^bad\\.yaml:${lineOf(text, "source: nobody-2022")}:15: observations\\.items\\[4\\]\\.source: unknown source "nobody-2022"; the sources are voa-itic-2022, `,
      ),
    );
  });

  it("schema problems inside an observation are located too: a missing range, a bad window, an unknown policy", () => {
    const text = variant(
      ["  policy: W\n", "  policy: Z\n"],
      ["      window: 12\n", "      window: 1.5\n"],
      ["      low: 82\n", ""],
    );
    const error = errorOf(() => parseScenario(text, "schema.yaml"));
    const messages = error.message.split("\n");
    expect(
      messages.some((m) => /observations\.items\[0\]\.low: missing required field "low"/.test(m)),
    ).toBe(true);
    expect(
      messages.some((m) =>
        /observations\.items\[2\]\.window: expected window to be a whole number of weeks/.test(m),
      ),
    ).toBe(true);
    // zod stops at the shape; the unknown policy is found once the shape is right
    const policy = errorOf(() =>
      parseScenario(variant(["  policy: W\n", "  policy: Z\n"]), "p.yaml"),
    );
    expect(policy.message).toMatch(
      /^p\.yaml:\d+:11: observations\.policy: unknown policy "Z"; expected one of U, W, K, KE, GT$/,
    );
  });

  it("observations need a dynamics section; a source key must be an id", () => {
    const withoutDynamics =
      FLAGSHIP.slice(0, FLAGSHIP.indexOf("\ndynamics:\n")) +
      FLAGSHIP.slice(FLAGSHIP.indexOf("\nsources:\n"));
    const error = errorOf(() => parseScenario(withoutDynamics, "nodyn.yaml"));
    expect(error.message).toMatch(
      /nodyn\.yaml:\d+:\d+: observations: observations need a dynamics section/,
    );
    const badKey = errorOf(() =>
      parseScenario(variant(["  voa-itic-2022:\n", '  "voa itic":\n']), "key.yaml"),
    );
    expect(badKey.message).toMatch(/sources: expected a source key .*found "voa itic"/);
  });

  it("every source key of the flagship is listed in docs/sources.md", () => {
    const listed = readFileSync(
      fileURLToPath(new URL("../../docs/sources.md", import.meta.url)),
      "utf8",
    );
    const scenario = parseScenario(FLAGSHIP, "kabul.yaml");
    expect(scenario.sources.length).toBeGreaterThan(0);
    for (const s of scenario.sources)
      expect(listed).toMatch(new RegExp(`\\n\\| +\`${s.key}\` +\\|`));
  });

  it("the JSON Schema export describes both sections", () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { type?: string }> };
    expect(schema.properties["observations"]).toBeDefined();
    expect(schema.properties["sources"]).toBeDefined();
    expect(JSON.stringify(schema.properties["observations"])).toContain('"window"');
  });
});
