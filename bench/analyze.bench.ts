/**
 * `linkage analyze` of the flagship, pivots included, end to end as a user runs it (Node start-up,
 * module loading, YAML parsing, analysis, JSON output), against the baseline of starting Node and
 * doing nothing, measured in the same run. Uses the compiled CLI: `npm run bench` builds first.
 * The floor: under half a second including Node start-up.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, bench, describe } from "vitest";
import { analyze } from "../src/analysis/analyze.js";
import { loadScenario } from "../src/scenario/loadScenario.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const FLAGSHIP = "scenarios/kabul-2021.yaml";
let sink = 0;

describe("linkage analyze (whole process)", () => {
  bench(
    "baseline: node -e 0",
    () => {
      sink += execFileSync(process.execPath, ["-e", "0"], { cwd: ROOT }).length;
    },
    { iterations: 10, warmupIterations: 1 },
  );
  bench(
    "node bin/linkage.js analyze kabul-2021.yaml --json",
    () => {
      sink += execFileSync(process.execPath, ["bin/linkage.js", "analyze", FLAGSHIP, "--json"], {
        cwd: ROOT,
      }).length;
    },
    { iterations: 10, warmupIterations: 1 },
  );
});

describe("analyze() in process", () => {
  const scenario = loadScenario(fileURLToPath(new URL(`../${FLAGSHIP}`, import.meta.url)));
  bench("analyze without pivots", () => {
    sink += analyze(scenario, { pivots: false }).policies["KE"]!.senderValue;
  });
  bench("analyze with pivots (grid 256)", () => {
    sink += analyze(scenario).pivots.length;
  });
});

// consume the sink so V8 cannot drop the work
afterAll(() => {
  if (sink === Number.MIN_VALUE) console.log(sink);
});
