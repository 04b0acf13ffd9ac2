/**
 * globalNewton (Govindan–Wilson path following) on random games with integer payoffs in
 * [−10, 10] from `randomStrategicGame` (xorshift seeds), with baselines in the same run: one pass
 * over the payoff table, and nashEquilibrium (simplicial subdivision + Newton), which finds one
 * equilibrium where globalNewton finds every one on its path.
 */
import { afterAll, bench, describe } from "vitest";
import { globalNewton } from "../src/solvers/globalNewton.js";
import { nashEquilibrium } from "../src/solvers/nashEquilibrium.js";
import { randomStrategicGame } from "./randomGames.js";

let sink = 0;

for (const strategies of [
  [6, 6],
  [4, 4, 4],
  [3, 3, 3, 3],
  [2, 2, 2, 2, 2],
]) {
  describe(`random ${strategies.join("×")} game (seed 3)`, () => {
    const game = randomStrategicGame(strategies, 3);
    const solved = globalNewton(game);
    bench("baseline: one pass over the payoff table", () => {
      let s = 0;
      for (let i = 0; i < game.payoffs.length; i++) s += game.payoffs[i]!;
      sink += s;
    });
    bench("baseline: nashEquilibrium (one equilibrium)", () => {
      sink += nashEquilibrium(game).regret;
    });
    bench(
      `globalNewton (${solved.steps} steps, ${solved.crossings} crossings, ${solved.equilibria.length} equilibria, noise ${solved.payoffNoise})`,
      () => {
        sink += globalNewton(game).equilibria.length;
      },
    );
  });
}

afterAll(() => {
  if (sink === Number.MIN_VALUE) console.log(sink);
});
