import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { hawkesStep } from "../expression/hawkesStep.js";
import { randomStream } from "../math/randomStream.js";
import { powerlawMean, severity } from "../math/samplers.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { parameterValues } from "../scenario/parameterValues.js";
import { parseScenario } from "../scenario/parseScenario.js";
import { meanField } from "./meanField.js";
import { backlogLevel, buildPolicyRunModel, writeChoiceRow } from "./policyRunModel.js";
import { closeSimulationPool, simulate } from "./simulate.js";

/**
 * CLG-W v2 (docs/model.md, "The weekly model, version 2"): each property the referee asked
 * for, on the flagship or on a scenario small enough to check by hand.
 */
const flagship = loadScenario(
  fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url)),
);
afterAll(closeSimulationPool);

const policy = (id: string) => flagship.policies.findIndex((p) => p.id === id);
const values = (overrides: Record<string, number> = {}) =>
  parameterValues(flagship, overrides).values;
/** π(· | type, pressure, level, m) of a policy's run model, as an array. */
function row(
  model: ReturnType<typeof buildPolicyRunModel>,
  type: number,
  pressure: number,
  level: number,
  m: number,
): number[] {
  const out = new Float64Array(model.actions);
  writeChoiceRow(model, type, pressure, level, m, out, 0);
  return [...out];
}
const PRAGMATIC = 1;
// actions are bit masks: bit 0 evacuation, bit 1 al-Qaeda
const EVACUATE = [1, 3];

const BACKLOG = `
linkage: 1
id: backlog-test
actors:
  sender: { id: s }
  target: { id: t, types: [{ id: only }] }
inducements: [{ id: aid, valueToTarget: 1, costToSender: 0.1 }]
demands: [{ id: move, observable: true, costToTarget: 0.3, valueToSender: 1 }]
policies:
  - { id: U, kind: unconditional }
  - { id: K, kind: conditional, automaton: { kind: punish, weeks: 2 } }
dynamics:
  weeks: 30
  target:
    discount: 0.9
    rationality: 4
    supportValue: 1
    escalationCost: 0
    backlog: { demand: move, name: B, initial: 1000, conceded: 200, otherwise: 0 }
  state:
    X: { initial: 0, next: "X + move" }
  outputs:
    moved: { sum: move }
    left: { final: B }
  series: [move, B]
`;

describe("1. evacuation stops paying when the backlog is empty", () => {
  const scenario = parseScenario(BACKLOG, "backlog.yaml");

  it("no run concedes a used-up demand: at most ⌈B0/cap⌉ = 5 weeks of moving, none once B = 0", async () => {
    const result = await simulate(scenario, {
      runs: 300,
      seed: 2,
      fixed: true,
      threads: 1,
      paths: true,
    });
    for (const id of ["U", "K"]) {
      const moves = result.paths![id]!["move"]!;
      const stock = result.paths![id]!["B"]!;
      moves.forEach((path, r) => {
        expect(path.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5);
        path.forEach((move, t) => {
          if (stock[r]![t] === 0) expect(move).toBe(0);
        });
      });
    }
    // under K the backlog clears in every run (refusing is punished), so the flows stop
    expect(result.policies["K"]!.outcomes["left"]!.q95).toBe(0);
    expect(result.policies["K"]!.outcomes["moved"]!.mean).toBe(5);
  });

  it("the target's plan knows it: at level 0 conceding the used-up demand has probability 0", () => {
    const model = buildPolicyRunModel(scenario, [], 1);
    expect(model.levels).toBe(6);
    for (let m = 0; m < model.states; m++) expect(row(model, 0, 1, 0, m)[1]).toBe(0);
    // with the stock still there, conceding is likely (it is rewarded by support)
    expect(row(model, 0, 1, 5, 0)[1]).toBeGreaterThan(0.5);
  });

  it("the flagship's KE leverage value is no longer half credit for evacuating nobody", async () => {
    const result = await simulate(flagship, { runs: 2000, seed: 1, fixed: true, threads: 1 });
    // issue 11 measured ≈ 0.92 before the backlog entered the model, ≈ 0.43 with it capped
    expect(result.policies["KE"]!.outcomes["leverageValue"]!.mean).toBeLessThan(0.6);
    expect(result.policies["KE"]!.outcomes["leverageValue"]!.mean).toBeGreaterThan(0.2);
  });
});

