/**
 * Game-engine speed. Floors from the issue: backward induction on a random perfect-information
 * tree of 10^6 nodes in under 1 s; pure enumeration of a 4-player 10×10×10×10 game. Each group
 * has a baseline measured in the same run (one linear pass over the same data), so figures can
 * be read as ratios.
 */
import { afterAll, bench, describe } from "vitest";
import { backwardInduction } from "../src/solvers/backwardInduction/index.js";
import { pureEquilibria } from "../src/solvers/pureEquilibria.js";
import { randomPerfectInformationTree, randomStrategicGame } from "./randomGames.js";

let sink = 0;

describe("backward induction, random perfect-information tree", () => {
  const tree = randomPerfectInformationTree(1_000_000, 2, 42);
  bench(
    "baseline: one pass summing outcome payoffs over the nodes",
    () => {
      let s = 0;
      for (let v = 0; v < tree.nodeKind.length; v++) {
        const o = tree.nodeOutcome[v]!;
        if (o >= 0) s += tree.outcomePayoffs[2 * o]!;
      }
      sink += s;
    },
    { iterations: 5 },
  );
  bench(
    `backwardInduction, one equilibrium (${tree.nodeKind.length} nodes)`,
    () => {
      sink += backwardInduction(tree, { maxEquilibria: 1 }).equilibria.length;
    },
    { iterations: 5, warmupIterations: 1 },
  );
});

describe("pure equilibria, random 4-player 10×10×10×10 game", () => {
  const game = randomStrategicGame([10, 10, 10, 10], 7);
  bench("baseline: one pass over the payoff table", () => {
    let s = 0;
    for (let i = 0; i < game.payoffs.length; i++) s += game.payoffs[i]!;
    sink += s;
  });
  bench("pureEquilibria 10×10×10×10", () => {
    sink += pureEquilibria(game).length;
  });
});

afterAll(() => {
  if (sink === Number.MIN_VALUE) console.log(sink);
});
