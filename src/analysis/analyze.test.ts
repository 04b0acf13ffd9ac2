import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/loadScenario.js";
import { analyze } from "./analyze.js";

const FLAGSHIP = fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url));
const scenario = loadScenario(FLAGSHIP);
// MODEL.md §2's worked example: σ_sub 0 and c_A(C) 3.0; every other default is the flagship's
// MODEL.md §2's worked example; ρ = 0.5 (MODEL.md §4's value, above ρ* = 0.2533) makes every
// follow-through credible, so the equilibrium reproduces the committed rule's numbers
const MODEL_EXAMPLE = { sigma_sub: 0, cA_C: 3.0, rho: 0.5 };
const TOL = 4; // digits: 1e-4

describe("analyze: MODEL.md §2 reference numbers", () => {
  const r = analyze(scenario, { overrides: MODEL_EXAMPLE, pivots: false });

  it("al-Qaeda thresholds are 1.25 under KE and 0.50 under K", () => {
    for (const type of ["committed", "pragmatic"]) {
      expect(r.thresholds["KE"]![type]!["alqaeda"]).toBeCloseTo(1.25, TOL);
      expect(r.thresholds["K"]![type]!["alqaeda"]).toBeCloseTo(0.5, TOL);
    }
  });

  it("under K and KE the pragmatic type concedes both and the committed type evacuation only; under U and W neither concedes", () => {
    for (const policy of ["K", "KE"]) {
      expect(r.policies[policy]!.responses).toEqual({
        committed: { evacuation: 1, alqaeda: 0 },
        pragmatic: { evacuation: 1, alqaeda: 1 },
      });
    }
    for (const policy of ["U", "W"]) {
      expect(r.policies[policy]!.responses).toEqual({
        committed: { evacuation: 0, alqaeda: 0 },
        pragmatic: { evacuation: 0, alqaeda: 0 },
      });
    }
  });

  it("E[U_S] is U −0.200, W 0.000, K 1.625, KE 1.511; K is best", () => {
    expect(r.policies["U"]!.senderValue).toBeCloseTo(-0.2, TOL);
    expect(r.policies["W"]!.senderValue).toBeCloseTo(0, TOL);
    expect(r.policies["K"]!.senderValue).toBeCloseTo(1.625, TOL);
    expect(r.policies["KE"]!.senderValue).toBeCloseTo(1.511, TOL);
    expect(r.bestPolicy).toBe("K");
  });

  it("P(viol) 0.45, μ(C|viol) 0.9333, μ(C|clean) 0.5091", () => {
    expect(r.posteriorsByType.violationProbability).toBeCloseTo(0.45, TOL);
    expect(r.posteriors.afterViolation).toBeCloseTo(0.9333, TOL);
    expect(r.posteriors.afterClean).toBeCloseTo(0.5091, TOL);
    expect(r.posteriorType).toBe("committed");
  });

  it("promise +0.0455, support after violation −0.1667, escalation −0.2533, ρ* 0.2533", () => {
    const c = r.credibility!;
    expect(c.policy).toBe("KE");
    expect(c.promiseAfterClean).toBeCloseTo(0.0455, TOL);
    expect(c.supportAfterViolation).toBeCloseTo(-0.1667, TOL);
    expect(c.escalationAfterViolation).toBeCloseTo(-0.2533, TOL);
    expect(c.minReputationStake).toBeCloseTo(0.2533, TOL);
    expect(c.withholdCredible).toBe(true);
    expect(c.promiseCredible).toBe(true);
    expect(c.escalationCredible).toBe(true); // ρ = 0.5 ≥ ρ*
  });

  it("escalation is not credible without reputation (ρ = 0)", () => {
    const c = analyze(scenario, { overrides: { ...MODEL_EXAMPLE, rho: 0 }, pivots: false })
      .credibility!;
    expect(c.escalationCredible).toBe(false);
    expect(c.withholdCredible).toBe(true);
    expect(c.minReputationStake).toBeCloseTo(0.2533, TOL);
  });

  it("closed-form thresholds equal the enumerated ones", () => {
    for (const policy of ["K", "KE"]) {
      for (const type of ["committed", "pragmatic"]) {
        for (const demand of ["evacuation", "alqaeda"]) {
          expect(r.closedFormThresholds[policy]![type]![demand]).toBeCloseTo(
            r.thresholds[policy]![type]![demand]!,
            12,
          );
        }
      }
    }
  });
});

