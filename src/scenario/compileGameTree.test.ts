import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixedBeliefsFlagship } from "../../test/support/fixedBeliefsFlagship.js";
import { analyze } from "../analysis/analyze.js";
import { behaviourLayout } from "../games/behaviourLayout.js";
import { CHANCE, PERSONAL, TERMINAL } from "../games/extensiveGame.js";
import { behaviourBestResponse } from "../solvers/bestResponse.js";
import { behaviourRegret } from "../solvers/regret.js";
import { announcedRuleBehaviour, compileGameTree } from "./compileGameTree.js";
import { parameterValues } from "./parameterValues.js";

/** The rule with fixed beliefs (no sender-type draw); the equilibrium tree is checked in analysis/followThroughEquilibria.test.ts. */
const scenario = fixedBeliefsFlagship();
const ranged = scenario.parameters.filter(
  (p) => p.range && p.id !== "qR" && p.id !== "qX" && p.id !== "rho",
);
const arbValues = fc
  // away from the bounds: a cost of (nearly) 0 is a tie, which the tree's best response and the
  // closed forms (ties within 1e-12 go to conceding) break differently
  .tuple(
    ...ranged.map((p) => {
      const [lo, hi] = p.range!;
      return fc.double({ min: lo + 1e-6 * (hi - lo), max: hi - 1e-6 * (hi - lo), noNaN: true });
    }),
  )
  .map((draw) => ({
    ...Object.fromEntries(ranged.map((p, i) => [p.id, draw[i]!])),
    qR: 1,
    qX: 1,
    rho: 100,
  }));

/** Solves one policy's tree: the sender follows its rule, the target best-responds. */
function solvePolicyTree(overrides: Record<string, number>, policy: string) {
  const { values } = parameterValues(scenario, overrides);
  const tree = compileGameTree(scenario, values, { policy });
  const layout = behaviourLayout(tree);
  const profile = announcedRuleBehaviour(tree, layout);
  const target = behaviourBestResponse(tree, profile, 1);
  for (const h of layout.playerInfosets[1]!) profile[layout.offset[h]! + target.actions[h]!] = 1;
  // the target's choice per type: follow its own decisions from the type node
  const responses: Record<string, Record<string, number>> = {};
  const typeNode = 0;
  const first = tree.childStart[typeNode]!;
  tree.infosets[tree.nodeInfoset[typeNode]!]!.actions.forEach((type, t) => {
    let v = tree.children[first + t]!;
    const response: Record<string, number> = {};
    while (tree.nodeKind[v] === PERSONAL && tree.infosets[tree.nodeInfoset[v]!]!.player === 1) {
      const set = tree.infosets[tree.nodeInfoset[v]!]!;
      const a = target.actions[tree.nodeInfoset[v]!]!;
      response[set.actions[a]!.split(" ")[1]!] = a;
      v = tree.children[tree.childStart[v]! + a]!;
    }
    responses[type] = response;
  });
  return { tree, profile, responses, regret: behaviourRegret(tree, profile) };
}

describe("compileGameTree: CLG-1 as an extensive game", () => {
  it("has Nature's type draw, the target's decisions, the signal and the sender's follow-through", () => {
    const { values } = parameterValues(scenario);
    const tree = compileGameTree(scenario, values, { policy: "KE" });
    expect(tree.players).toEqual(["United States", "Taliban"]);
    expect(tree.nodeKind[0]).toBe(CHANCE);
    expect(tree.infosets[tree.nodeInfoset[0]!]!.actions).toEqual(["committed", "pragmatic"]);
    const sender = tree.infosets.filter((s) => s.player === 0);
    expect(sender.map((s) => s.actions.length)).toEqual(sender.map(() => 4));
    // the sender sees the signal and evacuation, not the type or al-Qaeda: 3 follow-through sets
    expect(sender.map((s) => s.label).sort()).toEqual([
      "KE: follow-through after a clean signal (evacuation=1) [rule: support]",
      "KE: follow-through after a violation signal (evacuation=0) [rule: withhold+escalate]",
      "KE: follow-through after a violation signal (evacuation=1) [rule: withhold+escalate]",
    ]);
    const terminals = Array.from(tree.nodeKind).filter((k) => k === TERMINAL).length;
    expect(terminals).toBe(2 * (4 + 4 + 8 + 8)); // per type: e=0 is a certain violation (4 leaves), else a signal (8)
  });

  it("the combined tree starts with the sender's announcement of a policy", () => {
    const { values } = parameterValues(scenario);
    const tree = compileGameTree(scenario, values);
    expect(tree.nodeKind[0]).toBe(PERSONAL);
    expect(tree.infosets[tree.nodeInfoset[0]!]!.actions).toEqual(["U", "W", "K", "KE"]);
  });

  it("solving each policy's tree gives the closed-form responses and sender values on random draws", () => {
    let conceded = 0;
    fc.assert(
      fc.property(arbValues, (overrides) => {
        const expected = analyze(scenario, { overrides, pivots: false });
        for (const policy of ["U", "W", "K", "KE"]) {
          const solved = solvePolicyTree(overrides, policy);
          expect(solved.responses).toEqual(expected.policies[policy]!.responses);
          expect(solved.regret.payoffs[0]).toBeCloseTo(expected.policies[policy]!.senderValue, 9);
          expect(solved.regret.max).toBeLessThanOrEqual(1e-9); // an equilibrium: ρ = 100 makes the rule credible
          conceded += Object.values(solved.responses).filter((r) => r["alqaeda"] === 1).length;
        }
      }),
      { seed: 2021, numRuns: 200 },
    );
    expect(conceded).toBeGreaterThan(50); // the draws exercise concession, not only refusal
  });

  it("refuses an unknown policy", () => {
    const { values } = parameterValues(scenario);
    expect(() => compileGameTree(scenario, values, { policy: "Z" })).toThrow(
      /unknown policy "Z".*U, W, K, KE/,
    );
  });
});
