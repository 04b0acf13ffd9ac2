/**
 * Vertex enumeration on one random 20 × 20 game (integer payoffs in [−10, 10], seed 1020, as
 * `vertexEnumeration.bench.ts` would generate it), side by side with lrsnash when it is on the
 * PATH. A script rather than a vitest bench because one run takes minutes:
 *   npx tsx bench/vertexEnumerationLarge.ts [size=20] [budget seconds=150]
 * Prints wall-clock seconds, whether each finished within the budget, and the counts.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import {
  vertexEnumeration,
  vertexEnumerationExact,
} from "../src/solvers/vertexEnumeration/index.js";
import { randomStrategicGame } from "./randomGames.js";

const size = Number(process.argv[2] ?? 20);
const budget = Number(process.argv[3] ?? 150);
const seed = 1000 + size;
const game = randomStrategicGame([size, size], seed);

const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(1);

for (const [name, solve] of [
  ["vertexEnumerationExact", vertexEnumerationExact],
  ["vertexEnumeration (float)", vertexEnumeration],
] as const) {
  const start = performance.now();
  const result = solve(game, { maxSeconds: budget });
  console.log(
    `${name}: ${seconds(start)} s, complete ${result.complete}, ${result.equilibria.length} equilibria,`,
    `vertices ${result.vertices.join(" / ")}, bases ${result.bases},`,
    `rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
  );
}

const lrsnash = (process.env["PATH"] ?? "")
  .split(delimiter)
  .map((dir) => join(dir, "lrsnash"))
  .find((path) => existsSync(path));
if (lrsnash) {
  const scratch = mkdtempSync(join(tmpdir(), "linkage-lrsnash-"));
  const matrix = (p: number) =>
    Array.from({ length: size }, (_, i) =>
      Array.from({ length: size }, (_, j) => game.payoffs[2 * (i + size * j) + p]!).join(" "),
    ).join("\n");
  const input = join(scratch, "game.txt");
  writeFileSync(input, `${size} ${size}\n\n${matrix(0)}\n\n${matrix(1)}\n`);
  const start = performance.now();
  try {
    const out = execFileSync(lrsnash, [input], { encoding: "utf8", timeout: budget * 1000 });
    const found = out.split("\n").filter((line) => line.startsWith("1 ")).length;
    console.log(`lrsnash: ${seconds(start)} s, complete true, ${found} equilibria`);
  } catch {
    console.log(`lrsnash: stopped after ${seconds(start)} s (budget ${budget} s), complete false`);
  }
  rmSync(scratch, { recursive: true, force: true });
}
