/**
 * Sequence-form LCP (Lemke, covering vector 1) and sequence form construction on random
 * poker-like layered trees (seeded): each round chance deals one of two cards with random odds,
 * then player 1 and player 2 move (2 actions), each seeing one bit of the deal and its own moves;
 * a tenth of the personal nodes end the play. Each group has a baseline measured in the same run:
 * one pass over the tree (summing the outcome index of every node).
 */
import { bench, describe } from "vitest";
import {
  buildExtensiveGame,
  type GameSpec,
  type TreeSpec,
} from "../src/games/buildExtensiveGame.js";
import { sequenceForm } from "../src/games/sequenceForm.js";
import { randomStream } from "../src/math/randomStream.js";
import { sequenceFormLcp } from "../src/solvers/sequenceFormLcp.js";

function layeredTree(seed: number, rounds: number): GameSpec {
  const rng = randomStream(seed, 0);
  const int = (k: number) => Math.floor(rng.next() * k);
  const leaf = (): TreeSpec => ({ outcome: { payoffs: [int(21) - 10, int(21) - 10] } });
  const node = (
    round: number,
    stage: number,
    history: readonly [string, string],
    seen: number,
  ): TreeSpec => {
    if (round === rounds) return leaf();
    if (stage === 0) {
      const w = 1 + int(4);
      return {
        chance: true,
        actions: ["c0", "c1"],
        probabilities: [`${w}/5`, `${5 - w}/5`],
        children: [0, 1].map((c) => node(round, 1, history, c)),
      };
    }
    if (rng.next() < 0.1) return leaf();
    const player = stage - 1;
    const key = `${history[player]}|${player === 0 ? seen : (seen + round) % 2}`;
    return {
      player,
      infoset: key,
      actions: ["a0", "a1"],
      children: [0, 1].map((a) => {
        const next: [string, string] = [history[0], history[1]];
        next[player] = `${key}>${a}`;
        return stage === 2 ? node(round + 1, 0, next, seen) : node(round, 2, next, seen);
      }),
    };
  };
  return { players: ["1", "2"], root: node(0, 0, ["", ""], 0) };
}

let sink = 0;
const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };

for (const [rounds, options] of [
  [3, {}],
  [4, once],
] as const) {
  const game = buildExtensiveGame(layeredTree(3, rounds));
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
