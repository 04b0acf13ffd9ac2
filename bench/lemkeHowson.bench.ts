/**
 * Lemke–Howson speed on random two-player games with integer payoffs in [−10, 10]
 * (`randomStrategicGame`, xorshift seeds). Each group has a baseline measured in the same run:
 * one pass over the payoff table. Target from the issue: one equilibrium of a 200×200 game in
 * floating point in under 1 s.
 *
 * Path lengths are heavy tailed: the same 200×200 game can need 40 pivots from one label and
 * more than 10⁵ from another, so the bench names give each path's pivot count. Seed 2 is used for
 * the single-label runs (a typical path); seed 1 shows the tail and the race that tames it.
 */
import { afterAll, bench, describe } from "vitest";
import {
  lemkeHowson,
  lemkeHowsonAll,
  lemkeHowsonAllExact,
  lemkeHowsonExact,
  lemkeHowsonRace,
  lemkeHowsonRaceExact,
} from "../src/solvers/lemkeHowson.js";
import { randomStrategicGame } from "./randomGames.js";

let sink = 0;
const slow = { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 };

for (const size of [20, 100, 200]) {
  describe(`Lemke–Howson, random ${size}×${size} game (seed 2)`, () => {
    const game = randomStrategicGame([size, size], 2);
    const pivots = lemkeHowson(game).pivots;
    const race = lemkeHowsonRace(game);
    bench("baseline: one pass over the payoff table", () => {
      let s = 0;
      for (let i = 0; i < game.payoffs.length; i++) s += game.payoffs[i]!;
      sink += s;
    });
    bench(`lemkeHowson, label 0 (${pivots} pivots)`, () => {
      sink += lemkeHowson(game).strategies[0][0]!;
    });
    bench(
      `lemkeHowsonRace, 8 labels (label ${race.label} wins after ${race.pivots} pivots)`,
      () => {
        sink += lemkeHowsonRace(game).strategies[0][0]!;
      },
    );
    bench(
      `lemkeHowsonExact, label 0 (${pivots} pivots)`,
      () => {
        sink += Number(lemkeHowsonExact(game).strategies[0][0]!.d);
      },
      size > 20 ? slow : {},
    );
    bench(
      "lemkeHowsonRaceExact, 8 labels",
      () => {
        sink += Number(lemkeHowsonRaceExact(game).strategies[0][0]!.d);
      },
      size > 20 ? slow : {},
    );
  });
}

describe("Lemke–Howson, the heavy tail: random 200×200 game (seed 1)", () => {
  const game = randomStrategicGame([200, 200], 1);
  const race = lemkeHowsonRace(game);
  bench("baseline: one pass over the payoff table", () => {
    let s = 0;
    for (let i = 0; i < game.payoffs.length; i++) s += game.payoffs[i]!;
    sink += s;
  });
  // label 0 needs 284 182 pivots here (about 20 s), so it is not run
  bench(
    `lemkeHowsonRace, 8 labels (label ${race.label} wins after ${race.pivots} pivots)`,
    () => {
      sink += lemkeHowsonRace(game).strategies[0][0]!;
    },
    slow,
  );
});

describe("Lemke–Howson, every label, random 20×20 game (seed 2)", () => {
  const game = randomStrategicGame([20, 20], 2);
  const found = lemkeHowsonAll(game).length;
  const reachable = lemkeHowsonAll(game, { reachable: true }).length;
  bench("baseline: one pass over the payoff table", () => {
    let s = 0;
    for (let i = 0; i < game.payoffs.length; i++) s += game.payoffs[i]!;
    sink += s;
  });
  bench(`lemkeHowsonAll, 40 labels (${found} equilibria)`, () => {
    sink += lemkeHowsonAll(game).length;
  });
  bench(`lemkeHowsonAllExact, 40 labels (${found} equilibria)`, () => {
    sink += lemkeHowsonAllExact(game).length;
  });
  bench(`lemkeHowsonAll, reachable (${reachable} equilibria)`, () => {
    sink += lemkeHowsonAll(game, { reachable: true }).length;
  });
  bench(
    `lemkeHowsonAllExact, reachable (${reachable} equilibria)`,
    () => {
      sink += lemkeHowsonAllExact(game, { reachable: true }).length;
    },
    slow,
  );
});

afterAll(() => {
  if (sink === Number.MIN_VALUE) console.log(sink);
});
