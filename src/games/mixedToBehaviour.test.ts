import { describe, expect, it } from "vitest";
import { leaf } from "../../test/support/leaf.js";
import { behaviourLayout } from "./behaviourLayout.js";
import { buildExtensiveGame } from "./buildExtensiveGame.js";
import { mixedToBehaviour } from "./mixedToBehaviour.js";
import { terminalRealisation } from "./realisationProbabilities.js";
import { reducedStrategicForm } from "./reducedStrategicForm.js";

const TOL = 1e-12;

/** Ann: L or R; after L Bob: u or d; after R Ann again: l, m or r. Ann's plans: L*, Rl, Rm, Rr. */
const twoStage = buildExtensiveGame({
  players: ["Ann", "Bob"],
  root: {
    player: 0,
    infoset: "first",
    actions: ["L", "R"],
    children: [
      { player: 1, infoset: "bob", actions: ["u", "d"], children: [leaf(3, 1), leaf(0, 0)] },
      {
        player: 0,
        infoset: "second",
        actions: ["l", "m", "r"],
        children: [leaf(1, 2), leaf(2, -1), leaf(0, 0)],
      },
    ],
  },
});
const rsf = reducedStrategicForm(twoStage);

const close = (actual: Float64Array, expected: readonly number[]): void => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((x, i) => {
    expect(Math.abs(actual[i]! - x)).toBeLessThan(TOL);
  });
};

describe("mixedToBehaviour", () => {
  it("conditions on the plans that reach each set (Kuhn)", () => {
    expect(rsf.game.strategies[0]).toEqual(["L*", "Rl", "Rm", "Rr"]);
    const b = mixedToBehaviour(twoStage, rsf, [
      Float64Array.of(0.4, 0.3, 0.1, 0.2),
      Float64Array.of(0.25, 0.75),
    ]);
    // first: L 0.4, R 0.6; second: (0.3, 0.1, 0.2) / 0.6; Bob as given
    close(b, [0.4, 0.6, 0.5, 1 / 6, 1 / 3, 0.25, 0.75]);
  });

  it("plays uniformly at a set no plan of positive probability reaches", () => {
    const b = mixedToBehaviour(twoStage, rsf, [Float64Array.of(1, 0, 0, 0), Float64Array.of(0, 1)]);
    close(b, [1, 0, 1 / 3, 1 / 3, 1 / 3, 0, 1]);
  });

  it("turns a correlated mixture over parallel sets into a realisation-equivalent profile", () => {
    // Ann sees a fair coin and then picks L or R; the mixture ½·LL + ½·RR correlates her choices
    const game = buildExtensiveGame({
      players: ["Ann"],
      root: {
        chance: true,
        actions: ["H", "T"],
        probabilities: ["1/2", "1/2"],
        children: ["H", "T"].map((c) => ({
          player: 0,
          infoset: c,
          actions: ["L", "R"],
          children: [leaf(1), leaf(0)],
        })),
      },
    });
    const form = reducedStrategicForm(game);
    expect(form.game.strategies[0]).toEqual(["LL", "LR", "RL", "RR"]);
    const b = mixedToBehaviour(game, form, [Float64Array.of(0.5, 0, 0, 0.5)]);
    close(b, [0.5, 0.5, 0.5, 0.5]);
    // nodes: 0 chance, 1 H, 2, 3, 4 T, 5, 6; by hand each terminal has probability 1/4
    close(
      terminalRealisation(game, b, behaviourLayout(game)),
      [1, 0.5, 0.25, 0.25, 0.5, 0.25, 0.25],
    );
  });

  it("refuses mixed strategies that do not match the reduced form", () => {
    expect(() => mixedToBehaviour(twoStage, rsf, [Float64Array.of(1, 0, 0)])).toThrow(
      /1 mixed strategies for a 2-player/,
    );
    expect(() =>
      mixedToBehaviour(twoStage, rsf, [Float64Array.of(1, 0, 0), Float64Array.of(1, 0)]),
    ).toThrow(/player 1 has 4 plans but a mixed strategy of length 3/);
  });
});