describe("2. substitutes erode the weekly carrot", () => {
  it("at σ_sub = 1 withholding costs the target nothing: its choices under K equal those under U", () => {
    const k = buildPolicyRunModel(flagship, values({ sigma_sub: 1 }), policy("K"));
    const u = buildPolicyRunModel(flagship, values({ sigma_sub: 1 }), policy("U"));
    const level = backlogLevel(k, k.backlog!.initial);
    for (let m = 0; m < k.states; m++) {
      const mine = row(k, PRAGMATIC, 1, level, m);
      row(u, PRAGMATIC, 1, level, 0).forEach((p, a) => {
        expect(mine[a]).toBeCloseTo(p, 9);
      });
    }
  });

  it("the more substitutes cover, the less the pragmatic type concedes both demands under K", () => {
    const both = (sigma: number) => {
      const model = buildPolicyRunModel(flagship, values({ sigma_sub: sigma }), policy("K"));
      return row(model, PRAGMATIC, 1, backlogLevel(model, model.backlog!.initial), 0)[3]!;
    };
    expect(both(0)).toBeGreaterThan(both(0.3));
    expect(both(0.3)).toBeGreaterThan(both(0.7));
  });
});

describe("3. the insurgency drives the target", () => {
  it("the value of support rises with ISKP pressure: the target evacuates more under K when ISKP surges", () => {
    const model = buildPolicyRunModel(flagship, values(), policy("K"));
    const level = backlogLevel(model, model.backlog!.initial);
    const evacuate = (pressure: number) =>
      EVACUATE.reduce((sum, a) => sum + row(model, PRAGMATIC, pressure, level, 0)[a]!, 0);
    expect(evacuate(1.5)).toBeGreaterThan(evacuate(1));
    expect(evacuate(1)).toBeGreaterThan(evacuate(0.6));
  });

  it("the first-order plan in the pressure agrees with re-solving at g_w·P (within 0.01 at P = 1.2)", () => {
    const model = buildPolicyRunModel(flagship, values(), policy("KE"));
    const resolved = buildPolicyRunModel(flagship, values({ g_w: 1.2 }), policy("KE"));
    const level = backlogLevel(model, model.backlog!.initial);
    for (let m = 0; m < model.states; m++) {
      const approx = row(model, PRAGMATIC, 1.2, level, m);
      row(resolved, PRAGMATIC, 1, level, m).forEach((p, a) => {
        expect(Math.abs(approx[a]! - p)).toBeLessThan(0.01);
      });
    }
  });

  it("al-Qaeda capability is an output, and cutting ties lowers it", async () => {
    const result = await simulate(flagship, { runs: 500, seed: 3, fixed: true, threads: 1 });
    const a = (id: string) => result.policies[id]!.outcomes["alqaedaCapability"]!.mean;
    // KE wins the most al-Qaeda suspensions, so leaves al-Qaeda weakest
    expect(a("KE")).toBeLessThan(a("U"));
  });
});

describe("4. self-excitation must be stable", () => {
  it("hawkes refuses a branching ratio n ≥ 1", () => {
    expect(() => hawkesStep(0, 3, 1, 2)).toThrow(/explosive/);
    expect(() => hawkesStep(0, 3, 0.99, 2)).not.toThrow();
  });

  it("a scenario whose effective branching ratio reaches 1 is refused at its line, not simulated", async () => {
    const explosive = { lambda0: 12, epsS: 1, chiN: 0.1, zeta: 0.02 };
    const error = await simulate(flagship, {
      runs: 10,
      fixed: true,
      threads: 1,
      overrides: explosive,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkageError);
    expect((error as Error).message).toMatch(
      /kabul-2021\.yaml:\d+:\d+: dynamics\.branchingRatio: the attack process is explosive/,
    );
    expect(() => meanField(flagship, { overrides: explosive })).toThrow(/explosive/);
  });

  it("prior draws are conditioned on a stable process: explosive ones are redrawn, and counted", async () => {
    // with χ_N at the top of MODEL.md §4's old prior (0.1) about 9% of the joint prior is explosive
    const result = await simulate(flagship, {
      runs: 1000,
      seed: 5,
      threads: 1,
      policies: ["W"],
      overrides: { chiN: 0.1 },
    });
    expect(result.redrawnRuns).toBeGreaterThan(30);
    expect(result.redrawnRuns).toBeLessThan(150);
    // and no run runs away: the worst 5% of runs stay within a few times the 2021 record
    expect(result.policies["W"]!.outcomes["attacks"]!.q95).toBeLessThan(2000);
    // the recalibrated priors (docs/model.md, "Checked against the record") keep almost every draw
    const flagshipPriors = await simulate(flagship, {
      runs: 1000,
      seed: 5,
      weeks: 1,
      threads: 1,
      policies: ["W"],
      leverage: false,
    });
    expect(flagshipPriors.redrawnRuns).toBeLessThan(10);
  });
});

describe("5. fatalities: a truncated tail, medians first", () => {
  it("truncated power-law severities never exceed xmax, and their mean is the closed form", () => {
    const rng = randomStream(9, 0);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = severity(rng, 1, 1, 2, 1, 10, 2.4, 300);
      expect(x).toBeLessThanOrEqual(300);
      expect(x).toBeGreaterThanOrEqual(10);
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / n;
    const se = Math.sqrt((sumSq / n - mean * mean) / n);
    expect(Math.abs(mean - powerlawMean(10, 2.4, 300))).toBeLessThan(4 * se);
    // untruncated, the mean is 35; truncation at 300 removes the tail's share above it
    expect(powerlawMean(10, 2.4, 300)).toBeLessThan(35);
    expect(powerlawMean(10, 2, 300)).toBeCloseTo((10 * Math.log(30)) / (1 - 1 / 30), 12);
  });

  it("the flagship truncates at its sourced maximum (sevMax), so a run's fatalities have a finite spread", () => {
    const fatalities = flagship.dynamics!.week.find((w) => w.name === "fatalities")!;
    expect(fatalities.expression.text).toMatch(/sevMax\)$/);
  });
});

