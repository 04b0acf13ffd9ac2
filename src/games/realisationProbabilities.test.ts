import { describe, expect, it } from "vitest";
import { leaf } from "../../test/support/leaf.js";
import { chanceGame } from "../../test/support/smallExtensiveGames.js";
import { behaviourLayout } from "./behaviourLayout.js";
import { buildExtensiveGame } from "./buildExtensiveGame.js";
import { behaviourPayoffs, terminalRealisation } from "./realisationProbabilities.js";

const TOL = 1e-12;
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
