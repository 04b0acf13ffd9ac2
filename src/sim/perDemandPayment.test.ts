import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/loadScenario.js";
import { meanField } from "./meanField.js";
import { closeSimulationPool, simulate } from "./simulate.js";

/**
 * Per-demand payment (tranches) and divisible demands in the weekly engine, on the IMF case
 * (every demand observable, so the support paid is exactly the share of the watched demands
 * met) and the JCPOA case (hidden stages, paid on clean signals).
 */
const load = (id: string) =>
  loadScenario(fileURLToPath(new URL(`../../scenarios/${id}.yaml`, import.meta.url)));
afterAll(closeSimulationPool);

describe("per-demand payment", () => {
  it("with observable demands, the support paid each step is exactly the share of the watched demands met (run by run, so in the mean)", async () => {
    const imf = load("imf-programme");
    const result = await simulate(imf, {
      runs: 300,
      seed: 2,
      threads: 1,
      fixed: true,
      policies: ["T"],
      paths: true,
    });
    const paths = result.paths!["T"]!;
    const series = (name: string) => paths[name]!;
    const demands = ["fiscal", "reserves", "tax", "soe", "centralbank"];
    const runs = series("s").length;
    expect(runs).toBe(300);
    for (let run = 0; run < runs; run++) {
      const s = series("s")[run]!;
      s.forEach((paid, t) => {
        const met = demands.reduce((n, d) => n + series(d)[run]![t]!, 0);
        expect(paid).toBeCloseTo(met / demands.length, 6);
      });
    }
  }, 60_000);

  it("the divisible demand's id is the share of its stages met (series structural = mean of tax, soe, centralbank)", async () => {
    const imf = load("imf-programme");
    const result = await simulate(imf, {
      runs: 200,
      seed: 4,
      threads: 1,
      fixed: true,
      policies: ["T"],
      paths: true,
    });
    const paths = result.paths!["T"]!;
    for (let run = 0; run < 200; run++) {
      paths["structural"]![run]!.forEach((share, t) => {
        const stages = ["tax", "soe", "centralbank"].reduce((n, d) => n + paths[d]![run]![t]!, 0);
        expect(share).toBeCloseTo(stages / 3, 6);
      });
    }
  }, 60_000);

  it("the mean field agrees with Monte Carlo on the JCPOA's tranche policy (hidden stages, paid on clean signals)", async () => {
    const jcpoa = load("jcpoa-2015");
    const mc = await simulate(jcpoa, {
      runs: 20_000,
      seed: 9,
      threads: 1,
      fixed: true,
      policies: ["T", "K"],
    });
    const mf = meanField(jcpoa, { policies: ["T", "K"] });
    for (const policy of ["T", "K"]) {
      for (const output of ["limitsKept", "reliefMonths", "senderUtility", "targetUtility"]) {
        const m = mc.policies[policy]!.outcomes[output]!;
        const f = mf.policies[policy]!.outcomes[output]!;
        const se = m.sd / Math.sqrt(20_000);
        const scale = output === "reliefMonths" ? 60 : 1;
        expect(Math.abs(f.mean - m.mean), `${policy} ${output}`).toBeLessThan(
          Math.max(0.02 * scale, 4 * se),
        );
      }
    }
  }, 120_000);
});
