import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parameterValues } from "../scenario/parameterValues.js";
import { parseScenario } from "../scenario/parseScenario.js";
import { drawParameterRows, drawParameters, parameterDesign } from "./drawParameters.js";

const PATH = "scenarios/kabul-2021.yaml";
const scenario = parseScenario(
  readFileSync(new URL(`../../${PATH}`, import.meta.url), "utf8"),
  PATH,
);

describe("drawParameterRows", () => {
  it("draws any block of runs exactly as the whole batch's draw has them, redrawn runs included", () => {
    // a self-excitation share this high makes some draws explosive: they are redrawn
    const overrides = { nH: 0.9 };
    const { values } = parameterValues(scenario, overrides);
    const runs = 3000;
    const whole = drawParameters(scenario, values, overrides, runs, 5);
    expect(whole.redrawn).toBeGreaterThan(0);
    const design = parameterDesign(scenario, values, overrides, runs, 5);
    const n = scenario.parameters.length;
    let redrawn = 0;
    for (const [from, to] of [
      [0, 250],
      [250, 1337],
      [1337, 1338],
      [1338, 3000],
    ] as const) {
      const rows = drawParameterRows(design, from, to);
      expect(Buffer.from(rows.parameters.buffer)).toEqual(
        Buffer.from(whole.parameters.slice(from * n, to * n).buffer),
      );
      redrawn += rows.redrawn;
    }
    expect(redrawn).toBe(whole.redrawn);
  });
});
