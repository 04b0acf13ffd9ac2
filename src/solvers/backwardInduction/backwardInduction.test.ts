import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { behaviourLayout } from "../../games/behaviourLayout.js";
import { buildExtensiveGame, type TreeSpec } from "../../games/buildExtensiveGame.js";
import { CHANCE, type ExtensiveGame, PERSONAL } from "../../games/extensiveGame.js";
import { toNumber } from "../../math/rational.js";
import { behaviourRegret } from "../regret.js";
import { assertPerfectInformation, backwardInduction } from "./index.js";

/** Random perfect-information trees with chance nodes and small integer payoffs (many ties). */
function arbTree(players: number, depth: number): fc.Arbitrary<TreeSpec> {
  const leaf = fc
    .array(fc.integer({ min: 0, max: 2 }), { minLength: players, maxLength: players })
    .map((payoffs): TreeSpec => ({ outcome: { payoffs } }));
  if (depth === 0) return leaf;
  const sub = arbTree(players, depth - 1);
  const decision = fc
    .tuple(fc.integer({ min: 0, max: players - 1 }), fc.array(sub, { minLength: 1, maxLength: 3 }))
    .map(
      ([player, children]): TreeSpec => ({
        player,
        infoset: "",
        actions: children.map((_, a) => `a${a}`),
        children,
      }),
    );
  const chance = fc.array(sub, { minLength: 2, maxLength: 2 }).map(
    (children): TreeSpec => ({
      chance: true,
      actions: ["h", "t"],
      probabilities: ["1/3", "2/3"],
      children,
    }),
  );
  return fc.oneof(
    { arbitrary: leaf, weight: 1 },
    { arbitrary: decision, weight: 3 },
    { arbitrary: chance, weight: 1 },
  );
}

/** Gives each personal node its own information set (perfect information). */
function distinctInfosets(tree: TreeSpec, counter = { next: 0 }): TreeSpec {
  if (!("actions" in tree)) return tree;
  const children = tree.children.map((c) => distinctInfosets(c, counter));
  if ("chance" in tree) return { ...tree, children };
  return { ...tree, infoset: `h${counter.next++}`, children };
}

/** Every pure behaviour profile, and whether it is subgame perfect by brute force over all deviations in every subgame. */
function bruteForceSPE(game: ExtensiveGame): string[] {
  const layout = behaviourLayout(game);
  const decisions: number[] = [];
  for (let v = 0; v < game.nodeKind.length; v++)
    if (game.nodeKind[v] === PERSONAL) decisions.push(v);
  const nActions = (v: number) => game.childStart[v + 1]! - game.childStart[v]!;
  const value = (v: number, choice: Map<number, number>, p: number): number => {
    const o = game.nodeOutcome[v]!;
    let x = o >= 0 ? game.outcomePayoffs[o * game.players.length + p]! : 0;
    const first = game.childStart[v]!;
    if (game.nodeKind[v] === PERSONAL)
      x += value(game.children[first + choice.get(v)!]!, choice, p);
    else if (game.nodeKind[v] === CHANCE) {
      const probs = game.infosets[game.nodeInfoset[v]!]!.probabilities!;
      probs.forEach((q, a) => {
        x += toNumber(q) * value(game.children[first + a]!, choice, p);
      });
    }
    return x;
  };
  const subtree = (v: number): number[] => {
    const out = [v];
    for (let k = game.childStart[v]!; k < game.childStart[v + 1]!; k++)
      out.push(...subtree(game.children[k]!));
    return out;
  };
  const all: Map<number, number>[] = [new Map()];
  for (const v of decisions) {
    const next: Map<number, number>[] = [];
    for (const m of all) for (let a = 0; a < nActions(v); a++) next.push(new Map([...m, [v, a]]));
    all.splice(0, all.length, ...next);
  }
  const spe: string[] = [];
  for (const profile of all) {
    let perfect = true;
    for (let v = 0; v < game.nodeKind.length && perfect; v++) {
      const inside = subtree(v).filter((u) => game.nodeKind[u] === PERSONAL);
      for (let p = 0; p < game.players.length && perfect; p++) {
        const mine = inside.filter((u) => game.infosets[game.nodeInfoset[u]!]!.player === p);
        const base = value(v, profile, p);
        // every alternative assignment of p's actions inside the subgame
        let alternatives: Map<number, number>[] = [new Map(profile)];
        for (const u of mine) {
          alternatives = alternatives.flatMap((m) =>
            Array.from({ length: nActions(u) }, (_, a) => new Map([...m, [u, a]])),
          );
        }
        if (alternatives.some((m) => value(v, m, p) > base + 1e-9)) perfect = false;
      }
    }
    if (perfect) {
      const vector = new Float64Array(layout.size);
      for (const [v, a] of profile) vector[layout.offset[game.nodeInfoset[v]!]! + a] = 1;
      spe.push(vector.join(","));
    }
  }
  return spe.sort();
}

