/**
 * Issue 15's floor: moving a slider in the workbench shows the flagship's verdict in under 100 ms.
 * The scenario panel's worker (web/src/scenario/analysisWorker.ts) keeps the last text's parse,
 * answers with `analyze` without pivots first (the verdict, the tables), then finds the pivots one
 * parameter at a time. Timed here on the flagship with one value set (sigma_sub = 0.1, across a
 * pivot), against the baseline of parsing the text alone, in the same run:
 * - a slider move: analyze without pivots on the parsed scenario (what the verdict waits for);
 * - an edit of the text: parse, then analyze without pivots;
 * - the pivots that follow (analyze with pivots, as `linkage analyze` runs it);
 * - everything at once: parse + analyze with pivots (a worker that did not split the work).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, bench, describe } from "vitest";
import { analyze } from "../src/analysis/analyze.js";
import { parseScenario } from "../src/scenario/parseScenario.js";

const FLAGSHIP = readFileSync(
  fileURLToPath(new URL("../scenarios/kabul-2021.yaml", import.meta.url)),
  "utf8",
);
const OVERRIDES = { sigma_sub: 0.1 };
let sink = 0;

describe("the workbench's analysis of the flagship with one value set", () => {
  const parsed = parseScenario(FLAGSHIP, "kabul-2021.yaml");
  bench("baseline: parseScenario only", () => {
    sink += parseScenario(FLAGSHIP, "kabul-2021.yaml").parameters.length;
  });
  bench("slider move: analyze without pivots (parsed scenario kept)", () => {
    sink += analyze(parsed, { overrides: OVERRIDES, pivots: false }).bestPolicy.length;
  });
  bench("text edit: parseScenario + analyze without pivots", () => {
    const scenario = parseScenario(FLAGSHIP, "kabul-2021.yaml");
    sink += analyze(scenario, { overrides: OVERRIDES, pivots: false }).bestPolicy.length;
  });
  bench(
    "the pivots that follow: analyze with pivots (parsed scenario kept)",
    () => {
      sink += analyze(parsed, { overrides: OVERRIDES }).pivots.length;
    },
    { iterations: 10, warmupIterations: 2 },
  );
  bench(
    "all at once: parseScenario + analyze with pivots",
    () => {
      const scenario = parseScenario(FLAGSHIP, "kabul-2021.yaml");
      sink += analyze(scenario, { overrides: OVERRIDES }).pivots.length;
    },
    { iterations: 10, warmupIterations: 2 },
  );
});

// consume the sink so V8 cannot drop the work
afterAll(() => {
  if (sink === Number.MIN_VALUE) console.log(sink);
});
