/**
 * enumpoly (polynomialEnumeration: support enumeration + certified interval subdivision) on
 * random 3-player games with integer payoffs in [−10, 10] from `randomStrategicGame` (xorshift
 * seeds). Issue 19's floor: 5×5×5 games under 10 s each (Gambit's enumpoly takes 62–84 s on
 * such games, and misses equilibria on some). Baseline in the same run: the naive reference, the
 * same enumeration without conditional-dominance pruning, on 3×3×3 games. Each bench's name
 * carries (3×3×3) or prints (5×5×5) the support profiles examined and pruned, the boxes and the
 * equilibria found.
 *
 *   npx vitest bench --run bench/enumpoly.bench.ts
 */
import { afterAll, bench, describe } from "vitest";
import { polynomialEnumeration } from "../src/solvers/polynomialEnumeration/index.js";
import { randomStrategicGame } from "./randomGames.js";

let sink = 0;

function label(result: ReturnType<typeof polynomialEnumeration>, seconds: number): string {
  const { supportProfiles, pruned, boxes } = result.stats;
  return `${supportProfiles} supports, ${pruned} pruned, ${boxes} boxes, ${result.equilibria.length} equilibria, ${result.degenerateSupports.length} degenerate, ${seconds.toFixed(2)} s first run`;
}

function timed(run: () => ReturnType<typeof polynomialEnumeration>) {
  const start = performance.now();
  const result = run();
  return { result, seconds: (performance.now() - start) / 1000 };
}

describe("random 3×3×3 games: pruned against the naive reference", () => {
  for (const seed of [1, 2, 3]) {
    const game = randomStrategicGame([3, 3, 3], seed);
    const naive = timed(() => polynomialEnumeration(game, { prune: false }));
    const pruned = timed(() => polynomialEnumeration(game));
    bench(`seed ${seed} baseline: no pruning (${label(naive.result, naive.seconds)})`, () => {
      sink += polynomialEnumeration(game, { prune: false }).equilibria.length;
    });
    bench(`seed ${seed} enumpoly (${label(pruned.result, pruned.seconds)})`, () => {
      sink += polynomialEnumeration(game).equilibria.length;
    });
  }
});

describe("random 5×5×5 games (floor: under 10 s each)", () => {
  for (const seed of [1, 2, 3]) {
    const game = randomStrategicGame([5, 5, 5], seed);
    // one run each (minutes on a busy machine): its counts are printed, not put in the name
    bench(
      `seed ${seed} enumpoly`,
      () => {
        const run = timed(() => polynomialEnumeration(game));
        console.log(`5×5×5 seed ${seed}: ${label(run.result, run.seconds)}`);
        sink += run.result.equilibria.length;
      },
      { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
    );
  }
});

afterAll(() => {
  if (sink === Number.MIN_VALUE) console.log(sink);
});
