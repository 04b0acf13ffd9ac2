/**
 * enumpoly (polynomialEnumeration: support enumeration + certified interval subdivision) on
 * random 3-player games with integer payoffs in [−10, 10] from `randomStrategicGame` (xorshift
 * seeds). Issue 19's floor: 5×5×5 games under 10 s each (Gambit's enumpoly takes 62–84 s on
 * such games, and misses equilibria on some). Baselines in the same run: on 3×3×3 games the
 * naive reference (no conditional-dominance pruning) and on 4×4×4 and 5×5×5 games the earlier
 * search (`sharper: false`: unpreconditioned sweep, widest side first). Each 3×3×3/4×4×4 bench's
 * name carries the support profiles examined and pruned, the boxes and the equilibria found; the
 * 5×5×5 runs (one measured run each, capped at 60 s so the bench ends; repeats reuse it) print
 * them with wall and CPU time (process.cpuUsage: the machine is usually shared, so compare CPU
 * seconds and counts).
 *
 *   npx vitest bench --run bench/enumpoly.bench.ts
 */
import { afterAll, bench, describe } from "vitest";
import { polynomialEnumeration } from "../src/solvers/polynomialEnumeration/index.js";
import { randomStrategicGame } from "./randomGames.js";

let sink = 0;
/** Seconds one 5×5×5 run may take before it stops (its counts then say how far it got). */
const CAP = 60;

function label(result: ReturnType<typeof polynomialEnumeration>, seconds: number, cpu: number) {
  const { supportProfiles, pruned, boxes } = result.stats;
  const stopped = result.truncated ? ` STOPPED at ${CAP} s` : "";
  return `${supportProfiles} supports, ${pruned} pruned, ${boxes} boxes, ${result.equilibria.length} equilibria, ${result.degenerateSupports.length} degenerate, ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU${stopped}`;
}

function timed(run: () => ReturnType<typeof polynomialEnumeration>) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(cpuStart);
  return {
    result,
    seconds: (performance.now() - start) / 1000,
    cpu: (cpu.user + cpu.system) / 1e6,
  };
}

describe("random 3×3×3 games: pruned against the naive reference", () => {
  for (const seed of [1, 2, 3]) {
    const game = randomStrategicGame([3, 3, 3], seed);
    const naive = timed(() => polynomialEnumeration(game, { prune: false }));
    const pruned = timed(() => polynomialEnumeration(game));
    bench(
      `seed ${seed} baseline: no pruning (${label(naive.result, naive.seconds, naive.cpu)})`,
      () => {
        sink += polynomialEnumeration(game, { prune: false }).equilibria.length;
      },
    );
    bench(`seed ${seed} enumpoly (${label(pruned.result, pruned.seconds, pruned.cpu)})`, () => {
      sink += polynomialEnumeration(game).equilibria.length;
    });
  }
});

describe("random 4×4×4 games: against the earlier search (sharper: false)", () => {
  for (const seed of [1, 2, 3]) {
    const game = randomStrategicGame([4, 4, 4], seed);
    const plain = timed(() => polynomialEnumeration(game, { sharper: false }));
    const sharp = timed(() => polynomialEnumeration(game));
    const options = { iterations: 2, time: 0, warmupIterations: 0, warmupTime: 0 };
    bench(
      `seed ${seed} baseline: earlier search (${label(plain.result, plain.seconds, plain.cpu)})`,
      () => {
        sink += polynomialEnumeration(game, { sharper: false }).equilibria.length;
      },
      options,
    );
    bench(
      `seed ${seed} enumpoly (${label(sharp.result, sharp.seconds, sharp.cpu)})`,
      () => {
        sink += polynomialEnumeration(game).equilibria.length;
      },
      options,
    );
  }
});

describe(`random 5×5×5 games (floor: under 10 s each; runs capped at ${CAP} s)`, () => {
  for (const seed of [1, 2, 3]) {
    const game = randomStrategicGame([5, 5, 5], seed);
    const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };
    for (const sharper of [false, true]) {
      const name = sharper ? "enumpoly" : "baseline: earlier search";
      // one measured run (tinybench may call the function more than once: later calls reuse it)
      let equilibria: number | undefined;
      bench(
        `seed ${seed} ${name}`,
        () => {
          if (equilibria === undefined) {
            const run = timed(() => polynomialEnumeration(game, { sharper, maxSeconds: CAP }));
            console.log(`5×5×5 seed ${seed} ${name}: ${label(run.result, run.seconds, run.cpu)}`);
            equilibria = run.result.equilibria.length;
          }
          sink += equilibria;
        },
        once,
      );
    }
  }
});

afterAll(() => {
  if (sink === Number.MIN_VALUE) console.log(sink);
});
