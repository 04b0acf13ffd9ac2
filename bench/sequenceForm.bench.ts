/**
 * Sequence-form LCP (Lemke's algorithm from the covering start, as gambit-lcp, and the tracing
 * path from the centroid prior) and sequence form construction on random poker-like layered trees
 * (seeded): each round chance deals one of two cards with random odds, then player 1 and player 2
 * move (2 actions), each seeing one bit of the deal and its own moves; a share of the personal
 * nodes end the play. Each group has a baseline measured in the same run: one pass over the tree
 * (summing the outcome index of every node).
 *
 * The covering start is timed only on the smallest tree: on the 5.5·10³-node tree it needs
 * 20 755 pivots and about 70 s (set LINKAGE_BENCH_SLOW=1 to include it).
 */
import { bench, describe } from "vitest";
import { buildExtensiveGame } from "../src/games/buildExtensiveGame.js";
import { sequenceForm } from "../src/games/sequenceForm.js";
import { randomStream } from "../src/math/randomStream.js";
import { sequenceFormLcp } from "../src/solvers/sequenceFormLcp.js";
import { layeredTree } from "./randomGames.js";

let sink = 0;
const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };
const few = { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 };
const slow = process.env["LINKAGE_BENCH_SLOW"] === "1";

for (const { seed, rounds, stop, covering } of [
  { seed: 3, rounds: 3, stop: 0.1, covering: true },
  { seed: 3, rounds: 4, stop: 0.1, covering: slow },
  { seed: 3, rounds: 5, stop: 0.22, covering: false },
  { seed: 4, rounds: 5, stop: 0.22, covering: false },
]) {
  const game = buildExtensiveGame(layeredTree(randomStream(seed, 0), rounds, stop));
  const sf = sequenceForm(game);
  const nodes = game.nodeKind.length;
  const big = nodes > 1000;
  const traced = sequenceFormLcp(game, { sequenceForm: sf, start: "centroid" }).pivots;
  const label = `${nodes} nodes, ${sf.players[0].size}+${sf.players[1].size} sequences`;
  describe(`sequence form, layered tree of ${rounds} rounds (${label}, seed ${seed})`, () => {
    bench("baseline: one pass over the tree", () => {
      let s = 0;
      for (let v = 0; v < game.nodeOutcome.length; v++) s += game.nodeOutcome[v]!;
      sink += s;
    });
    bench("sequenceForm (exact and float payoffs)", () => {
      sink += sequenceForm(game).payoffs.a.length;
    });
    if (covering) {
      bench(
        "sequenceFormLcp, covering start (gambit-lcp's path)",
        () => {
          sink += sequenceFormLcp(game, { sequenceForm: sf }).pivots;
        },
        big ? once : {},
      );
    }
    bench(
      `sequenceFormLcp, tracing from the centroid (${traced} pivots)`,
      () => {
        sink += sequenceFormLcp(game, { sequenceForm: sf, start: "centroid" }).pivots;
      },
      big ? few : {},
    );
  });
}

export { sink };
