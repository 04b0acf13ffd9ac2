import { describe, expect, it } from "vitest";
import { errorOf } from "../../test/support/errorOf.js";
import { shippedScenarioText, withEdits } from "../../test/support/scenarioText.js";
import { LinkageError } from "../errors/LinkageError.js";
import { parseScenario } from "./parseScenario.js";
import { stepByStep, stepCount, timeStep } from "./timeStep.js";

const FLAGSHIP = shippedScenarioText("kabul-2021");

const variant = (find: string, replace: string): string => withEdits(FLAGSHIP, [find, replace]);

describe("timeStep", () => {
  it("names each unit's forms", () => {
    expect(timeStep("month")).toEqual({
      unit: "month",
      plural: "months",
      adjective: "monthly",
      perYear: 12,
    });
    expect(timeStep("quarter").adjective).toBe("quarterly");
    expect(timeStep("day").perYear).toBe(365);
    expect(stepCount(timeStep("year"), 1)).toBe("1 year");
    expect(stepCount(timeStep("month"), 36)).toBe("36 months");
    expect(stepByStep(timeStep("month"))).toBe("Month by month");
  });

  it("a missing or unknown word is the week (results written before steps existed)", () => {
    expect(timeStep(undefined).unit).toBe("week");
    expect(timeStep("fortnight").unit).toBe("week");
    expect(timeStep("__proto__").unit).toBe("week");
  });
});

describe("dynamics.step and dynamics.steps", () => {
  it("the flagship is weekly over 52 steps", () => {
    const dynamics = parseScenario(FLAGSHIP, "k.yaml").dynamics!;
    expect(dynamics.step.unit).toBe("week");
    expect(dynamics.weeks).toBe(52);
  });

  it("step: month with steps: 24", () => {
    const dynamics = parseScenario(
      variant("  weeks: 52\n", "  step: month\n  steps: 24\n"),
      "m.yaml",
    ).dynamics!;
    expect(dynamics.step).toEqual(timeStep("month"));
    expect(dynamics.weeks).toBe(24);
  });

  it("neither steps nor weeks: 52 steps", () => {
    const dynamics = parseScenario(variant("  weeks: 52\n", "  step: quarter\n"), "q.yaml")
      .dynamics!;
    expect(dynamics.step.unit).toBe("quarter");
    expect(dynamics.weeks).toBe(52);
  });

  it("steps and weeks together: a located error", () => {
    const text = variant("  weeks: 52\n", "  steps: 24\n  weeks: 52\n");
    const line = text.split("\n").indexOf("  weeks: 52") + 1;
    const error = errorOf(() => parseScenario(text, "both.yaml")) as LinkageError;
    expect(error).toBeInstanceOf(LinkageError);
    expect(error.code).toBe("E_SCENARIO");
    expect(error.issues).toHaveLength(1);
    expect(error.message).toMatch(
      new RegExp(
        `^both\\.yaml:${line}:\\d+: dynamics\\.weeks: expected the horizon once: steps or weeks`,
      ),
    );
  });

  it("an unknown step: a located error listing the units", () => {
    const text = variant("  weeks: 52\n", "  step: fortnight\n  weeks: 52\n");
    const line = text.split("\n").indexOf("  step: fortnight") + 1;
    const error = errorOf(() => parseScenario(text, "f.yaml")) as LinkageError;
    expect(error.message).toMatch(
      new RegExp(
        `^f\\.yaml:${line}:\\d+: dynamics\\.step: expected one of "day", "week", "month", "quarter", "year", found "fortnight"`,
      ),
    );
  });

  it("outputs and series carry optional words", () => {
    const text = variant(
      "  series: [attacks, fatalities,",
      '  series: [{ name: attacks, label: Attacks, unit: attacks, description: "attacks that step" }, fatalities,',
    );
    const dynamics = parseScenario(text, "w.yaml").dynamics!;
    expect(dynamics.series[0]).toBe("attacks");
    expect(dynamics.seriesWords[0]).toEqual({
      label: "Attacks",
      unit: "attacks",
      description: "attacks that step",
    });
    expect(dynamics.seriesWords[1]).toEqual({});
  });

  it("an unknown series given as an object: located at its name", () => {
    const text = variant("  series: [attacks,", "  series: [{ name: atacks, label: A },");
    const error = errorOf(() => parseScenario(text, "s.yaml")) as LinkageError;
    expect(error.message).toMatch(/dynamics\.series\[0\]\.name: unknown series "atacks"/);
  });

  it("an unknown key beside an output's aggregate: a located error", () => {
    const out = FLAGSHIP.slice(FLAGSHIP.indexOf("  outputs:\n"));
    const first = out.split("\n")[1]!;
    const text = variant(first, `${first.replace(/ }\s*$/, "")}, colour: red }`);
    const error = errorOf(() => parseScenario(text, "o.yaml")) as LinkageError;
    expect(error.message).toMatch(/dynamics\.outputs\.\w+/);
  });
});

describe("the JSON Schema export", () => {
  it("describes step (its units), steps, weeks and the words of outputs and series", async () => {
    const { scenarioJsonSchema } = await import("./scenarioJsonSchema.js");
    const schema = scenarioJsonSchema() as {
      properties: { dynamics: { properties: Record<string, Record<string, unknown>> } };
    };
    const dynamics = schema.properties.dynamics.properties;
    expect(dynamics["step"]).toMatchObject({
      enum: ["day", "week", "month", "quarter", "year"],
      default: "week",
    });
    expect(dynamics["steps"]).toMatchObject({ type: "integer", minimum: 1 });
    expect(dynamics["weeks"]).toMatchObject({ type: "integer", minimum: 1 });
    const text = JSON.stringify(dynamics["outputs"]) + JSON.stringify(dynamics["series"]);
    for (const key of ['"label"', '"unit"', '"description"', '"name"']) expect(text).toContain(key);
  });
});
