import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../scenario/parseScenario.js";
import { calibratedScenarioYaml } from "./calibratedScenarioYaml.js";
import { scenarioAttackProcess } from "./scenarioAttackProcess.js";

const FLAGSHIP_PATH = fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url));
const FLAGSHIP_TEXT = readFileSync(FLAGSHIP_PATH, "utf8");
const flagship = parseScenario(FLAGSHIP_TEXT, FLAGSHIP_PATH);

describe("scenarioAttackProcess", () => {
  it("finds the flagship's attack process and the background's scale at week 0", () => {
    const process = scenarioAttackProcess(flagship);
    expect(process).toMatchObject({
      excitation: "H",
      events: "attacks",
      branching: "nH",
      decay: "tau",
      background: "lambda0",
    });
    // rate = λ0·(I/I0)·e^{−(Kcap−K0)}·(1 + ω·s)·(1 + ψ·x)·(1 + ε_S(1 − Stab)) + H at week 0 with
    // s = x = 0: Kcap − K0 = σ_sub·κ_US, Stab = Stab0
    const value = (id: string) => flagship.parameters.find((p) => p.id === id)!.value;
    const expected =
      Math.exp(-value("sigma_sub") * value("kappaUS")) * (1 + value("epsS") * (1 - value("stab0")));
    expect(process.backgroundScale).toBeCloseTo(expected, 12);
  });

  it("accepts a named background parameter and refuses one that does not scale the rate", () => {
    expect(scenarioAttackProcess(flagship, "lambda0").background).toBe("lambda0");
    expect(() => scenarioAttackProcess(flagship, "epsS")).toThrow(
      /"epsS" does not scale the background rate of "attacks" proportionally/,
    );
    expect(() => scenarioAttackProcess(flagship, "nope")).toThrow(/"nope" is not a parameter/);
  });

  it("refuses a scenario whose events do not feed hawkes(...) with parameters", () => {
    const literal = FLAGSHIP_TEXT.replace(
      "hawkes(H, attacks, nH, tau)",
      "hawkes(H, attacks, 0.5, tau)",
    );
    expect(() => scenarioAttackProcess(parseScenario(literal, "x.yaml"))).toThrow(
      /only when both are parameters/,
    );
    const none = FLAGSHIP_TEXT.replace("hawkes(H, attacks, nH, tau)", "0");
    expect(() => scenarioAttackProcess(parseScenario(none, "x.yaml"))).toThrow(
      /no state variable is updated by hawkes/,
    );
  });
});

describe("calibratedScenarioYaml", () => {
  const prior = { dist: "normal" as const, mean: 0.48, sd: 0.05, min: 0, max: 0.99 };

  it("changes the value, prior and source of the named parameters and nothing else", () => {
    const out = calibratedScenarioYaml(FLAGSHIP_TEXT, "k.yaml", [
      { id: "nH", value: 0.48, prior, source: "fit to x.csv", comment: "calibrated from x.csv" },
    ]);
    const scenario = parseScenario(out, "k.yaml");
    const nH = scenario.parameters.find((p) => p.id === "nH")!;
    expect(nH).toMatchObject({ value: 0.48, prior, source: "fit to x.csv" });
    // every other parameter as it was
    flagship.parameters
      .filter((p) => p.id !== "nH")
      .forEach((p, i) => {
        expect(scenario.parameters.filter((q) => q.id !== "nH")[i]).toEqual(p);
      });
    // only the three lines changed and one comment line added
    const before = FLAGSHIP_TEXT.split("\n");
    const after = out.split("\n");
    expect(after.length).toBe(before.length + 1);
    expect(after.filter((line) => !before.includes(line))).toEqual([
      "    # calibrated from x.csv",
      "    value: 0.48",
      "    prior: { dist: normal, mean: 0.48, sd: 0.05, min: 0, max: 0.99 }",
      '    source: "fit to x.csv"',
    ]);
  });

  it("adds a source to a parameter that had none, and refuses an undeclared one", () => {
    const text = "parameters:\n  a:\n    value: 1 # old\n    label: A\nrest: 1\n";
    const out = calibratedScenarioYaml(text, "t.yaml", [
      {
        id: "a",
        value: 2,
        prior: { dist: "lognormal", meanlog: 0.7, sdlog: 0.1 },
        source: 's "q"',
        comment: "new",
      },
    ]);
    expect(out).toBe(
      'parameters:\n  a:\n    # new\n    value: 2\n    label: A\n    prior: { dist: lognormal, meanlog: 0.7, sdlog: 0.1 }\n    source: "s \\"q\\""\nrest: 1\n',
    );
    expect(() =>
      calibratedScenarioYaml(text, "t.yaml", [
        { id: "b", value: 1, prior, source: "", comment: "" },
      ]),
    ).toThrow(/t.yaml: parameters.b must be declared as a block map/);
  });
});

describe("calibratedScenarioYaml with block scalars", () => {
  it("replaces a folded or literal source without touching the next key", () => {
    const text =
      "parameters:\n  a:\n    value: 1\n    source: >\n      folded text\n      over two lines\n    label: A\n  b:\n    value: 2\n    source: |\n      literal\n    label: B\n";
    const prior = { dist: "lognormal" as const, meanlog: 0, sdlog: 0.1 };
    const out = calibratedScenarioYaml(text, "t.yaml", [
      { id: "a", value: 3, prior, source: "new a", comment: "ca" },
      { id: "b", value: 4, prior, source: "new b", comment: "cb" },
    ]);
    expect(out).toBe(
      'parameters:\n  a:\n    # ca\n    value: 3\n    source: "new a"\n    label: A\n    prior: { dist: lognormal, meanlog: 0, sdlog: 0.1 }\n  b:\n    # cb\n    value: 4\n    source: "new b"\n    label: B\n    prior: { dist: lognormal, meanlog: 0, sdlog: 0.1 }\n',
    );
  });
});