describe("6. the sender learns from what it sees", () => {
  it("under KE the belief that the Taliban are committed rises in committed runs and falls in pragmatic ones", async () => {
    const result = await simulate(flagship, {
      runs: 1000,
      seed: 4,
      fixed: true,
      threads: 1,
      policies: ["KE"],
    });
    const byType = result.policies["KE"]!.beliefByType!;
    const prior = byType["committed"]![0]!;
    expect(prior).toBeCloseTo(0.7, 12);
    expect(byType["committed"]![51]!).toBeGreaterThan(prior + 0.05);
    expect(byType["pragmatic"]![51]!).toBeLessThan(prior - 0.1);
  });

  it("the observed choice and the hidden signal are two observations: the belief separates types one signal alone cannot", async () => {
    // type a moves and cheats on the secret; type b keeps the secret and does not move. Each
    // week both give a violation (a by the secret's signal, b by the unmet move), so the
    // violation alone teaches nothing; what the sender sees, the move and the signal, does.
    const scenario = parseScenario(
      `
linkage: 1
id: two-observations
parameters:
  p: { value: 0.5 }
actors:
  sender: { id: s }
  target: { id: t, types: [{ id: a, prior: p }, { id: b }] }
inducements: [{ id: aid, valueToTarget: 1, costToSender: 0.1 }]
demands:
  - { id: move, observable: true, costToTarget: { a: 0, b: 3 }, valueToSender: 1 }
  - { id: secret, observable: false, falsePositive: 0.01, detection: 0.99, costToTarget: { a: 3, b: 0 }, valueToSender: 1 }
policies: [{ id: U, kind: unconditional }]
dynamics:
  weeks: 10
  target: { discount: 0.5, rationality: 10, supportValue: 1, escalationCost: 0 }
  state:
    X: { initial: 0, next: "X" }
  outputs:
    moved: { mean: move }
`,
      "two.yaml",
    );
    const result = await simulate(scenario, { runs: 400, seed: 1, fixed: true, threads: 1 });
    const byType = result.policies["U"]!.beliefByType!;
    expect(byType["a"]![9]!).toBeGreaterThan(0.99);
    expect(byType["b"]![9]!).toBeLessThan(0.01);
  });
});

describe("7. sequential rationality, as docs/model.md defines it", () => {
  it("with ρ = 0, no penalty ℓ and costly escalation, KE's prescription is rational exactly in its supporting weeks", async () => {
    // supporting gains h_S − k_s = 0.3 > 0 (no ℓ): withholding is irrational; escalation with
    // k_x = 100 is irrational; so a week is rational iff the ladder is at rung 0
    const result = await simulate(flagship, {
      runs: 300,
      seed: 6,
      fixed: true,
      threads: 1,
      policies: ["KE"],
      overrides: { rho: 0, ell: 0, kx: 100 },
    });
    const o = result.policies["KE"]!.outcomes;
    expect(o["sequentialRationality"]!.mean).toBeCloseTo(o["supportWeeks"]!.mean / 52, 12);
    expect(o["sequentialRationality"]!.mean).toBeLessThan(1);
  });
});
