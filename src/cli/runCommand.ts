import { createHash } from "node:crypto";
import { join } from "node:path";
import { runScenario } from "../analysis/runScenario.js";
import { runReportHtml } from "../report/runReportHtml.js";
import { runReportMarkdown } from "../report/runReportMarkdown.js";
import { runVerdict } from "../report/runVerdict.js";
import { MAX_SCENARIO_BYTES } from "../scenario/loadScenario.js";
import { parseAssignments } from "../scenario/parameterValues.js";
import { parseScenario } from "../scenario/parseScenario.js";
import { readTextFile } from "../scenario/readTextFile.js";
import { closeSimulationPool } from "../sim/simulate.js";
import { checkOutputFolder } from "./checkOutputPath.js";
import { checkSimulationMemory } from "./checkSimulationMemory.js";
import { nonEmptyFlag, wholeNumberFlag } from "./cliFlags.js";
import type { CliIo } from "./cliIo.js";
import { LINKAGE_VERSION } from "./linkageVersion.js";
import { scenarioPath } from "./scenarioPath.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

export interface RunCommandOptions {
  readonly out?: string;
  readonly runs?: string;
  readonly seed?: string;
  readonly threads?: string;
  readonly set: string[];
  readonly maxMemory?: string;
}

/**
 * `linkage run FILE [--out DIR] [--runs N] [--seed S] [--threads T] [--set id=value]...`: the
 * one-shot analysis, the weekly simulation and the sensitivity analysis, written as
 * DIR/report.html (self-contained), DIR/report.md and DIR/results.json.
 */
export async function runCommand(
  file: string,
  options: RunCommandOptions,
  io: CliIo,
): Promise<void> {
  // every flag and the output folder are checked before the work starts
  const runs = wholeNumberFlag("--runs", options.runs) ?? 2000;
  const seed = wholeNumberFlag("--seed", options.seed) ?? 1;
  const threads = wholeNumberFlag("--threads", options.threads);
  const maxMemory = wholeNumberFlag("--max-memory", options.maxMemory);
  const chosenOut = nonEmptyFlag("--out", options.out);
  if (chosenOut !== undefined) checkOutputFolder("--out", chosenOut);
  const path = scenarioPath(file, io);
  // read once: the text parsed is the text hashed for the report's footer
  const text = readTextFile(path, MAX_SCENARIO_BYTES, "scenario");
  const scenario = parseScenario(text, path);
  const scenarioHash = createHash("sha256").update(text).digest("hex");
  const overrides = parseAssignments(options.set);
  const out = chosenOut ?? join("out", scenario.id);
  if (chosenOut === undefined) checkOutputFolder("--out", out);
  const weeks = scenario.dynamics?.weeks ?? 0;
  checkSimulationMemory(
    scenario,
    { policies: scenario.policies.length, runs, weeks, paths: false },
    maxMemory,
  );
  const command = [
    "node bin/linkage.js run",
    scenario.source,
    `--runs ${runs}`,
    `--seed ${seed}`,
    ...options.set.map((s) => `--set ${s}`),
  ].join(" ");
  const started = Date.now();
  let run: Awaited<ReturnType<typeof runScenario>>;
  try {
    run = await runScenario(scenario, {
      runs,
      seed,
      overrides,
      command,
      ...(threads ? { threads } : {}),
      onProgress: (stage) => io.stderr(`linkage: ${stage}…\n`),
    });
  } finally {
    await closeSimulationPool();
  }
  const verdict = runVerdict(run);
  // no date in results.json: the same seed gives the same file
  const results = { ...run, verdict, linkageVersion: LINKAGE_VERSION, scenarioHash };
  writeFileAtomic(join(out, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const report = { generatedAt: new Date(), version: LINKAGE_VERSION, scenarioHash };
  writeFileAtomic(join(out, "report.md"), runReportMarkdown(run, scenario, verdict, report));
  writeFileAtomic(join(out, "report.html"), runReportHtml(run, scenario, verdict, report));
  io.stdout(`${run.scenario.title}\n\nVerdict\n${verdict.map((s) => `  - ${s}`).join("\n")}\n\n`);
  io.stdout(
    `Wrote ${join(out, "report.html")}, ${join(out, "report.md")} and ${join(out, "results.json")} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
