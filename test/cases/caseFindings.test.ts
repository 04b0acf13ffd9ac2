import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { loadScenario } from "../../src/scenario/loadScenario.js";
import type { SimulationResult } from "../../src/sim/SimulationResult.js";
import { closeSimulationPool, simulate } from "../../src/sim/simulate.js";

/**
 * The qualitative findings of the shipped cases (MODEL.md §5, docs/cases/): each is checked at
 * the parameters' values and, where the finding is about the priors, over draws from them. The
 * tolerances follow from the priors: a finding must hold in most prior draws, not only at the
 * values.
 */
const scenario = (id: string) =>
  loadScenario(fileURLToPath(new URL(`../../scenarios/${id}.yaml`, import.meta.url)));
afterAll(closeSimulationPool);

const STAGES = ["stockpile", "level", "research", "fordow", "numbers"] as const;
const WAIVERS_END = 40; // May 2019, month 0 = January 2016

/** The first month from which a stage's mean compliance stays below one half; −1 if never. */
function dropMonth(result: SimulationResult, policy: string, stage: string): number {
  const points = result.policies[policy]!.weekly[stage]!;
  let month = -1;
  for (let t = points.length - 1; t >= 0; t--) {
    if (points[t]!.mean >= 0.5) break;
    month = t;
  }
  return month;
}

describe("JCPOA (jcpoa-2015)", () => {
  const jcpoa = scenario("jcpoa-2015");

  it("under relief limit by limit, every limit holds until the waivers end in May 2019 and then they are dropped one after another (staged)", async () => {
    const result = await simulate(jcpoa, { runs: 400, seed: 3, threads: 1, fixed: true });
    const months = STAGES.map((stage) => dropMonth(result, "T", stage));
    for (const [k, stage] of STAGES.entries()) {
      const points = result.policies["T"]!.weekly[stage]!;
      // before the waivers end, each limit holds in (nearly) every run
      for (let t = 0; t < WAIVERS_END; t++)
        expect(points[t]!.mean, `${stage}, month ${t}`).toBeGreaterThan(0.85);
      expect(months[k], stage).toBeGreaterThanOrEqual(WAIVERS_END);
    }
    // staged: at least three different months, in the order of the stage costs
    expect(new Set(months).size).toBeGreaterThanOrEqual(3);
    expect([...months].sort((a, b) => a - b)).toEqual(months);
    // and spread over at least four months (Iran's steps: Jul 2019 to Jan 2020)
    expect(Math.max(...months) - Math.min(...months)).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it("under the JCPOA as written (all or nothing) the limits fall together, in the same month", async () => {
    const result = await simulate(jcpoa, { runs: 400, seed: 3, threads: 1, fixed: true });
    const months = STAGES.map((stage) => dropMonth(result, "K", stage));
    expect(Math.min(...months)).toBeGreaterThanOrEqual(WAIVERS_END);
    expect(new Set(months).size).toBe(1);
  }, 60_000);

  it("without the US withdrawal (exitMonth past the horizon) every limit holds to the end", async () => {
    const result = await simulate(jcpoa, {
      runs: 400,
      seed: 3,
      threads: 1,
      fixed: true,
      overrides: { exitMonth: 100 },
    });
    for (const stage of STAGES) expect(dropMonth(result, "T", stage), stage).toBe(-1);
    expect(result.policies["T"]!.outcomes["limitsKeptAtEnd"]!.mean).toBeGreaterThan(0.9);
  }, 60_000);

  it("in the one-shot game, once the promise is no longer believed (q_R ≈ 0) relief alone buys no limit", () => {
    const before = analyze(jcpoa).policies["K"]!;
    const after = analyze(jcpoa, { overrides: { qR: 0.02 } }).policies["K"]!;
    const kept = (p: typeof before) =>
      Object.values(p.responses).reduce(
        (n, byDemand) => n + Object.values(byDemand).reduce<number>((a, c) => a + c, 0),
        0,
      );
    expect(kept(before)).toBe(5);
    expect(kept(after)).toBe(0);
  });

  it("over the priors, the first limit is dropped after the waivers end in most draws", async () => {
    const result = await simulate(jcpoa, {
      runs: 400,
      seed: 5,
      threads: 1,
      policies: ["T"],
    });
    // limit-months kept in months 0–39: 40 when all hold; the median run keeps nearly all
    const before = result.policies["T"]!.outcomes["limitsKeptBeforeWaiversEnd"]!;
    expect(before.q50).toBeGreaterThan(36);
    // no limit is dropped by most runs before the waivers end, and they are dropped in stages
    const months = STAGES.map((stage) => dropMonth(result, "T", stage));
    expect(Math.min(...months)).toBeGreaterThanOrEqual(WAIVERS_END);
    expect(new Set(months).size).toBeGreaterThanOrEqual(3);
    expect(result.policies["T"]!.outcomes["limitsKeptAtEnd"]!.q50).toBeLessThanOrEqual(0.2);
  }, 60_000);
});

describe("US aid to Pakistan (pakistan-aid-2009) and Egypt (egypt-aid-2013)", () => {
  for (const [id, demand, share] of [
    ["pakistan-aid-2009", "haqqani", "haqqaniActionShare"],
    ["egypt-aid-2013", "transition", "transitionShare"],
  ] as const) {
    it(`${id}: low leverage — aid only for the ${demand} demand (the suspension's terms) moves it by under 2 points against aid without conditions, and no policy beats aid without conditions`, async () => {
      const s = scenario(id);
      const result = await simulate(s, { runs: 600, seed: 7, threads: 1 });
      const policies = result.policies;
      // conditioning the aid on the demand, run by run against unconditional aid
      // (W − U would be 0 by construction: neither conditions on anything)
      const conditioned = policies["K"]!.versusBaseline![share]!;
      expect(Math.abs(conditioned.mean)).toBeLessThan(0.02);
      expect(policies["K"]!.outcomes[share]!.mean).toBeLessThan(0.05);
      // no policy gives the sender more than unconditional aid
      for (const p of ["W", "K", "KE"])
        expect(policies[p]!.outcomes["leverageValue"]!.mean, p).toBeLessThan(0.02);
      // the one-shot game agrees: the threat to withhold is not credible (a high sender stake)
      const oneShot = analyze(s);
      expect(oneShot.policies["U"]!.senderValue).toBeGreaterThan(
        oneShot.policies["K"]!.senderValue,
      );
    }, 60_000);
  }
});

describe("IMF arrangement (imf-programme)", () => {
  it("waivers lower the threat's credibility: over the priors, the more misses are waived, the fewer criteria are met and the less conditioning is worth", async () => {
    const imf = scenario("imf-programme");
    const at = (enforced: number) =>
      simulate(imf, {
        runs: 600,
        seed: 11,
        threads: 1,
        policies: ["U", "K"],
        overrides: { enforced },
      });
    const strict = await at(1);
    const lax = await at(0.3);
    const met = (r: SimulationResult) => r.policies["K"]!.outcomes["criteriaMetShare"]!.mean;
    const leverage = (r: SimulationResult) => r.policies["K"]!.outcomes["leverageValue"]!.mean;
    expect(met(strict)).toBeGreaterThan(met(lax) + 0.1);
    expect(leverage(strict)).toBeGreaterThan(leverage(lax) + 0.1);
    // without conditions nothing is met beyond what the target would do anyway
    expect(strict.policies["U"]!.outcomes["criteriaMetShare"]!.mean).toBeLessThan(0.05);
  }, 60_000);
});
