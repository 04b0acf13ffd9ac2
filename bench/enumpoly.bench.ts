/**
 * enumpoly (polynomialEnumeration: support enumeration + certified interval subdivision) on
 * random 3-player games with integer payoffs in [−10, 10] from `randomStrategicGame` (xorshift
 * seeds). Issue 19's floor: 5×5×5 games under 10 s each (Gambit's enumpoly takes 62–84 s on
 * such games, and misses equilibria on some). Baselines in the same run: on 3×3×3 games the
 * naive reference (no conditional-dominance pruning), on 4×4×4 games the earlier search
 * (`sharper: false`: unpreconditioned sweep, widest side first), and on 5×5×5 games the general
 * search without the elimination of two players (`eliminate: false`, the default before
 * bilinearElimination). Each 3×3×3/4×4×4 bench's name carries the support profiles examined
 * and pruned, the boxes, the pivot sub-simplices and the equilibria found; the 5×5×5 runs (one
 * measured run each, capped at 60 s so the bench ends; repeats reuse it) print them with wall
 * and CPU time (process.cpuUsage: the machine is usually shared, so compare CPU seconds and
 * counts), whether the 10 s floor is met and the ratio to Gambit's 62 s.
 *
 *   npx vitest bench --run bench/enumpoly.bench.ts
 *
 * 5×5×5 before/after the row-weighted Farkas test, the stacked block sweep and bisecting the
 * eliminated player first (commit fca29f6 against the next, CPU s; shared machine, load ≈ 5 on
 * 2 cores, so the counts are the firmer numbers). Both versions in one process, an esbuild
 * bundle run by node, twice in opposite orders: seed 1 7.57 / 7.08 → 7.39 / 6.77 (10,428 →
 * 12,829 boxes; 340,198 → 292,636 sub-simplices), seed 2 10.07 / 9.01 → 8.46 / 6.72 (7,728 →
 * 6,588; 316,279 → 253,066), seed 3 17.59 / 17.13 → 12.03 / 8.19 (61,966 → 30,118; 441,785 →
 * 321,027); same equilibria (22, 9, 25) and degenerate supports. This bench afterwards, same
 * machine: seed 1 6.0 s, seed 2 5.9 s (floor met), seed 3 12.1 s (missed; 8.2–12.0 s in the
 * bundle runs); the general search (eliminate: false) stopped at 60 s on all three. Before, on
 * a quiet machine: 8.75, 10.8 and 26.8 s. Re-run on main after the merge, quiet machine (load ≈ 1, 04:52 UTC):
 * seed 1 6.00 s, seed 2 5.87 s (floor met), seed 3 14.59 s CPU (missed; 30,118 boxes, 321,027
 * sub-simplices, 25 equilibria, none degenerate); the general search stopped at 60 s on each.
 *
 * Then (commits 919793b … this one): the Farkas matrices' entries combined in the test instead
 * of subdivided (70% of a node's coefficients), K ∩ X's simplex test in the box search, pieces
 * reaching an eliminated mixture's boundary halved to width/4, lookups hoisted out of the tests.
 * Seed 3 alone, an esbuild bundle, fastest of 4 alternating runs: 6.36 → 5.84 s CPU for the
 * lookups; 30,118 → 9,467 boxes for the two search changes. This bench afterwards, quiet machine
 * (load ≈ 1, 06:53 UTC): seed 1 3.99 s, seed 2 4.34 s, seed 3 5.55 s CPU (8,106 / 6,561 / 9,467
 * boxes; 294,936 / 253,532 / 325,263 sub-simplices; 22, 9, 25 equilibria): the floor met on all
 * three, 11–15× faster than Gambit's 62 s; the general search stopped at 60 s on each. After the
 * re-search with other implicit strategies and its review fixes (87fe6e9; 07:13 UTC, load ≈ 1):
 * 4.17, 4.08 and 5.01 s CPU, the same counts.
 */
import { afterAll, bench, describe } from "vitest";
import { polynomialEnumeration } from "../src/solvers/polynomialEnumeration/index.js";
import { randomStrategicGame } from "./randomGames.js";

let sink = 0;
/** Seconds one 5×5×5 run may take before it stops (its counts then say how far it got). */
const CAP = 60;

function label(result: ReturnType<typeof polynomialEnumeration>, seconds: number, cpu: number) {
  const { supportProfiles, pruned, boxes, simplices } = result.stats;
  const stopped = result.truncated ? ` STOPPED at ${CAP} s` : "";
  const budget = result.degenerateSupports.filter((d) => d.reason === "budget").length;
  const boundary = result.degenerateSupports.filter((d) => d.reason === "boundary").length;
  return `${supportProfiles} supports, ${pruned} pruned, ${boxes} boxes, ${simplices} simplices, ${result.equilibria.length} equilibria, ${result.degenerateSupports.length} degenerate (${budget} budget, ${boundary} boundary), ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU${stopped}`;
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

/** The issue's floor for one 5×5×5 game, and Gambit's enumpoly time on such games (62–84 s). */
const FLOOR = 10;
const GAMBIT = 62;

describe(`random 5×5×5 games (floor: under ${FLOOR} s CPU each; runs capped at ${CAP} s)`, () => {
  for (const seed of [1, 2, 3]) {
    const game = randomStrategicGame([5, 5, 5], seed);
    const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };
    for (const eliminate of [false, true]) {
      const name = eliminate ? "enumpoly" : "baseline: general search (eliminate: false)";
      // one measured run (tinybench may call the function more than once: later calls reuse it)
      let equilibria: number | undefined;
      bench(
        `seed ${seed} ${name}`,
        () => {
          if (equilibria === undefined) {
            const run = timed(() => polynomialEnumeration(game, { eliminate, maxSeconds: CAP }));
            // a support given up on its budget or its boundary boxes may hide an equilibrium
            const complete =
              !run.result.truncated &&
              run.result.degenerateSupports.every((d) => d.reason === "singular");
            const floor =
              complete && run.cpu < FLOOR
                ? `floor met (${run.cpu.toFixed(1)} s < ${FLOOR} s CPU, ${(GAMBIT / run.cpu).toFixed(1)}× faster than Gambit's ${GAMBIT} s)`
                : `floor MISSED (${complete ? `${run.cpu.toFixed(1)} s CPU` : "incomplete"})`;
            console.log(
              `5×5×5 seed ${seed} ${name}: ${label(run.result, run.seconds, run.cpu)}; ${floor}`,
            );
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
