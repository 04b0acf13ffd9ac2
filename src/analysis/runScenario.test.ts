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
        expect(i.interaction).toBeCloseTo(i.total - i.first, 12);
        // a flag exactly where the estimates break 0 ≤ first ≤ total beyond their intervals
        const expected =
          i.interactionHigh < 0
            ? "first-order above total"
            : i.firstHigh < 0
              ? "first-order below zero"
              : null;
        expect(i.flag, `${s.output} ${i.parameter}`).toBe(expected);
      }
    }
    // the leverage value meets the 0.1 target by doubling N; the attacks stop at their cap
    const [leverage, attacks] = run.sensitivity.sobol;
    expect(leverage).toMatchObject({ initialSamples: 1024, targetWidth: 0.1, targetMet: true });
    expect(leverage!.baseSamples).toBeGreaterThanOrEqual(1024);
    expect(leverage!.baseSamples).toBeLessThanOrEqual(leverage!.maxSamples);
    expect(leverage!.widestInterval).toBeLessThan(0.1);
    for (const i of leverage!.indices) {
      expect(i.firstHigh - i.firstLow).toBeLessThan(0.1);
      expect(i.totalHigh - i.totalLow).toBeLessThan(0.1);
    }
    expect(leverage!.evaluations).toBe(leverage!.baseSamples * (leverage!.indices.length + 2));
    expect(attacks).toMatchObject({ baseSamples: 32, maxSamples: 32, targetMet: false });
    // tornado and Sobol on the same outputs, over the same parameters
    expect(run.sensitivity.tornadoes.map((t) => t.output)).toEqual(
      run.sensitivity.sobol.map((s) => s.output),
    );
    for (const [k, t] of run.sensitivity.tornadoes.entries()) {
      const sobol = run.sensitivity.sobol[k]!;
      expect(t.description).toBe(sobol.description);
      expect(t.bars.map((b) => b.parameter).sort()).toEqual(
        sobol.indices.map((i) => i.parameter).sort(),
      );
    }
    expect(run.sensitivity.tornadoes[0]!.bars).toEqual(run.sensitivity.tornado);
    // credibility decides (MODEL.md §2b): the reputation stake and the resolute prior both move
    // the leverage value one at a time, and over the priors the credibility and threat
    // parameters lead the Sobol ranking, mostly through interactions
    const swing = (id: string) => {
      const b = run.sensitivity.tornado.find((bar) => bar.parameter === id)!;
      return Math.abs(b.valueAtHigh - b.valueAtLow);
    };
    expect(swing("rho")).toBeGreaterThan(0.05);
    expect(swing("piR")).toBeGreaterThan(0.05);
    expect(["rho", "piR", "D", "kx"]).toContain(leverage!.indices[0]!.parameter);
    expect(leverage!.indices[0]!.interaction).toBeGreaterThan(0.1);
    const attacksTornado = run.sensitivity.tornadoes[1]!;
    expect(attacksTornado.bars[0]!.parameter).toBe("lambda0");
    expect(attacksTornado.baseValue).toBeGreaterThan(0);
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
