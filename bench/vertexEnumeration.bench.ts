/**
 * All extreme equilibria of random bimatrix games (integer payoffs in [−10, 10], seeded), by
 * vertex enumeration in exact and floating-point arithmetic. Baseline in the same run:
 * `pureEquilibria` on the same game (one pass over the table).
 *
 * The earlier implementation (both polytopes enumerated, bigint tableau) is no longer kept as a
 * copy; its figures, measured in one run with this bench at commit bb95fd7 (mean ms; the current
 * one-polytope search beside it):
 *
 *   game      float   earlier float   exact   earlier exact (bigint)
 *   8 × 8      2.3        4.2           4.9        9.1
 *   10 × 10    6.3       16.8           7.7       76.0
 *   12 × 12   74.3      207.8          95.1      781.1
 *
 * i.e. the current search is 1.8–2.8× faster in floats and 1.9–9.9× in exact arithmetic. The
 * both-polytopes method survives as a cross-check in test/support/vertexEnumerationVariants.ts.
 * When `lrsnash` (Debian's lrslib) is on the PATH, it is timed on the same games side by side;
 * its figures include starting a process, which the "lrsnash start-up" case (a 1 × 1 game)
 * measures on its own. 20 × 20 is in `vertexEnumerationLarge.ts` (a script: minutes per run).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, bench, describe } from "vitest";
import type { StrategicGame } from "../src/games/strategicGame.js";
import { pureEquilibria } from "../src/solvers/pureEquilibria.js";
import {
  vertexEnumeration,
  vertexEnumerationExact,
} from "../src/solvers/vertexEnumeration/index.js";
import { randomStrategicGame } from "./randomGames.js";

let sink = 0;

const lrsnash = (process.env["PATH"] ?? "")
  .split(delimiter)
  .map((dir) => join(dir, "lrsnash"))
  .find((path) => existsSync(path));
const scratch = mkdtempSync(join(tmpdir(), "linkage-lrsnash-"));

/** The game in lrsnash's input format: "m n", then A's rows, then B's rows. */
function writeLrsnashInput(game: StrategicGame, name: string): string {
  const m = game.strategies[0]!.length;
  const n = game.strategies[1]!.length;
  const matrix = (p: number) =>
    Array.from({ length: m }, (_, i) =>
      Array.from({ length: n }, (_, j) => game.payoffs[2 * (i + m * j) + p]!).join(" "),
    ).join("\n");
  const path = join(scratch, `${name}.txt`);
  writeFileSync(path, `${m} ${n}\n\n${matrix(0)}\n\n${matrix(1)}\n`);
  return path;
}

function runLrsnash(path: string): number {
  const out = execFileSync(lrsnash!, [path], { encoding: "utf8" });
  return out.length;
}

for (const [size, iterations] of [
  [8, 20],
  [10, 10],
  [12, 5],
  [15, 3],
] as const) {
  const seed = 1000 + size;
  describe(`extreme equilibria, random ${size}×${size} game (seed ${seed})`, () => {
    const game = randomStrategicGame([size, size], seed);
    bench("baseline: pureEquilibria on the same game", () => {
      sink += pureEquilibria(game).length;
    });
    bench(
      "vertexEnumeration (float)",
      () => {
        sink += vertexEnumeration(game).equilibria.length;
      },
      { iterations, time: 0 },
    );
    bench(
      "vertexEnumerationExact (exact, doubles with bigint fallback)",
      () => {
        sink += vertexEnumerationExact(game).equilibria.length;
      },
      { iterations, time: 0 },
    );
    if (lrsnash) {
      const input = writeLrsnashInput(game, `random-${size}`);
      bench(
        "lrsnash (lrslib, GMP, own process)",
        () => {
          sink += runLrsnash(input);
        },
        { iterations, time: 0 },
      );
    }
  });
}

if (lrsnash) {
  describe("lrsnash start-up", () => {
    const input = writeLrsnashInput(randomStrategicGame([1, 1], 1), "one-by-one");
    bench("lrsnash on a 1×1 game (process start-up)", () => {
      sink += runLrsnash(input);
    });
  });
}

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  if (sink === Number.MIN_VALUE) console.log(sink);
});
