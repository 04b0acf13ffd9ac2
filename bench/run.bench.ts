/**
 * `npm start`: `linkage run` on the flagship end to end, report written, as a newcomer runs it
 * (compiled CLI, Node start-up included), against starting Node and doing nothing in the same run.
 * The floor: under 10 s on this machine.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, bench, describe } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "linkage-run-bench-"));
let sink = 0;

describe("npm start (linkage run scenarios/kabul-2021.yaml)", () => {
  bench(
    "baseline: node -e 0",
    () => {
      sink += execFileSync(process.execPath, ["-e", "0"], { cwd: ROOT }).length;
    },
    { iterations: 3 },
  );
  bench(
    "node bin/linkage.js run scenarios/kabul-2021.yaml",
    () => {
      sink += execFileSync(
        process.execPath,
        ["bin/linkage.js", "run", "scenarios/kabul-2021.yaml", "--out", out],
        { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] },
      ).length;
    },
    { iterations: 3, warmupIterations: 0 },
  );
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  if (sink === Number.MIN_VALUE) console.log(sink);
});
