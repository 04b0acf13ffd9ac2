/**
 * Issue 14's floor: `linkage run` on each shipped case writes its report in under 10 s (compiled
 * CLI, Node start-up included), measured against the flagship's run in the same session (the
 * baseline) and against starting Node and doing nothing.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, bench, describe } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "linkage-cases-bench-"));
let sink = 0;

const run = (id: string) => () => {
  sink += execFileSync(
    process.execPath,
    ["bin/linkage.js", "run", `scenarios/${id}.yaml`, "--out", join(out, id)],
    { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] },
  ).length;
};

describe("linkage run on each case (default 2,000 runs)", () => {
  bench(
    "baseline: node -e 0",
    () => {
      sink += execFileSync(process.execPath, ["-e", "0"], { cwd: ROOT }).length;
    },
    { iterations: 3 },
  );
  for (const id of [
    "kabul-2021",
    "jcpoa-2015",
    "pakistan-aid-2009",
    "egypt-aid-2013",
    "imf-programme",
  ]) {
    bench(`linkage run scenarios/${id}.yaml`, run(id), { iterations: 3, warmupIterations: 0 });
  }
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  if (sink === Number.MIN_VALUE) console.log(sink);
});
