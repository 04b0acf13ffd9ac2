import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { punishAutomaton } from "./automata/punishAutomaton.js";
import { greenPorterThreshold } from "./greenPorter.js";
import type { SoftMdp } from "./softValueIteration.js";
import { softValueIteration } from "./softValueIteration.js";
import { buildTargetMdp, type TargetMdp } from "./targetMdp.js";

/** Bit masks over (evacuation, al-Qaeda): evacuate only, and concede both. */
const EVACUATE_ONLY = 0b01;
const CONCEDE_BOTH = 0b11;

/**
 * MODEL.md §3's check: the pragmatic type (c_E 0.3, c_A(P) 0.4) against grim trigger K(∞),
 * g_w 1, α_w 0.02, β_w 0.2; evacuation observable, al-Qaeda hidden.
 */
function grimPragmatic(escalationCost = 0.8): TargetMdp {
  return buildTargetMdp({
    automaton: punishAutomaton(Number.POSITIVE_INFINITY),
    costs: Float64Array.of(0.3, 0.4),
    observable: [true, false],
    falsePositive: Float64Array.of(0, 0.02),
    detection: Float64Array.of(1, 0.2),
    supportValue: 1,
    escalationCost,
  });
}

/** The best-response choice (λ = ∞) in the supporting state 0. */
function bestInSupport(mdp: SoftMdp, discount: number): number {
  const { policy } = softValueIteration(mdp, { discount, rationality: Infinity });
  const row = [...policy.subarray(0, mdp.actions)];
  expect(row.filter((p) => p === 1)).toHaveLength(1);
  return row.indexOf(1);
}

describe("greenPorterThreshold", () => {
  // c = 1 − 0.3 − 0.4 (concede both), d = 1 − 0.3 (evacuate only), p = 0 (punished, concede
  // nothing), π_c = α_w, π_d = β_w; by hand δ* = 0.4 / (0.18·0.3 + 0.98·0.4) = 0.4 / 0.446
  const flagship = { c: 0.3, d: 0.7, p: 0, piC: 0.02, piD: 0.2 };
  const deltaStar = greenPorterThreshold(flagship);

  it("gives δ* = 0.8969 for the flagship's pragmatic type (MODEL.md §3)", () => {
    expect(deltaStar.toFixed(4)).toBe("0.8969");
    expect(deltaStar).toBeCloseTo(0.4 / 0.446, 15);
  });

  it("the MDP's flows are the closed form's c, d and p", () => {
    const { reward, pViolation } = grimPragmatic();
    expect(reward[CONCEDE_BOTH]).toBeCloseTo(flagship.c, 15);
    expect(reward[EVACUATE_ONLY]).toBeCloseTo(flagship.d, 15);
    expect(Math.max(...reward.subarray(4, 8))).toBe(flagship.p);
    expect(pViolation[CONCEDE_BOTH]).toBeCloseTo(flagship.piC, 15);
    expect(pViolation[EVACUATE_ONLY]).toBeCloseTo(flagship.piD, 15);
  });

  it("the MDP best response in state 0 is (1,0) just below δ* and (1,1) just above", () => {
    for (const escalationCost of [0.8, 5]) {
      // x = 0 under K(∞), so d_w cannot matter
      const mdp = grimPragmatic(escalationCost);
      expect(bestInSupport(mdp, deltaStar - 1e-4)).toBe(EVACUATE_ONLY);
      expect(bestInSupport(mdp, deltaStar + 1e-4)).toBe(CONCEDE_BOTH);
      expect(bestInSupport(mdp, 0.5)).toBe(EVACUATE_ONLY);
      expect(bestInSupport(mdp, 0.99)).toBe(CONCEDE_BOTH);
    }
  });

  it("bisection on δ locates the MDP's switch within 1e-6 of the closed form", () => {
    const mdp = grimPragmatic();
    let lo = 0.5;
    let hi = 0.99;
    while (hi - lo > 1e-9) {
      const mid = (lo + hi) / 2;
      if (bestInSupport(mdp, mid) === CONCEDE_BOTH) hi = mid;
      else lo = mid;
    }
    expect(Math.abs((lo + hi) / 2 - deltaStar)).toBeLessThan(1e-6);
  });

  it("at δ* itself the two choices tie and the tie goes to conceding", () => {
    expect(bestInSupport(grimPragmatic(), deltaStar)).toBe(CONCEDE_BOTH);
  });

  it.each([
    { c: 0.5, d: 1.2, p: 0.1, piC: 0.05, piD: 0.5 },
    { c: 0.2, d: 0.6, p: -0.3, piC: 0.1, piD: 0.3 },
    { c: 1, d: 1.5, p: 0.5, piC: 0, piD: 0.9 },
  ])("matches the MDP's switch for other numbers (%o)", (gp) => {
    // one state where the cooperative and deviating actions pay c and d, plus an absorbing
    // punishment state paying p; the automaton is grim trigger
    const mdp: SoftMdp = {
      states: 2,
      actions: 2,
      reward: Float64Array.of(gp.d, gp.c, gp.p, gp.p - 1),
      pViolation: Float64Array.of(gp.piD, gp.piC),
      transition: punishAutomaton(Number.POSITIVE_INFINITY).transition,
    };
    const star = greenPorterThreshold(gp);
    expect(star).toBeGreaterThan(0);
    expect(star).toBeLessThan(1);
    const best = (discount: number) =>
      softValueIteration(mdp, { discount, rationality: Infinity }).policy[1];
    expect(best(star - 1e-6)).toBe(0);
    expect(best(star + 1e-6)).toBe(1);
  });

  it("handles the edge cases: no temptation, no deterrence", () => {
    expect(greenPorterThreshold({ c: 0.7, d: 0.7, p: 0, piC: 0.1, piD: 0.2 })).toBe(0);
    expect(greenPorterThreshold({ c: 0.7, d: 0.5, p: 0, piC: 0.1, piD: 0.2 })).toBe(0);
    // punishment is triggered for certain by cooperation too, and is worth more than c
    expect(greenPorterThreshold({ c: 0.3, d: 0.7, p: 1, piC: 1, piD: 1 })).toBe(Infinity);
    // imperfect monitoring that cannot tell c from d leaves δ* ≥ 1
    expect(
      greenPorterThreshold({ c: 0.3, d: 0.7, p: 0, piC: 0.2, piD: 0.2 }),
    ).toBeGreaterThanOrEqual(1);
  });

  it.each([
    { c: Number.NaN, d: 0.7, p: 0, piC: 0.02, piD: 0.2 },
    { c: 0.3, d: 0.7, p: 0, piC: -0.1, piD: 0.2 },
    { c: 0.3, d: 0.7, p: 0, piC: 0.02, piD: 1.5 },
  ])("refuses %o with E_DOMAIN", (input) => {
    expect(() => greenPorterThreshold(input)).toThrow(LinkageError);
  });
});
