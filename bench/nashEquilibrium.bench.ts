/**
 * nashEquilibrium (simplicial subdivision + Newton refinement) on random games with integer
 * payoffs in [−10, 10] from `randomStrategicGame` (xorshift seeds), with a baseline in the same
 * run: one pass over the payoff table.
 */
import { afterAll, bench, describe } from "vitest";
import { nashEquilibrium } from "../src/solvers/nashEquilibrium.js";
import { simplicialSubdivision } from "../src/solvers/simplicialSubdivision.js";
import { randomStrategicGame } from "./randomGames.js";

let sink = 0;

for (const strategies of [
  [4, 4, 4],
  [3, 3, 3, 3],
]) {
  describe(`random ${strategies.join("×")} game (seed 3)`, () => {
    const game = randomStrategicGame(strategies, 3);
    const solved = nashEquilibrium(game);
    bench("baseline: one pass over the payoff table", () => {
      let s = 0;
      for (let i = 0; i < game.payoffs.length; i++) s += game.payoffs[i]!;
      sink += s;
    });
    bench(
      `nashEquilibrium (${solved.passes} passes, ${solved.steps} pivots, ${solved.method})`,
      () => {
        sink += nashEquilibrium(game).regret;
      },
    );
    bench(
      "simplicialSubdivision alone, 4 restarts (mesh 1/64)",
      () => {
        sink += simplicialSubdivision(game, { refinements: 4 }).regret;
      },
      { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 },
    );
  });
}

afterAll(() => {
  if (sink === Number.MIN_VALUE) console.log(sink);
});
