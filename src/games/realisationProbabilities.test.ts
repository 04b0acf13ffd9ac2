import { describe, expect, it } from "vitest";
import { behaviourLayout } from "./behaviourLayout.js";
import { buildExtensiveGame, type TreeSpec } from "./buildExtensiveGame.js";
import { behaviourPayoffs, terminalRealisation } from "./realisationProbabilities.js";

const TOL = 1e-12;
const leaf = (...payoffs: (number | string)[]): TreeSpec => ({ outcome: { payoffs } });

/**
 * Chance picks H (1/3) or T (2/3); Ann sees it and chooses L or R; after R, Bob (who does not see
 * chance) chooses x or y. Ann's node after H carries the outcome (1, −1).
 * Nodes, depth first: 0 chance, 1 Ann|H, 2 (2,0), 3 Bob, 4 (0,3), 5 (6,0), 6 Ann|T, 7 (0,1/2),
 * 8 Bob, 9 (3,0), 10 (0,3).
 */
const chanceGame = buildExtensiveGame({
  players: ["Ann", "Bob"],
  root: {
    chance: true,
    actions: ["H", "T"],
    probabilities: ["1/3", "2/3"],
    children: [
      {
        player: 0,
        infoset: "after H",
        actions: ["L", "R"],
        outcome: { payoffs: [1, -1] },
        children: [
          leaf(2, 0),
          { player: 1, infoset: "b", actions: ["x", "y"], children: [leaf(0, 3), leaf(6, 0)] },
        ],
      },
      {
        player: 0,
        infoset: "after T",
        actions: ["L", "R"],
        children: [
          leaf(0, "1/2"),
          { player: 1, infoset: "b", actions: ["x", "y"], children: [leaf(3, 0), leaf(0, 3)] },
        ],
      },
    ],
  },
});
const layout = behaviourLayout(chanceGame);
// Ann: after H (L 1/4, R 3/4), after T (L 1/2, R 1/2); Bob: x 1/5, y 4/5
const behaviour = Float64Array.of(0.25, 0.75, 0.5, 0.5, 0.2, 0.8);

describe("terminalRealisation", () => {
  it("multiplies chance and behaviour probabilities down the tree", () => {
    const reach = terminalRealisation(chanceGame, behaviour, layout);
    // by hand
    const expected = [1, 1 / 3, 1 / 12, 1 / 4, 1 / 20, 1 / 5, 2 / 3, 1 / 3, 1 / 3, 1 / 15, 4 / 15];
    expect(reach.length).toBe(expected.length);
    expected.forEach((r, v) => {
      expect(reach[v]).toBeCloseTo(r, 12);
    });
  });

  it("refuses a profile of the wrong length", () => {
    expect(() => terminalRealisation(chanceGame, new Float64Array(5), layout)).toThrow(
      /5 entries, expected 6/,
    );
  });
});

describe("behaviourPayoffs", () => {
  it("sums outcomes along each path, weighted by the terminal's probability", () => {
    const u = behaviourPayoffs(chanceGame, behaviour, layout);
    // by hand: Ann 1/3·1 + 1/12·2 + 1/5·6 + 1/15·3 = 57/30; Bob −1/3 + 1/20·3 + 1/3·1/2 + 4/15·3 = 47/60
    expect(Math.abs(u[0]! - 57 / 30)).toBeLessThan(TOL);
    expect(Math.abs(u[1]! - 47 / 60)).toBeLessThan(TOL);
  });

  it("handles a tree that is a single node with an outcome", () => {
    const game = buildExtensiveGame({ players: ["1", "2"], root: leaf("1/2", -3) });
    const g = behaviourLayout(game);
    expect([...behaviourPayoffs(game, new Float64Array(0), g)]).toEqual([0.5, -3]);
    expect([...terminalRealisation(game, new Float64Array(0), g)]).toEqual([1]);
  });
});
