import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../scenario/parseScenario.js";
import { branchingRatioOf } from "../sim/branchingRatio.js";
import { calibratedScenarioYaml } from "./calibratedScenarioYaml.js";
import { calibrateEvents } from "./calibrateEvents.js";
import { parseEventTable } from "./parseEventTable.js";
import { parseGedCsv } from "./parseGedCsv.js";

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");
const FLAGSHIP_TEXT = read("../../scenarios/kabul-2021.yaml");
const flagship = parseScenario(FLAGSHIP_TEXT, "kabul-2021.yaml");
const ged = parseGedCsv(read("../../test/fixtures/ged-synthetic.csv"), "ged-synthetic.csv", {
  country: "Afghanistan",
  actor: "IS",
});

/** A daily table of `days` rows from 2021-01-01 with the given count on each day. */
function table(days: number, countOf: (day: number) => number) {
  const rows = ["date,count"];
  for (let d = 0; d < days; d++) {
    rows.push(`${new Date(Date.UTC(2021, 0, 1 + d)).toISOString().slice(0, 10)},${countOf(d)}`);
  }
  return parseEventTable(`${rows.join("\n")}\n`, "t.csv", { countColumn: "count" });
}

describe("calibrateEvents", () => {
  it("keeps the written n_H below the scenario's explosive limit, and the copy stays stable", () => {
    // a scenario whose own feedback adds 0.8 to n_H: the fitted ~0.35 must be written as ≤ 0.19
    const text = FLAGSHIP_TEXT.replace(
      'branchingRatio: "nH + lambda0 * epsS * chiN / (Nref * zeta)"',
      'branchingRatio: "nH + 0.8"',
    );
    const scenario = parseScenario(text, "k.yaml");
    const result = calibrateEvents(ged, scenario, { time: "discrete-day" });
    const nH = result.scenario.parameters.find((p) => p.id === "nH")!;
    expect(nH.value).toBeLessThanOrEqual(0.195);
    expect(nH.note).toMatch(/effective branching ratio/);
    const written = result.scenario.parameters.filter((p) => p.value !== null);
    const copy = parseScenario(
      calibratedScenarioYaml(
        text,
        "k.yaml",
        written.map((p) => ({
          id: p.id,
          value: p.value!,
          prior: p.prior!,
          source: p.source,
          comment: "c",
        })),
      ),
      "copy.yaml",
    );
    const ratio = branchingRatioOf(copy)!(Float64Array.from(copy.parameters, (p) => p.value));
    expect(ratio).toBeLessThan(1);
  });

  it("fits a week that holds every event without a non-finite residual", () => {
    const events = table(140, (d) => (d >= 21 && d < 28 ? 3 : d === 100 ? 1 : 0));
    const result = calibrateEvents(events, flagship, { time: "discrete-day" });
    for (const fit of [result.weekly, result.daily!]) {
      expect(fit.residuals.qq.sample.every(Number.isFinite)).toBe(true);
      expect(Math.max(...fit.residuals.qq.sample)).toBeGreaterThan(5); // far in the tail
    }
    expect(result.verdict.join(" ")).not.toMatch(/NaN|Infinity/);
  });

  it("gives the background a standard error when the fit finds no excitation", () => {
    const events = table(210, (d) => (d % 3 === 0 ? 1 : 0)); // under-dispersed: n̂ = 0
    const result = calibrateEvents(events, flagship, { time: "discrete-day" });
    expect(result.weekly.branchingRatio.estimate).toBeLessThan(0.01);
    expect(Number.isFinite(result.weekly.background[0]!.standardError)).toBe(true);
    const lambda0 = result.scenario.parameters.find((p) => p.id === "lambda0")!;
    expect(lambda0.value).not.toBeNull();
    const tau = result.scenario.parameters.find((p) => p.id === "tau")!;
    expect(tau.note).toMatch(/do not identify it/);
  });

  it("refuses change points that would leave a segment without a whole step, or repeat", () => {
    expect(() =>
      calibrateEvents(ged, flagship, { changePoints: ["2022-12-30"], time: "discrete-day" }),
    ).toThrow(/--change-point 2022-12-30: falls at week 104 .* at or after its end/);
    expect(() =>
      calibrateEvents(ged, flagship, { changePoints: ["2021-08-15", "2021-08-15"] }),
    ).toThrow(/--change-point 2021-08-15: given twice/);
  });

  it("says which events have imprecise dates", () => {
    const result = calibrateEvents(ged, flagship, { time: "discrete-day" });
    expect(result.verdict.join(" ")).toMatch(/26 of the 375 events kept are dated only to a week/);
  });
});
