import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { behaviourLayout } from "../games/behaviourLayout.js";
import {
  type FollowThroughEquilibrium,
  followThroughEquilibria,
} from "../games/followThroughEquilibria.js";
import type { LeverageGame } from "../games/leverageGame.js";
import { concedes } from "../games/targetChoice.js";
import { compileGameTree } from "../scenario/compileGameTree.js";
import { compileLeverageGame } from "../scenario/compileLeverageGame.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { parameterValues } from "../scenario/parameterValues.js";
import { writePriorPoint } from "../scenario/writePriorPoint.js";
import { behaviourRegret } from "../solvers/regret.js";
import { analyze } from "./analyze.js";
import { policyOutcome } from "./policyOutcome.js";
import { tornado } from "./tornado.js";

/** Credibility in equilibrium (MODEL.md §2b; docs/model.md "Credibility in equilibrium"). */
const flagship = loadScenario(
  fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url)),
);
const gameAt = (overrides: Record<string, number>) =>
  compileLeverageGame(flagship, parameterValues(flagship, overrides).values);
const policy = (game: LeverageGame, id: string) => game.policies.find((p) => p.id === id)!;

/**
 * The equilibrium as a behaviour profile of the compiled tree (the sender's follow-through sets
 * and the target's sequential demand decisions), read from the sets' labels.
 */
function asBehaviour(
  game: LeverageGame,
  policyId: string,
  eq: FollowThroughEquilibrium,
  values: ArrayLike<number>,
) {
  const tree = compileGameTree(flagship, values, { policy: policyId });
  const layout = behaviourLayout(tree);
  const behaviour = new Float64Array(layout.size);
  const choices = 1 << game.demandIds.length;
  tree.infosets.forEach((set, h) => {
    const at = layout.offset[h]!;
    if (at < 0) return;
    if (set.player === 1) {
      // "<policy>: <type> decides <demand>[ after d0=1,d1=0]"
      const m = /: (\S+) decides (\S+)(?: after (.*))?$/.exec(set.label)!;
      const t = game.typeIds.indexOf(m[1]!);
      const j = game.demandIds.indexOf(m[2]!);
      const history = (m[3] ?? "").split(",").filter((x) => x !== "");
      let reach = 0;
      let concede = 0;
      for (let a = 0; a < choices; a++) {
        const consistent = history.every((hh, k) => ((a >>> k) & 1) === Number(hh.split("=")[1]));
        if (!consistent) continue;
        const p = eq.responses[t * choices + a]!;
        reach += p;
        if (concedes(a, j)) concede += p;
      }
      const q = reach > 0 ? concede / reach : 0;
      behaviour[at] = 1 - q;
      behaviour[at + 1] = q;
      return;
    }
    // "<policy>: follow-through after a clean signal (evacuation=1) [rule: support]"
    const m = /after a (clean|violation) signal(?: \(([^)]*)\))? \[rule/.exec(set.label)!;
    const observed = (m[2] ?? "")
      .split(",")
      .filter((x) => x.endsWith("=1"))
      .reduce((mask, x) => mask | (1 << game.demandIds.indexOf(x.split("=")[0]!)), 0);
    const follow = (kind: string) =>
      eq.decisions.find((d) => d.kind === kind && d.signal === m[1] && d.observed === observed)
        ?.normal ?? 1;
    // P(support) and P(escalate), independent (the payoffs are additive)
    const support = m[1] === "clean" ? follow("keep") : 1 - follow("withhold");
    const escalate = m[1] === "clean" ? 1 - follow("refrain") : follow("escalate");
    set.actions.forEach((action, k) => {
      const s = action.startsWith("support") ? support : 1 - support;
      const x =
        set.actions.length === 2 ? 1 : action.endsWith("+escalate") ? escalate : 1 - escalate;
      behaviour[at + k] = s * x;
    });
  });
  return { tree, behaviour };
}