describe("backwardInduction", () => {
  it("solves Selten's chain-store stage game: (enter, accommodate) only", () => {
    // entrant: out (0, 2) or in; incumbent: fight (−1, −1) or accommodate (1, 1)
    const game = buildExtensiveGame({
      players: ["entrant", "incumbent"],
      root: {
        player: 0,
        infoset: "e",
        actions: ["out", "in"],
        children: [
          { outcome: { payoffs: [0, 2] } },
          {
            player: 1,
            infoset: "i",
            actions: ["fight", "accommodate"],
            children: [{ outcome: { payoffs: [-1, -1] } }, { outcome: { payoffs: [1, 1] } }],
          },
        ],
      },
    });
    const r = backwardInduction(game);
    expect(r.equilibria.map((e) => [...e])).toEqual([[0, 1, 0, 1]]);
    expect([...r.payoffs[0]!]).toEqual([1, 1]);
    expect(r.truncated).toBe(false);
  });

  it("returns every SPE when ties make several, and handles chance and outcomes on inner nodes", () => {
    const game = buildExtensiveGame({
      players: ["1", "2"],
      root: {
        chance: true,
        actions: ["a", "b"],
        probabilities: ["1/2", "1/2"],
        outcome: { payoffs: [1, 0] },
        children: [
          {
            player: 1,
            infoset: "x",
            actions: ["l", "r"],
            children: [{ outcome: { payoffs: [3, 1] } }, { outcome: { payoffs: [0, 1] } }],
          },
          {
            player: 0,
            infoset: "y",
            actions: ["l", "r"],
            children: [{ outcome: { payoffs: [2, 0] } }, { outcome: { payoffs: [1, 5] } }],
          },
        ],
      },
    });
    const r = backwardInduction(game);
    // player 2 is indifferent at x: two SPE; player 1 plays l at y
    expect(r.equilibria.map((e) => e.join(",")).sort()).toEqual(["1,0,0,1", "1,0,1,0"]);
    const values = r.payoffs.map((p) => [...p].map((x) => Number(x.toFixed(9)))).sort();
    expect(values).toEqual([
      [1 + 0.5 * 0 + 0.5 * 2, 0 + 0.5 * 1 + 0.5 * 0],
      [1 + 0.5 * 3 + 0.5 * 2, 0 + 0.5 * 1 + 0.5 * 0],
    ]);
  });

  it("equals pure enumeration restricted to subgame-perfect profiles on random small trees", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(fc.constant(n), arbTree(n, 3))),
        ([players, tree]) => {
          const game = buildExtensiveGame({
            players: Array.from({ length: players }, (_, p) => `P${p + 1}`),
            root: distinctInfosets(tree),
          });
          const decisions = Array.from(game.nodeKind).filter((k) => k === PERSONAL).length;
          fc.pre(decisions <= 7);
          const r = backwardInduction(game, { maxEquilibria: 100_000 });
          expect(r.equilibria.map((e) => e.join(",")).sort()).toEqual(bruteForceSPE(game));
          for (const e of r.equilibria)
            expect(behaviourRegret(game, e).max).toBeLessThanOrEqual(1e-12);
        },
      ),
      { seed: 5, numRuns: 150 },
    );
  });

  it("refuses games of imperfect information with a clear message", () => {
    const game = buildExtensiveGame({
      players: ["1", "2"],
      root: {
        player: 0,
        infoset: "a",
        actions: ["l", "r"],
        children: [
          {
            player: 1,
            infoset: "b",
            actions: ["x", "y"],
            children: [{ outcome: { payoffs: [0, 0] } }, { outcome: { payoffs: [1, 1] } }],
          },
          {
            player: 1,
            infoset: "b",
            actions: ["x", "y"],
            children: [{ outcome: { payoffs: [0, 0] } }, { outcome: { payoffs: [1, 1] } }],
          },
        ],
      },
    });
    expect(() => assertPerfectInformation(game)).toThrow(
      /perfect information.*information set 1 of player 2/,
    );
    expect(() => backwardInduction(game)).toThrow(/perfect information/);
  });
});
