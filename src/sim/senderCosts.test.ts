import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { senderCostTippingPoints } from "../analysis/senderCostTippingPoints.js";
import { LinkageError } from "../errors/LinkageError.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { parameterValues } from "../scenario/parameterValues.js";
import { parseScenario } from "../scenario/parseScenario.js";
import { meanField } from "./meanField.js";
import { closeSimulationPool, simulate } from "./simulate.js";

/** The human cost in the sender's payoff (MODEL.md §2b; docs/model.md "What the sender counts"). */
const flagship = loadScenario(
  fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url)),
);
afterAll(closeSimulationPool);

const RUNS = 400;
const run = (overrides: Record<string, number>) =>
  simulate(flagship, { runs: RUNS, seed: 7, fixed: true, threads: 1, overrides });

describe("dynamics.senderCosts", () => {
  it("subtracts w·output/weeks from senderUtility run by run, and reports each term", async () => {
    const none = await run({ wI: 0, wF: 0 });
    const some = await run({ wI: 0.02, wF: 0.03 });
    for (const id of Object.keys(some.policies)) {
      const a = none.policies[id]!.outcomes;
      const b = some.policies[id]!.outcomes;
      // the runs do not depend on the weights: same attacks and deaths
      expect(b["fatalities"]!.mean).toBe(a["fatalities"]!.mean);
      expect(b["attacksCost"]!.mean).toBeCloseTo((0.02 * a["attacks"]!.mean) / some.weeks, 12);
      expect(b["fatalitiesCost"]!.mean).toBeCloseTo(
        (0.03 * a["fatalities"]!.mean) / some.weeks,
        12,
      );
      expect(b["senderUtility"]!.mean).toBeCloseTo(
        a["senderUtility"]!.mean - b["attacksCost"]!.mean - b["fatalitiesCost"]!.mean,
        12,
      );
      expect(a["fatalitiesCost"]!.mean).toBe(0);
    }
  });

  it("pairs every outcome with the baseline's run by run, with an interval for the mean", async () => {
    const result = await run({});
    const base = result.policies["U"]!;
    expect(base.versusBaseline).toBeUndefined();
    for (const id of ["W", "K", "KE", "GT"]) {
      const p = result.policies[id]!;
      for (const name of ["attacks", "fatalities", "senderUtility", "fatalitiesCost"]) {
        const d = p.versusBaseline![name]!;
        expect(d.mean).toBeCloseTo(p.outcomes[name]!.mean - base.outcomes[name]!.mean, 9);
        expect(d.meanLow).toBeLessThanOrEqual(d.mean);
        expect(d.meanHigh).toBeGreaterThanOrEqual(d.mean);
      }
      // common random numbers: the paired interval is narrower than an unpaired one would be
      const d = p.versusBaseline!["attacks"]!;
      const unpaired =
        1.96 *
        Math.sqrt((p.outcomes["attacks"]!.sd ** 2 + base.outcomes["attacks"]!.sd ** 2) / RUNS);
      expect(d.meanHigh - d.mean).toBeLessThan(unpaired);
    }
  });

  it("the tipping weight on deaths is where the recommendation changes when simulated again", async () => {
    const result = await run({});
    const { values } = parameterValues(flagship, {});
    const tips = senderCostTippingPoints(flagship, result, values);
    const deaths = tips.find((t) => t.parameter === "wF")!;
    expect(deaths.output).toBe("fatalities");
    expect(deaths.segments[0]!.from).toBe(0);
    expect(deaths.tippingValue).not.toBeNull();
    const w = deaths.tippingValue!;
    const best = (r: Awaited<ReturnType<typeof run>>) =>
      Object.keys(r.policies).reduce((a, b) =>
        r.policies[b]!.outcomes["senderUtility"]!.mean >
        r.policies[a]!.outcomes["senderUtility"]!.mean
          ? b
          : a,
      );
    const segment = (x: number) => deaths.segments.find((s) => s.from <= x && x < s.to)!.best;
    const below = await run({ wF: w * 0.999 });
    const above = await run({ wF: w * 1.001 });
    expect(best(below)).toBe(segment(w * 0.999));
    expect(best(above)).toBe(segment(w * 1.001));
    expect(best(below)).not.toBe(best(above));
  });

  it("the mean field counts the same costs at the parameters' values", () => {
    const mf = meanField(flagship, { policies: ["U", "KE"] });
    const ke = mf.policies["KE"]!.outcomes;
    expect(ke["fatalitiesCost"]!.mean).toBeCloseTo((0.01 * ke["fatalities"]!.mean) / mf.weeks, 12);
  });

  it("refuses a cost on an unknown output or on one that is not a sum, naming the field", () => {
    const text = (costs: string) => `
linkage: 1
id: c
actors:
  sender: { id: s }
  target: { id: t, types: [{ id: only }] }
inducements: [{ id: aid, valueToTarget: 1, costToSender: 0.1 }]
demands: [{ id: move, observable: true, costToTarget: 0.3, valueToSender: 1 }]
policies:
  - { id: U, kind: unconditional }
dynamics:
  weeks: 4
  target: { discount: 0.9, rationality: 4, supportValue: 1, escalationCost: 0 }
  state: { n: { initial: 0, next: "n + 1" } }
  week: { flow: "s" }
  outputs:
    senderUtility: { mean: flow }
    total: { sum: n }
    last: { final: n }
  senderCosts: ${costs}
`;
    expect(parseScenario(text("{ total: 0.5 }"), "c.yaml").dynamics!.senderCosts).toHaveLength(1);
    for (const [costs, message] of [
      ["{ totl: 0.5 }", /dynamics\.senderCosts\.totl.*unknown output "totl"/s],
      ["{ last: 0.5 }", /"last" is a final; a sender cost counts a sum/],
    ] as const) {
      let error: unknown;
      try {
        parseScenario(text(costs), "c.yaml");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LinkageError);
      expect(String((error as Error).message)).toMatch(message);
      expect(String((error as Error).message)).toMatch(/c\.yaml:\d+/);
    }
  });
});
