import { describe, expect, it } from "vitest";
import { errorOf } from "../../test/support/errorOf.js";
import { shippedScenarioText, withEdits } from "../../test/support/scenarioText.js";
import { divisibleDemands } from "./divisibleDemands.js";
import { parseScenario } from "./parseScenario.js";

const JCPOA = shippedScenarioText("jcpoa-2015");
const IMF = shippedScenarioText("imf-programme");

const variant = withEdits;

describe("divisible demands (stages) and per-demand payment", () => {
  it("a divisible demand becomes one demand per stage, sharing its signal rates; its id names the share met", () => {
    const s = parseScenario(JCPOA, "jcpoa.yaml");
    expect(s.demands.map((d) => d.id)).toEqual([
      "stockpile",
      "level",
      "research",
      "fordow",
      "numbers",
    ]);
    expect(new Set(s.demands.map((d) => d.stageOf))).toEqual(new Set(["limits"]));
    expect(new Set(s.demands.map((d) => JSON.stringify([d.falsePositive, d.detection]))).size).toBe(
      1,
    );
    expect(divisibleDemands(s.demands)).toEqual([{ id: "limits", stages: [0, 1, 2, 3, 4] }]);
    // every policy that conditions on the demand conditions on all its stages
    expect(s.policies.find((p) => p.id === "K")!.conditions).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(s.policies.find((p) => p.id === "T")!.payment).toBe("per-demand");
    expect(s.policies.find((p) => p.id === "K")!.payment).toBe("whole");
  });

  it("a policy naming a divisible demand conditions on its stages; naming a stage, on that stage only", () => {
    const s = parseScenario(IMF, "imf.yaml");
    expect(s.demands.map((d) => d.id)).toEqual(["fiscal", "reserves", "tax", "soe", "centralbank"]);
    expect(s.policies.find((p) => p.id === "K")!.conditions).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(s.policies.find((p) => p.id === "T")!.conditions).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    const one = parseScenario(
      variant(IMF, ["    demands: [fiscal, reserves, structural]", "    demands: [fiscal, soe]"]),
      "imf.yaml",
    );
    expect(one.policies.find((p) => p.id === "T")!.conditions).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
  });

  it("refuses, located: a stage id used twice, cost on the whole of a divisible demand, a whole demand without a cost, an id that cannot name a variable", () => {
    const error = errorOf(() =>
      parseScenario(
        variant(
          JCPOA,
          ["      - id: level\n", "      - id: stockpile\n"],
          [
            "    falsePositive: alpha\n    detection: beta\n    stages:",
            "    falsePositive: alpha\n    detection: beta\n    costToTarget: 1\n    stages:",
          ],
        ),
        "bad.yaml",
      ),
    );
    expect(error.code).toBe("E_SCENARIO");
    const lines = error.message.split("\n");
    expect(
      lines.some((l) =>
        /^bad\.yaml:\d+:\d+: demands\[0\]\.costToTarget: a divisible demand states costToTarget per stage/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(
      lines.some((l) =>
        /^bad\.yaml:\d+:\d+: demands\[0\]\.stages\[1\]\.id: stage id "stockpile" is already used by demands\[0\]\.stages\[0\]/.test(
          l,
        ),
      ),
    ).toBe(true);

    const whole = errorOf(() =>
      parseScenario(variant(IMF, ["    costToTarget: cN\n", ""]), "whole.yaml"),
    );
    expect(whole.message).toMatch(
      /^whole\.yaml:\d+:\d+: demands\[1\]: missing required field "costToTarget" \(or stages, for a divisible demand\)/m,
    );

    const dashed = errorOf(() =>
      parseScenario(variant(IMF, ["      - id: soe\n", "      - id: s-o-e\n"]), "dash.yaml"),
    );
    expect(dashed.message).toMatch(
      /demands\[2\]\.stages\[1\]\.id: a stage's id names it in expressions: use letters, digits and _ only, found "s-o-e"/,
    );
  });

  it("refuses per-demand payment on an unconditional policy or in the one-shot game", () => {
    const error = errorOf(() =>
      parseScenario(
        variant(
          IMF,
          ["    payment: per-demand\n    oneShot: false\n", "    payment: per-demand\n"],
          [
            "    label: Disburse at every review\n",
            "    label: Disburse at every review\n    payment: per-demand\n    oneShot: false\n",
          ],
        ),
        "pay.yaml",
      ),
    );
    expect(error.message).toMatch(
      /policies\[0\]\.payment: per-demand payment pays for demands met, so it needs a conditional policy, found kind unconditional/,
    );
    expect(error.message).toMatch(
      /policies\[3\]\.payment: per-demand payment is a weekly rule: set oneShot: false/,
    );
  });

  it("the dynamics read the divisible demand's id as the share of its stages met", () => {
    const s = parseScenario(
      variant(JCPOA, [
        "  outputs:\n    limitsKept:\n",
        '  outputs:\n    halfOrMore: { mean: "limits >= 0.5" }\n    limitsKept:\n',
      ]),
      "share.yaml",
    );
    expect(s.dynamics!.outputs.map((o) => o.name)).toContain("halfOrMore");
    const clash = errorOf(() =>
      parseScenario(
        variant(
          JCPOA,
          ["    kept: # months", "    limits: # months"],
          ['next: "kept + (limits == 1)"', 'next: "limits"'],
        ),
        "clash.yaml",
      ),
    );
    expect(clash.message).toMatch(
      /"limits" is already a divisible demand; a state variable needs a name of its own/,
    );
  });
});

describe("reportingLag on a policy", () => {
  it("is read per policy (0 by default) and refused, located, out of range or with per-demand payment", () => {
    const s = parseScenario(IMF, "imf.yaml");
    expect(s.policies.map((p) => p.reportingLag)).toEqual([0, 0, 1, 0]);
    const error = errorOf(() =>
      parseScenario(
        variant(
          IMF,
          ["    reportingLag: 1\n", "    reportingLag: 9\n"],
          ["    payment: per-demand\n", "    payment: per-demand\n    reportingLag: 1\n"],
        ),
        "lag.yaml",
      ),
    );
    expect(error.message).toMatch(
      /^lag\.yaml:\d+:\d+: policies\[2\]\.reportingLag: expected reportingLag ≤ 6/m,
    );
    const both = errorOf(() =>
      parseScenario(
        variant(IMF, [
          "    payment: per-demand\n",
          "    payment: per-demand\n    reportingLag: 1\n",
        ]),
        "both.yaml",
      ),
    );
    expect(both.message).toMatch(
      /^both\.yaml:\d+:\d+: policies\[3\]\.reportingLag: a reporting lag acts on the automaton's moves; per-demand payment pays on this step's signals/m,
    );
  });
});

describe("the JSON Schema export", () => {
  it("describes stages, per-demand payment and the reporting lag", async () => {
    const { scenarioJsonSchema } = await import("./scenarioJsonSchema.js");
    const text = JSON.stringify(scenarioJsonSchema());
    for (const key of ['"stages"', '"per-demand"', '"reportingLag"']) expect(text).toContain(key);
  });
});

describe("concessionOutputs", () => {
  it("names the mean outputs that read only the target's choices", async () => {
    const { concessionOutputs } = await import("./concessionOutputs.js");
    expect(concessionOutputs(parseScenario(JCPOA, "jcpoa.yaml"))).toEqual(["limitsKept"]);
    expect(concessionOutputs(parseScenario(IMF, "imf.yaml"))).toEqual([
      "criteriaMetShare",
      "fiscalMetShare",
      "structuralShare",
    ]);
  });
});

describe("refusals found by review", () => {
  it("per-demand payment with no demand to condition on, a lag on a hidden watched demand, a backlog on a stage, costs keyed by the divisible demand", () => {
    const empty = errorOf(() =>
      parseScenario(
        variant(IMF, ["    demands: [fiscal, reserves, structural]\n", "    demands: []\n"]),
        "empty.yaml",
      ),
    );
    expect(empty.message).toMatch(
      /^empty\.yaml:\d+:\d+: policies\[3\]\.demands: per-demand payment pays for demands met, so it needs at least one demand/m,
    );
    const hidden = errorOf(() =>
      parseScenario(
        variant(JCPOA, [
          "    automaton: { kind: punish, weeks: punishMonths }\n",
          "    automaton: { kind: punish, weeks: punishMonths }\n    reportingLag: 1\n",
        ]),
        "lag.yaml",
      ),
    );
    expect(hidden.message).toMatch(
      /^lag\.yaml:\d+:\d+: policies\[0\]\.reportingLag: a reporting lag needs every demand the policy conditions on to be observable/m,
    );
    const backlog = errorOf(() =>
      parseScenario(
        variant(IMF, [
          "    substitution: sigma_sub\n",
          "    substitution: sigma_sub\n    backlog: { demand: tax, name: B, initial: 1, conceded: 1, otherwise: 0 }\n",
        ]),
        "backlog.yaml",
      ),
    );
    expect(backlog.message).toMatch(
      /dynamics\.target\.backlog\.demand: "tax" is a stage of the divisible demand "structural": a backlog \(a demand used up\) must be a whole demand/,
    );
    const keyed = errorOf(() =>
      parseScenario(
        variant(IMF, [
          "    substitution: sigma_sub\n",
          "    substitution: sigma_sub\n    costs: { structural: 0.1 }\n",
        ]),
        "costs.yaml",
      ),
    );
    expect(keyed.message).toMatch(/"structural" is a divisible demand: give its costs per stage/);
  });
});
