import { createHash } from "node:crypto";
import { join } from "node:path";
import { runCommandLine } from "../analysis/runCommandLine.js";
import { runScenario } from "../analysis/runScenario.js";
import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import { LinkageError } from "../errors/LinkageError.js";
import { closestNames, quoteAlternatives } from "../expression/closestNames.js";
import type { QueueBatch } from "../queue/openQueueBatch.js";

import { runIndexHtml } from "../report/runIndexHtml.js";
import { runIndexRows } from "../report/runIndexRows.js";
import { runReportHtml } from "../report/runReportHtml.js";
import { runReportMarkdown } from "../report/runReportMarkdown.js";
import { runResultsJson } from "../report/runResultsJson.js";
import { runVerdict } from "../report/runVerdict.js";
import { MAX_SCENARIO_BYTES } from "../scenario/loadScenario.js";
import { parameterValues, parseAssignments } from "../scenario/parameterValues.js";
import { parseScenario } from "../scenario/parseScenario.js";
import { readTextFile } from "../scenario/readTextFile.js";
import type { Scenario } from "../scenario/Scenario.js";
import { closeSimulationPool } from "../sim/simulate.js";
import { checkOutputFolder } from "./checkOutputPath.js";
import { checkSimulationMemory } from "./checkSimulationMemory.js";
import { nonEmptyFlag, wholeNumberFlag } from "./cliFlags.js";
import type { CliIo } from "./cliIo.js";
import {
  type EngineChoice,
  engineCommandFlags,
  engineFlags,
  type QueueBatchWork,
  queueBatchFor,
} from "./engineFlags.js";
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
  readonly engine?: string;
  readonly redis?: string;
  readonly insecure?: boolean;
  readonly resume?: string;
}

/** The flags of `linkage run`, checked. */
interface RunFlags {
  readonly runs: number;
  readonly seed: number;
  readonly threads: number | undefined;
  readonly maxMemory: number | undefined;
  readonly out: string | undefined;
  /** Where the weekly simulation's chunks run (`--engine`, `--redis`, `--insecure`, `--resume`). */
  readonly engine: EngineChoice;
}

/** A scenario file read once: the text parsed is the text hashed for the report's footer. */
interface ReadScenario {
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  /** The text itself: a queue engine's workers re-parse it. */
  readonly text: string;
}

/**
 * `linkage run FILE... [--out DIR] [--runs N] [--seed S] [--threads T] [--set id=value]...
 * [--engine local|bullmq --redis URL [--insecure] [--resume ID]]`: the
 * one-shot analysis, the weekly simulation and the sensitivity analysis, written as
 * DIR/report.html (self-contained), DIR/report.md and DIR/results.json.
 *
 * With several files, each scenario is run in turn, with the same seed, runs and threads, into
 * DIR/<scenario id>/ (DIR defaults to `out`), exactly as a run of that file alone would write it;
 * then DIR/index.html and DIR/index.json compare their verdicts. Every file is read and checked,
 * and every output folder and memory estimate too, before the first run starts; two files with
 * the same scenario id are refused. `--set id=value` applies to each scenario that declares `id`
 * (a note on stderr names those that do not); an id that none declares is refused.
 */
export async function runCommand(
  files: readonly string[],
  options: RunCommandOptions,
  io: CliIo,
): Promise<void> {
  // every flag and the output folder are checked before the work starts
  const flags: RunFlags = {
    runs: wholeNumberFlag("--runs", options.runs) ?? 2000,
    seed: wholeNumberFlag("--seed", options.seed) ?? 1,
    threads: wholeNumberFlag("--threads", options.threads),
    maxMemory: wholeNumberFlag("--max-memory", options.maxMemory),
    out: nonEmptyFlag("--out", options.out),
    engine: await engineFlags(options),
  };
  if (flags.out !== undefined) checkOutputFolder("--out", flags.out);
  if (files.length === 1) await runOne(files[0]!, flags, options.set, io);
  else await runSeveral(files, flags, options.set, io);
}

