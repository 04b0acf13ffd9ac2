import { describe, expect, it } from "vitest";
import { errorOf } from "../../test/support/errorOf.js";
import { leaf } from "../../test/support/leaf.js";
import { chanceGame, twoStageGame } from "../../test/support/smallExtensiveGames.js";
import { formatRational, toNumber } from "../math/rational.js";
import { buildExtensiveGame } from "./buildExtensiveGame.js";
import { MAX_REDUCED_PROFILES, reducedStrategicForm } from "./reducedStrategicForm.js";
import { profileIndex } from "./strategicGame.js";

const payoffTable = (rsf: ReturnType<typeof reducedStrategicForm>): string[] =>
  (rsf.game.exactPayoffs ?? []).map(formatRational);

describe("reducedStrategicForm", () => {
  it("collapses strategies that differ only where the player's own move excludes (L*, Rl, Rr)", () => {
    const rsf = reducedStrategicForm(twoStageGame);
    expect(rsf.game.strategies).toEqual([
      ["L*", "Rl", "Rr"],
      ["u", "d"],
    ]);
    expect([...rsf.plans[0]!]).toEqual([0, -1, 1, 0, 1, 1]);
    expect([...rsf.plans[1]!]).toEqual([0, 1]);
    // by hand, profiles with Ann's plan varying fastest
    expect(payoffTable(rsf)).toEqual(
      ["3", "1", "1", "2", "2", "-1"].concat(["0", "0", "1", "2", "2", "-1"]),
    );
    expect(rsf.game.title).toBe("two stage");
    expect(rsf.game.outcomes).toBeNull();
    const k = profileIndex(rsf.game, [0, 1]); // (L*, d)
    expect(rsf.game.payoffs[k * 2]).toBe(0);
  });

  it("takes exact expectations over chance and adds outcomes on internal nodes", () => {
    const rsf = reducedStrategicForm(chanceGame);
    expect(rsf.game.strategies).toEqual([
      ["LL", "LR", "RL", "RR"],
      ["x", "y"],
    ]);
    // by hand: u = 1/3 · (H branch, including the (1, −1) on Ann's node) + 2/3 · (T branch)
    expect(payoffTable(rsf)).toEqual([
      ...["1", "0", "3", "-1/3", "1/3", "1", "7/3", "2/3"], // Bob plays x
      ...["1", "0", "1", "5/3", "7/3", "0", "7/3", "5/3"], // Bob plays y
    ]);
    const exact = rsf.game.exactPayoffs!;
    expect([...rsf.game.payoffs]).toEqual(exact.map(toNumber));
  });

  it("enumerates plans like nested loops, first information set outermost (Gambit 17's order)", () => {
    // sets of player 1 in order of first appearance: root, X (after A), Z (after A, x), Y (after B)
    const game = buildExtensiveGame({
      players: ["solo"],
      root: {
        player: 0,
        infoset: "root",
        actions: ["A", "B"],
        children: [
          {
            player: 0,
            infoset: "X",
            actions: ["x", "y"],
            children: [
              { player: 0, infoset: "Z", actions: ["u", "v"], children: [leaf(1), leaf(2)] },
              leaf(3),
            ],
          },
          {
            player: 0,
            infoset: "Y",
            actions: ["1", "2", "3"],
            children: [leaf(4), leaf(5), leaf(6)],
          },
        ],
      },
    });
    const rsf = reducedStrategicForm(game);
    expect(rsf.game.strategies[0]).toEqual(["Axu*", "Axv*", "Ay**", "B**1", "B**2", "B**3"]);
    expect(payoffTable(rsf)).toEqual(["1", "2", "3", "4", "5", "6"]);
  });

  it("gives a player without moves one empty plan, and numbers unlabelled actions", () => {
    const game = buildExtensiveGame({
      players: ["mover", "idle"],
      root: { player: 0, infoset: "m", actions: ["", ""], children: [leaf(1, 0), leaf(0, 1)] },
    });
    const rsf = reducedStrategicForm(game);
    expect(rsf.game.strategies).toEqual([["1", "2"], [""]]);
    expect(rsf.plans[1]!.length).toBe(0);
    expect(payoffTable(rsf)).toEqual(["1", "0", "0", "1"]);
  });

  it("refuses games without perfect recall", () => {
    const game = buildExtensiveGame({
      players: ["driver"],
      root: {
        player: 0,
        infoset: "X",
        actions: ["exit", "on"],
        children: [
          leaf(0),
          { player: 0, infoset: "X", actions: ["exit", "on"], children: [leaf(4), leaf(1)] },
        ],
      },
    });
    expect(() => reducedStrategicForm(game)).toThrow(
      /^reducedStrategicForm needs a game with perfect recall: player 1 \(driver\)/,
    );
  });

  it(`refuses more than ${MAX_REDUCED_PROFILES} profiles`, () => {
    // 24 chance branches, each with its own binary choice: 2^24 plans
    const branches = 24;
    const game = buildExtensiveGame({
      players: ["1"],
      root: {
        chance: true,
        actions: Array.from({ length: branches }, (_, i) => `c${i}`),
        probabilities: Array.from({ length: branches }, () => `1/${branches}`),
        children: Array.from({ length: branches }, (_, i) => ({
          player: 0,
          infoset: `s${i}`,
          actions: ["a", "b"],
          children: [leaf(0), leaf(1)],
        })),
      },
    });
    const error = errorOf(() => reducedStrategicForm(game));
    expect(error.code).toBe("E_INPUT");
    expect(error.message).toMatch(/1\.678e\+7 pure profiles \(16777216 plans\)/);
  });
});
