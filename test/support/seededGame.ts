import type { StrategicGame } from "../../src/games/strategicGame.js";
import { strategicGameFromTables } from "../../src/games/strategicGameFromTables.js";
import { randomStream } from "../../src/math/randomStream.js";

/**
 * A strategic game whose payoffs are `draw(u)` for uniform u from the seeded stream (seed,
 * stream), player by player, each over the whole table.
 */
export function seededGame(
  sizes: readonly number[],
  seed: number,
  stream: number,
  draw: (u: number) => number,
): StrategicGame {
  const random = randomStream(seed, stream);
  const count = sizes.reduce((a, b) => a * b, 1);
  return strategicGameFromTables(
    [...sizes],
    sizes.map(() => Array.from({ length: count }, () => draw(random.next()))),
  );
}

/** Payoffs uniform on [−10, 10) (nondegenerate with probability one). */
export function uniformGame(sizes: readonly number[], seed: number): StrategicGame {
  return seededGame(sizes, seed, 0, (u) => u * 20 - 10);
}