/** One file: out/<scenario id> by default, and the output as it has always been. */
async function runOne(
  file: string,
  flags: RunFlags,
  sets: readonly string[],
  io: CliIo,
): Promise<void> {
  const { scenario, scenarioHash, text } = readScenario(file, io);
  const overrides = parseAssignments(sets);
  const out = flags.out ?? join("out", scenario.id);
  if (flags.out === undefined) checkOutputFolder("--out", out);
  checkMemory(scenario, flags);
  let batch: QueueBatch | undefined;
  try {
    batch = await queueBatchFor(flags.engine, runIdentity([scenarioHash], flags, sets), io);
    await runAndWrite(scenario, scenarioHash, { flags, sets, overrides, out, io, text, batch });
    await batch?.finish();
  } finally {
    await batch?.release(); // a command that stops early frees its batch for --resume at once
    await closeSimulationPool();
  }
}

/** Several files: everything checked first, then each run into DIR/<id>/, then the index. */
async function runSeveral(
  files: readonly string[],
  flags: RunFlags,
  sets: readonly string[],
  io: CliIo,
): Promise<void> {
  const dir = flags.out ?? "out";
  if (flags.out === undefined) checkOutputFolder("--out", dir);
  parseAssignments(sets); // the form of every --set first, as with one file
  const read = files.map((file) => readScenario(file, io));
  const byId = new Map<string, Scenario>();
  for (const { scenario } of read) {
    const first = byId.get(scenario.id);
    if (first) {
      throw new LinkageError(
        "E_INPUT",
        `${first.source} and ${scenario.source} have the same scenario id "${scenario.id}": each scenario is written to ${join(dir, "<scenario id>")}, so their ids must differ`,
      );
    }
    byId.set(scenario.id, scenario);
  }
  for (const { scenario } of read) {
    if (!scenario.dynamics) {
      throw new LinkageError(
        "E_INPUT",
        `${scenario.source}: linkage run needs a scenario with a dynamics section`,
      );
    }
  }
  const plans = read.map(({ scenario, scenarioHash, text }) => ({
    scenario,
    scenarioHash,
    text,
    sets: setsFor(scenario, sets),
    out: join(dir, scenario.id),
  }));
  refuseUndeclared(
    sets,
    read.map((r) => r.scenario),
  );
  for (const text of sets) {
    const skipped = plans.filter((p) => !p.sets.includes(text)).map((p) => p.scenario.source);
    if (skipped.length > 0) {
      const used = plans.filter((p) => p.sets.includes(text)).map((p) => p.scenario.source);
      io.stderr(
        `linkage: note: --set ${text} applies to ${used.join(", ")}; ${skipped.join(", ")} ${skipped.length === 1 ? "does" : "do"} not declare "${idOf(text)}" and ${skipped.length === 1 ? "runs" : "run"} at ${skipped.length === 1 ? "its" : "their"} own value\n`,
      );
    }
  }
  for (const plan of plans) {
    parameterValues(plan.scenario, parseAssignments(plan.sets)); // values checked before any run
    checkOutputFolder("--out", plan.out);
    checkMemory(plan.scenario, flags);
  }
  const runs: ScenarioRun[] = [];
  const json = join(dir, "index.json");
  const html = join(dir, "index.html");
  let batch: QueueBatch | undefined;
  try {
    batch = await queueBatchFor(
      flags.engine,
      runIdentity(
        plans.map((p) => p.scenarioHash),
        flags,
        sets,
      ),
      io,
    );
    for (const [i, plan] of plans.entries()) {
      io.stderr(
        `linkage: scenario ${i + 1} of ${plans.length}: ${plan.scenario.id} (${plan.scenario.source})\n`,
      );
      runs.push(
        await runAndWrite(plan.scenario, plan.scenarioHash, {
          flags,
          sets: plan.sets,
          overrides: parseAssignments(plan.sets),
          out: plan.out,
          io,
          text: plan.text,
          batch,
        }),
      );
    }
    await batch?.confirmCoordinator();
    const index = { seed: flags.seed, runs: flags.runs, scenarios: runIndexRows(runs) };
    writeFileAtomic(json, `${JSON.stringify(index, null, 2)}\n`);
    writeFileAtomic(
      html,
      runIndexHtml(runs, { generatedAt: new Date(), version: LINKAGE_VERSION }),
    );
    // the kept results go only once every file is written: a failed write leaves the batch resumable
    await batch?.finish();
  } finally {
    await batch?.release(); // a command that stops early frees its batch for --resume at once
    await closeSimulationPool();
  }
  io.stdout(`Wrote ${html} and ${json}\n`);
}

