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
import { senderValue } from "../src/analysis/policyOutcome.js";
import { compileLeverageGame } from "../src/scenario/compileLeverageGame.js";
import { loadScenario } from "../src/scenario/loadScenario.js";
import { parameterValues } from "../src/scenario/parameterValues.js";

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

/**
 * One conditional policy's value as the sweeps evaluate it (pivots, tornado, Sobol): the rule with
 * fixed beliefs (the baseline) against the sequential equilibria with the sender's follow-through
 * as a move (MODEL.md §2b). Measured at issue 17: fixed 3.4 µs, equilibrium 10.7 µs for KE
 * (3.1×), 9.1 µs for K; analyze with pivots 628 → 174 ms after pinning dominated decisions.
 */
describe("one policy's sender value (flagship, KE)", () => {
  const scenario = loadScenario(fileURLToPath(new URL(`../${FLAGSHIP}`, import.meta.url)));
  const game = compileLeverageGame(scenario, parameterValues(scenario).values);
  const fixed = { ...game, beliefs: "fixed" as const };
  const ke = game.policies.find((p) => p.id === "KE")!;
  bench("baseline: fixed beliefs (the committed rule)", () => {
    sink += senderValue(fixed, ke);
  });
  bench("equilibrium beliefs (followThroughValue)", () => {
    sink += senderValue(game, ke);
  });
});

// consume the sink so V8 cannot drop the work
afterAll(() => {
  if (sink === Number.MIN_VALUE) console.log(sink);
});
