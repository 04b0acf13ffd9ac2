import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/loadScenario.js";
import { parameterValues } from "../scenario/parameterValues.js";
import { analyze } from "./analyze.js";
import { bestPolicyShare } from "./bestPolicyShare.js";

const FLAGSHIP = fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url));
const scenario = loadScenario(FLAGSHIP);

describe("bestPolicyShare", () => {
  it("is a distribution over the one-shot policies, the same for the same seed", () => {
    const { values } = parameterValues(scenario, {});
    const share = bestPolicyShare(scenario, values, 400, 3);
    const total = Object.values(share).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(bestPolicyShare(scenario, values, 400, 3)).toEqual(share);
  });

  it("holds the parameters the user set at their values, as the simulation does", () => {
    // every one-shot parameter with a prior set: no draw varies, so one policy wins every draw
    const overrides = Object.fromEntries(
      scenario.parameters.filter((p) => p.prior && p.usedInOneShot).map((p) => [p.id, p.value]),
    );
    overrides["sigma_sub"] = 0.1;
    const { values } = parameterValues(scenario, overrides);
    const share = bestPolicyShare(scenario, values, 200, 1, overrides);
    const best = analyze(scenario, { overrides, pivots: false }).bestPolicy;
    expect(share[best]).toBe(1);
    // one parameter set moves the shares (below sigma_sub = 0.2, K beats KE at the defaults)
    const one = { sigma_sub: 0.1 };
    const free = bestPolicyShare(scenario, parameterValues(scenario, one).values, 400, 1);
    const held = bestPolicyShare(scenario, parameterValues(scenario, one).values, 400, 1, one);
    expect(held).not.toEqual(free);
  });
});