/** What a run's queue batch computes: the scenarios' hashes, --runs, --seed and the --set given. */
function runIdentity(
  scenarioHashes: readonly string[],
  flags: RunFlags,
  sets: readonly string[],
): QueueBatchWork {
  return {
    command: "run",
    scenarios: scenarioHashes,
    settings: {
      "--runs": String(flags.runs),
      "--seed": String(flags.seed),
      ...(sets.length > 0 ? { "--set": sets.join(" ") } : {}),
    },
  };
}

function readScenario(file: string, io: CliIo): ReadScenario {
  const path = scenarioPath(file, io);
  const text = readTextFile(path, MAX_SCENARIO_BYTES, "scenario");
  const scenario = parseScenario(text, path);
  return { scenario, scenarioHash: createHash("sha256").update(text).digest("hex"), text };
}

function checkMemory(scenario: Scenario, flags: RunFlags): void {
  const weeks = scenario.dynamics?.weeks ?? 0;
  checkSimulationMemory(
    scenario,
    { policies: scenario.policies.length, runs: flags.runs, weeks, paths: false },
    flags.maxMemory,
  );
}

/** The parameter id of a `--set id=value` already checked by `parseAssignments`. */
function idOf(text: string): string {
  return Object.keys(parseAssignments([text]))[0]!;
}

/** The `--set` arguments whose parameter the scenario declares, in the order given. */
function setsFor(scenario: Scenario, sets: readonly string[]): string[] {
  return sets.filter((text) => scenario.parameters.some((p) => p.id === idOf(text)));
}

/** Refuses a `--set` whose parameter no scenario declares, with the closest ids of them all. */
function refuseUndeclared(sets: readonly string[], scenarios: readonly Scenario[]): void {
  const ids = new Set(scenarios.flatMap((s) => s.parameters.map((p) => p.id)));
  for (const text of sets) {
    const id = idOf(text);
    if (ids.has(id)) continue;
    const close = closestNames(id, ids);
    throw new LinkageError(
      "E_INPUT",
      `--set ${text}: no scenario declares the parameter "${id}" (${scenarios.map((s) => s.source).join(", ")})${close.length > 0 ? `; did you mean ${quoteAlternatives(close)}?` : ""}`,
    );
  }
}

/** One scenario's run, written to `out` as report.html, report.md and results.json, its verdict printed. */
async function runAndWrite(
  scenario: Scenario,
  scenarioHash: string,
  {
    flags,
    sets,
    overrides,
    out,
    io,
    text,
    batch,
  }: {
    flags: RunFlags;
    sets: readonly string[];
    overrides: Readonly<Record<string, number>>;
    out: string;
    io: CliIo;
    text: string;
    /** The queue batch of the bullmq engine; undefined for the local engine. */
    batch: QueueBatch | undefined;
  },
): Promise<ScenarioRun> {
  const { runs, seed, threads } = flags;
  const command = [
    runCommandLine(scenario.source, runs, seed, sets),
    ...engineCommandFlags(flags.engine),
  ].join(" ");
  const started = Date.now();
  const engine = batch?.engineFor(text);
  const run = await runScenario(scenario, {
    ...(engine ? { engine } : {}),
    runs,
    seed,
    overrides,
    command,
    ...(threads ? { threads } : {}),
    onProgress: (stage) => io.stderr(`linkage: ${stage}…\n`),
  });
  const verdict = runVerdict(run, scenario);
  // a command that lost its queue batch to another coordinator writes nothing
  await batch?.confirmCoordinator();
  // no date in results.json: the same seed gives the same file (and the workbench stores the same)
  const results = runResultsJson(run, verdict, { version: LINKAGE_VERSION, scenarioHash });
  writeFileAtomic(join(out, "results.json"), results);
  const report = { generatedAt: new Date(), version: LINKAGE_VERSION, scenarioHash };
  writeFileAtomic(join(out, "report.md"), runReportMarkdown(run, scenario, verdict, report));
  writeFileAtomic(join(out, "report.html"), runReportHtml(run, scenario, verdict, report));
  io.stdout(`${run.scenario.title}\n\nVerdict\n${verdict.map((s) => `  - ${s}`).join("\n")}\n\n`);
  io.stdout(
    `Wrote ${join(out, "report.html")}, ${join(out, "report.md")} and ${join(out, "results.json")} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return run;
}
