import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/loadScenario.js";
import { parameterValues } from "../scenario/parameterValues.js";
import { analyze } from "./analyze.js";
import { reconcileWeekly } from "./reconcileWeekly.js";

const flagship = loadScenario(
  fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url)),
);

describe("reconcileWeekly (one-shot and weekly reconciled)", () => {
  it("explains the weekly shares by the quantal response, weekly verification and the backlog", () => {
    // with a credible threat (ρ = 0.5 > ρ*), so that the weekly ladder is carried out in full
    const overrides = { rho: 0.5 };
    const analysis = analyze(flagship, { overrides, pivots: false });
    const { values } = parameterValues(flagship, overrides);
    const r = reconcileWeekly(flagship, analysis, "KE", overrides, values)!;
    expect(r.demands).toEqual(["evacuation", "alqaeda"]);
    // one-shot: both types evacuate, only the pragmatic type (1 − μ0 = 0.3) cuts al-Qaeda ties
    expect(r.oneShot["evacuation"]).toBeCloseTo(1, 12);
    expect(r.oneShot["alqaeda"]).toBeCloseTo(0.3, 12);
    const [weekly, exact, verification] = r.steps;
    expect(r.steps).toHaveLength(3);
    // weekly verification is far weaker (β_w 0.2 against β 0.6): far fewer weeks of suspension
    expect(weekly!.shares["alqaeda"]).toBeLessThan(0.15);
    // with the one-shot rates the weekly share reaches the one-shot level
    expect(verification!.shares["alqaeda"]).toBeGreaterThan(0.3);
    expect(verification!.shares["alqaeda"]).toBeGreaterThan(exact!.shares["alqaeda"]!);
    // evacuation is conceded only while there is a backlog: ⌈B0 / cap_w⌉ = 25 of 52 weeks
    for (const step of r.steps) expect(step.shares["evacuation"]).toBeLessThanOrEqual(26 / 52);
  });
});
