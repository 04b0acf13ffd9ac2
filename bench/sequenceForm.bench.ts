/**
 * Sequence-form LCP (Lemke, covering vector 1) and sequence form construction on random
 * poker-like layered trees (seeded): each round chance deals one of two cards with random odds,
 * then player 1 and player 2 move (2 actions), each seeing one bit of the deal and its own moves;
 * a tenth of the personal nodes end the play. Each group has a baseline measured in the same run:
 * one pass over the tree (summing the outcome index of every node).
 */
import { bench, describe } from "vitest";
import { buildExtensiveGame } from "../src/games/buildExtensiveGame.js";
import { sequenceForm } from "../src/games/sequenceForm.js";
import { randomStream } from "../src/math/randomStream.js";
import { sequenceFormLcp } from "../src/solvers/sequenceFormLcp.js";
import { layeredTree } from "./randomGames.js";

let sink = 0;
const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };

for (const [rounds, options] of [
  [3, {}],
  [4, once],
] as const) {
  const game = buildExtensiveGame(layeredTree(randomStream(3, 0), rounds));
  const sf = sequenceForm(game);
  const pivots = sequenceFormLcp(game, { sequenceForm: sf }).pivots;
  const label = `${game.nodeKind.length} nodes, ${sf.players[0].size}+${sf.players[1].size} sequences`;
  describe(`sequence form, layered tree of ${rounds} rounds (${label}, seed 3)`, () => {
    bench("baseline: one pass over the tree", () => {
      let s = 0;
      for (let v = 0; v < game.nodeOutcome.length; v++) s += game.nodeOutcome[v]!;
      sink += s;
    });
    bench("sequenceForm (exact and float payoffs)", () => {
      sink += sequenceForm(game).payoffs.a.length;
    });
    bench(
      `sequenceFormLcp, float (${pivots} pivots)`,
      () => {
        sink += sequenceFormLcp(game, { sequenceForm: sf }).behaviour[0]!;
      },
      options,
    );
  });
}

export { sink };