describe("followThroughEquilibria", () => {
  it("with ρ = 0 and no resolute type the threat deters nobody: KE is K", () => {
    const game = gameAt({ rho: 0, piR: 0 });
    for (const sigma of [0, 0.3]) {
      const g = { ...game, carrot: 1 - sigma };
      const k = policyOutcome(g, policy(g, "K"));
      const ke = policyOutcome(g, policy(g, "KE"));
      expect([...ke.responses]).toEqual([...k.responses]);
      expect(ke.senderValue).toBeCloseTo(k.senderValue, 12);
      // the normal sender never escalates on the path: b_x(C) − k_x − h_X = −0.2 < 0
      const eq = ke.followThrough!.equilibria[ke.followThrough!.selected]!;
      for (const d of eq.decisions)
        if (d.kind === "escalate" && d.reached) expect(d.normal).toBe(0);
    }
  });

  it("reproduces MODEL.md §2b: at ρ = 0 and G = 0.7, P concedes both under KE iff π_R ≥ 0.0667", () => {
    const pragmatic = 1;
    for (const [piR, both] of [
      [0.06, false],
      [0.065, false],
      [0.07, true],
      [0.3, true],
    ] as const) {
      const game = gameAt({ rho: 0, piR });
      const ke = policyOutcome(game, policy(game, "KE"));
      expect(ke.responses[pragmatic] === 3, `π_R = ${piR}`).toBe(both);
      if (both) {
        // a threat that deters through π_R saves the normal sender its execution cost:
        // KE's value is π_R·1.511 + (1 − π_R)·1.625 (K's value at σ_sub 0)
        expect(ke.senderValue).toBeCloseTo(piR * 1.511 + (1 - piR) * 1.625, 10);
      }
    }
  });

  it("keeps MODEL.md §2's numbers when the stake covers every action (ρ ≥ ρ* = 0.2533)", () => {
    for (const rho of [0.26, 0.5, 2]) {
      const a = analyze(flagship, { overrides: { rho, piR: 0, sigma_sub: 0 }, pivots: false });
      expect(a.policies["KE"]!.senderValue).toBeCloseTo(1.511, 10);
      expect(a.policies["K"]!.senderValue).toBeCloseTo(1.625, 10);
    }
    // just below ρ* the normal sender does not escalate after a violation: the target still
    // concedes as under K (at σ_sub 0 the carrot alone suffices) and the sender pays ρ for
    // departing from its rule whenever the signal is a violation (P = 0.45)
    const a = analyze(flagship, { overrides: { rho: 0.25, piR: 0, sigma_sub: 0 }, pivots: false });
    expect(a.policies["KE"]!.responses).toEqual(a.policies["K"]!.responses);
    expect(a.policies["KE"]!.senderValue).toBeCloseTo(1.625 - 0.45 * 0.25, 10);
  });

  it("every equilibrium listed is a Nash equilibrium of the compiled tree (regret 0), at the defaults and on prior draws", () => {
    const checkAt = (values: Float64Array) => {
      const game = compileLeverageGame(flagship, values);
      for (const id of ["K", "KE"]) {
        const solution = followThroughEquilibria(game, policy(game, id));
        for (const eq of solution.equilibria) {
          const { tree, behaviour } = asBehaviour(game, id, eq, values);
          const regret = behaviourRegret(tree, behaviour);
          expect(regret.max).toBeLessThan(1e-9);
          expect(regret.payoffs[0]).toBeCloseTo(eq.senderValue, 7); // the tree holds the parameters as exact decimals
        }
      }
    };
    checkAt(parameterValues(flagship, {}).values);
    const { values: base } = parameterValues(flagship, {});
    const drawn = flagship.parameters.flatMap((p, i) => (p.prior ? [i] : []));
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
          minLength: drawn.length,
          maxLength: drawn.length,
        }),
        (u) => {
          const values = Float64Array.from(base);
          writePriorPoint(flagship, drawn, u, 0, values);
          checkAt(values);
        },
      ),
      { seed: 17, numRuns: 60 },
    );
  });

  it("a resolute prior of 1 makes every follow-through certain: the fixed-belief game with q_R = q_X = 1", () => {
    const game = gameAt({ piR: 1, rho: 0 });
    const fixed = { ...game, beliefs: "fixed" as const, promiseBelief: 1, threatBelief: 1 };
    for (const id of ["K", "KE"]) {
      const a = policyOutcome(game, policy(game, id));
      const b = policyOutcome(fixed, policy(fixed, id));
      expect([...a.responses]).toEqual([...b.responses]);
      expect(a.senderValue).toBeCloseTo(b.senderValue, 12);
    }
  });
});

describe("credibility in the flagship's sensitivity", () => {
  it("the reputation stake and the resolute prior both swing the tornado, and show both channels", () => {
    const { values } = parameterValues(flagship, {});
    const bars = tornado(flagship, values);
    const bar = (id: string) => bars.find((b) => b.parameter === id)!;
    for (const id of ["rho", "piR"]) {
      const b = bar(id);
      expect(Math.abs(b.valueAtHigh - b.valueAtLow), id).toBeGreaterThan(0.05);
    }
    // π_R: with no chance of a resolute US the threat is empty and the pragmatic type keeps its ties
    expect(bar("piR").valueAtLow).toBeLessThan(bar("piR").valueAtHigh);
    // ρ: at 0 the threat still deters through π_R and the normal sender saves its execution cost,
    // so the value is higher than at ρ = 2, where every step is carried out
    expect(bar("rho").valueAtLow).toBeGreaterThan(bar("rho").valueAtHigh);
  });
});