describe("analyze: MODEL.md §2 comparative statics", () => {
  it("with c_A(P) 0.8, K buys only evacuation from P (E[U_S] 0.92) while KE still buys both (1.511)", () => {
    const r = analyze(scenario, { overrides: { ...MODEL_EXAMPLE, cA_P: 0.8 }, pivots: false });
    expect(r.policies["K"]!.responses["pragmatic"]).toEqual({ evacuation: 1, alqaeda: 0 });
    expect(r.policies["K"]!.senderValue).toBeCloseTo(0.92, TOL);
    expect(r.policies["KE"]!.responses["pragmatic"]).toEqual({ evacuation: 1, alqaeda: 1 });
    expect(r.policies["KE"]!.senderValue).toBeCloseTo(1.511, TOL);
    expect(r.bestPolicy).toBe("KE");
  });

  it("with σ_sub 0.3 (G 0.7) K collapses to (0, 0) and 0 while KE is unchanged at 1.511", () => {
    const r = analyze(scenario, { overrides: { ...MODEL_EXAMPLE, sigma_sub: 0.3 }, pivots: false });
    expect(r.policies["K"]!.responses).toEqual({
      committed: { evacuation: 0, alqaeda: 0 },
      pragmatic: { evacuation: 0, alqaeda: 0 },
    });
    expect(r.policies["K"]!.senderValue).toBeCloseTo(0, TOL);
    expect(r.policies["KE"]!.senderValue).toBeCloseTo(1.511, TOL);
    expect(r.bestPolicy).toBe("KE");
  });

  it.each([0.1, 0.3, 0.6])(
    "with β = α = %f the hidden demand is never conceded, the observable one still is",
    (rate) => {
      const r = analyze(scenario, {
        overrides: { ...MODEL_EXAMPLE, alpha: rate, beta: rate },
        pivots: false,
      });
      for (const policy of Object.values(r.policies)) {
        for (const response of Object.values(policy.responses)) expect(response["alqaeda"]).toBe(0);
      }
      for (const response of Object.values(r.policies["KE"]!.responses))
        expect(response["evacuation"]).toBe(1);
      for (const policy of ["K", "KE"]) {
        for (const type of ["committed", "pragmatic"])
          expect(r.thresholds[policy]![type]!["alqaeda"]).toBeCloseTo(0, 12);
      }
    },
  );
});

describe("analyze: the flagship at its own defaults", () => {
  const r = analyze(scenario);
  it("KE is best; the pivots are σ_sub = 0.2 and β = 0.5 (K below, KE above)", () => {
    expect(r.bestPolicy).toBe("KE");
    expect(r.pivots.map((p) => [p.parameter, p.below, p.above])).toEqual([
      ["sigma_sub", "K", "KE"],
      ["beta", "K", "KE"],
    ]);
    expect(r.pivots[0]!.value).toBeCloseTo(0.2, 9);
    // below β = 0.5 the escalation the threat rests on (believed at π_R = 0.2) no longer covers
    // the pragmatic type's cost of cutting its ties: (β − α)(G + π_R·D) = 0.4·1.0 = 0.4 = c_A(P)
    expect(r.pivots[1]!.value).toBeCloseTo(0.5, 9);
  });
  it("reports every parameter and keeps the JSON contract's keys", () => {
    expect(Object.keys(r.parameters)).toEqual(
      expect.arrayContaining(
        "mu0 cE cA_C cA_P G0 sigma_sub D alpha beta vE vA hS ks ell kx bx_C bx_P hX rho piR".split(
          " ",
        ),
      ),
    );
    for (const key of [
      "scenario",
      "parameters",
      "policies",
      "bestPolicy",
      "posteriors",
      "credibility",
      "thresholds",
      "pivots",
    ]) {
      expect(r).toHaveProperty(key);
    }
    for (const key of [
      "promiseAfterClean",
      "supportAfterViolation",
      "escalationAfterViolation",
      "minReputationStake",
      "withholdCredible",
      "escalationCredible",
    ]) {
      expect(r.credibility).toHaveProperty(key);
    }
    expect(Object.keys(r.thresholds)).toEqual(["K", "KE"]);
    expect(Object.keys(r.policies)).toEqual(["U", "W", "K", "KE"]); // GT is weekly-only
  });
  it("a posterior is null when its signal cannot occur", () => {
    // with no carrot and no stick, nobody concedes and a violation is certain
    const none = analyze(scenario, { overrides: { G0: 0, D: 0.3, piR: 0, rho: 0 }, pivots: false });
    expect(none.policies["KE"]!.responses["committed"]).toEqual({ evacuation: 0, alqaeda: 0 });
    expect(none.posteriors.afterClean).toBeNull();
    expect(none.credibility!.promiseAfterClean).toBeNull();
    expect(none.posteriors.afterViolation).toBeCloseTo(0.7, 12);
  });
});
