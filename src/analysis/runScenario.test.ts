import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/loadScenario.js";
import { closeSimulationPool } from "../sim/simulate.js";
import { runScenario } from "./runScenario.js";

const scenario = loadScenario(
  fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url)),
);
afterAll(closeSimulationPool);

describe("runScenario", () => {
  it("is reproducible: the same seed gives the same results, on 1 or 2 threads", async () => {
    const one = JSON.stringify(
      await runScenario(scenario, { runs: 250, draws: 200, seed: 4, threads: 1 }),
    );
    const two = JSON.stringify(
      await runScenario(scenario, { runs: 250, draws: 200, seed: 4, threads: 2 }),
    );
    expect(two).toBe(one);
  }, 60_000);

  it("assembles the one-shot analysis, simulation, sensitivity and the tree", async () => {
    const run = await runScenario(scenario, { runs: 250, draws: 400, seed: 2, threads: 1 });
    expect(run.analysis.bestPolicy).toBe("KE");
    expect(Object.keys(run.simulation.policies)).toEqual(["U", "W", "K", "KE", "GT"]);
    // the check against the record: W, the policy followed, one row per observation
    expect(run.record?.policy).toBe("W");
    expect(run.record?.rows.map((r) => r.id)).toEqual(
      scenario.observations!.items.map((o) => o.id),
    );
    // the tornado covers the one-shot parameters with priors, largest swing first
    const swings = run.sensitivity.tornado.map((b) => Math.abs(b.valueAtHigh - b.valueAtLow));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(run.sensitivity.tornado.find((b) => b.parameter === "sigma_sub")).toMatchObject({
      bestAtLow: "K",
      bestAtHigh: "KE",
    });
    expect(run.sensitivity.sobol.map((s) => s.output)).toEqual(["leverageValue", "attacks"]);
    for (const s of run.sensitivity.sobol) {
      for (const i of s.indices) {
        expect(i.firstLow).toBeLessThanOrEqual(i.firstHigh);
        expect(i.totalLow).toBeLessThanOrEqual(i.totalHigh);
      }
    }
    // the baseline attack rate dominates the variance of expected attacks
    expect(run.sensitivity.sobol[1]!.indices[0]!.parameter).toBe("lambda0");
    const shares = Object.values(run.sensitivity.bestPolicyShare.oneShot);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // the tree marks each type's best response under KE: the pragmatic type concedes both demands
    const path = run.tree.nodes.filter((n) => n.onPath).map((n) => n.edge);
    expect(path).toEqual(
      expect.arrayContaining([
        "pragmatic",
        "committed",
        "concede evacuation",
        "concede alqaeda",
        "refuse alqaeda",
      ]),
    );
  }, 60_000);
});
