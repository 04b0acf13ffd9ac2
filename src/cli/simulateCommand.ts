import { createHash } from "node:crypto";
import { join } from "node:path";
import { SingleBar } from "cli-progress";
import { LinkageError } from "../errors/LinkageError.js";
import type { QueueBatch } from "../queue/openQueueBatch.js";
import { formatNumber } from "../report/formatNumber.js";
import { centralValue, MEDIAN_FIRST } from "../report/outcomeDescriptions.js";
import { MAX_SCENARIO_BYTES } from "../scenario/loadScenario.js";
import { parseAssignments } from "../scenario/parameterValues.js";
import { parseScenario } from "../scenario/parseScenario.js";
import { readTextFile } from "../scenario/readTextFile.js";
import { stepCount, timeStep } from "../scenario/timeStep.js";
import { meanField } from "../sim/meanField.js";
import type { SimulationResult } from "../sim/SimulationResult.js";
import { closeSimulationPool, DEFAULT_RUNS, simulate } from "../sim/simulate.js";
import { checkOutputFolder } from "./checkOutputPath.js";
import { checkSimulationMemory } from "./checkSimulationMemory.js";
import { idListFlag, nonEmptyFlag, wholeNumberFlag } from "./cliFlags.js";
import type { CliIo } from "./cliIo.js";
import { engineFlags, queueBatchFor } from "./engineFlags.js";
import { scenarioPath } from "./scenarioPath.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

export interface SimulateCommandOptions {
  readonly policies?: string;
  readonly runs?: string;
  readonly weeks?: string;
  readonly seed?: string;
  readonly threads?: string;
  readonly fixed?: boolean;
  readonly meanField?: boolean;
  readonly set: string[];
  readonly json?: boolean;
  readonly csv?: string;
  readonly paths?: boolean;
  readonly maxMemory?: string;
  readonly engine?: string;
  readonly redis?: string;
  readonly insecure?: boolean;
  readonly resume?: string;
}

/** Outcomes shown in the plain-text table, in order. */
const TABLE = [
  "attacks",
  "fatalities",
  "surge",
  "evacuatedShare",
  "alqaedaSuspendedShare",
  "supportWeeks",
  "escalationWeeks",
  "senderUtility",
  "leverageValue",
];

/**
 * `linkage simulate FILE [--policies U,W,K,KE,GT] [--runs N] [--weeks W] [--seed S] [--threads T]
 * [--fixed] [--mean-field] [--set id=value]... [--json] [--csv DIR] [--paths]
 * [--engine local|bullmq --redis URL [--insecure] [--resume ID]]`. On the bullmq engine the run is
 * one queue batch whose id is printed (and added to the JSON as `batchId`); a run stopped midway
 * is finished by the same command with `--resume ID`, its finished chunks reused.
 */
export async function simulateCommand(
  file: string,
  options: SimulateCommandOptions,
  io: CliIo,
): Promise<void> {
  // every flag and output path is checked before the scenario is read or any work starts
  const policies = idListFlag("--policies", options.policies);
  const runs = wholeNumberFlag("--runs", options.runs);
  const weeks = wholeNumberFlag("--weeks", options.weeks);
  const seed = wholeNumberFlag("--seed", options.seed);
  const threads = wholeNumberFlag("--threads", options.threads);
  const maxMemory = wholeNumberFlag("--max-memory", options.maxMemory);
  const csv = nonEmptyFlag("--csv", options.csv);
  if (csv !== undefined) checkOutputFolder("--csv", csv);
  const engineChoice = await engineFlags(options);
  if (options.meanField && engineChoice.kind !== "local") {
    throw new LinkageError(
      "E_INPUT",
      "--mean-field samples nothing, so it runs no chunks: drop --engine",
    );
  }
  const path = scenarioPath(file, io);
  // the text itself, not only the parsed scenario: a queue engine's workers re-parse it
  const scenarioText = readTextFile(path, MAX_SCENARIO_BYTES, "scenario");
  const scenario = parseScenario(scenarioText, path);
  const overrides = parseAssignments(options.set);
  if (!options.meanField) {
    checkSimulationMemory(
      scenario,
      {
        policies: (policies ?? scenario.policies).length + 1,
        runs: runs ?? DEFAULT_RUNS,
        weeks: weeks ?? scenario.dynamics?.weeks ?? 0,
        paths: options.paths ?? false,
      },
      maxMemory,
    );
  }
  let result: SimulationResult;
  let batchId: string | undefined;
  let batch: QueueBatch | undefined;
  if (options.meanField) {
    result = meanField(scenario, {
      ...(policies ? { policies } : {}),
      ...(weeks ? { weeks } : {}),
      overrides,
    });
  } else {
    const started = Date.now();
    let bar: SingleBar | null = null;
    const showBar = process.stderr.isTTY === true; // a bar only for people, not for logs or pipes
    try {
      const given = (flag: string, value: string | boolean | undefined) =>
        value === undefined || value === false ? {} : { [flag]: String(value) };
      batch = await queueBatchFor(
        engineChoice,
        {
          command: "simulate",
          scenarios: [createHash("sha256").update(scenarioText).digest("hex")],
          settings: {
            ...given("--policies", options.policies),
            ...given("--runs", options.runs),
            ...given("--weeks", options.weeks),
            ...given("--seed", options.seed),
            ...given("--fixed", options.fixed),
            ...given("--paths", options.paths),
            ...given("--set", options.set.length > 0 ? options.set.join(" ") : undefined),
          },
        },
        io,
      );
      batchId = batch?.id;
      const engine = batch?.engineFor(scenarioText);
      result = await simulate(scenario, {
        ...(engine ? { engine } : {}),
        ...(policies ? { policies } : {}),
        ...(runs ? { runs } : {}),
        ...(weeks ? { weeks } : {}),
        ...(seed !== undefined ? { seed } : {}),
        ...(threads ? { threads } : {}),
        fixed: options.fixed ?? false,
        overrides,
        paths: options.paths ?? false,
        onProgress: (done, total) => {
          if (!showBar) return;
          if (!bar && Date.now() - started > 1000 && done < total) {
            bar = new SingleBar({
              stream: process.stderr,
              format: "simulating [{bar}] {value}/{total} runs, {eta}s left",
              hideCursor: true,
            });
            bar.start(total, done);
          }
          bar?.update(done);
        },
      });
    } catch (error) {
      await batch?.release(); // a command that stops early frees its batch for --resume at once
      throw error;
    } finally {
      (bar as SingleBar | null)?.stop();
      await closeSimulationPool();
    }
  }
  try {
    // a command that lost its queue batch to another coordinator writes nothing
    await batch?.confirmCoordinator();
    if (csv !== undefined) await writeCsv(csv, result);
    // the kept results go only once every file is written: a failed write leaves the batch resumable
    await batch?.finish();
  } finally {
    await batch?.release();
  }
  if (options.json) {
    const json = batchId !== undefined ? { ...result, batchId } : result;
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  io.stdout(simulationText(result));
  if (csv !== undefined)
    io.stdout(`\nWrote ${join(csv, "outcomes.csv")} and ${join(csv, "weekly.csv")}\n`);
}

/** The plain-text summary: one row per policy, mean and 5–95% band of the main outcomes. */
export function simulationText(result: SimulationResult): string {
  const ids = Object.keys(result.policies);
  const names = TABLE.filter((name) => ids.some((id) => result.policies[id]!.outcomes[name]));
  const header = ["policy", ...names];
  const rows = ids.map((id) => [
    id,
    ...names.map((name) => {
      const o = result.policies[id]!.outcomes[name];
      if (!o) return "";
      return result.sampling === "mean-field"
        ? formatNumber(o.mean, 2)
        : `${formatNumber(centralValue(name, o), 2)} [${formatNumber(o.q05, 2)}, ${formatNumber(o.q95, 2)}]`;
    }),
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => [...r[c]!].length)));
  const line = (r: string[]) =>
    `  ${r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ")}`.trimEnd();
  const how =
    result.sampling === "mean-field"
      ? "mean-field (expected values, no sampling)"
      : `${result.runs} runs per policy, seed ${result.seed}, parameters ${result.sampling === "fixed" ? "fixed at their values" : "drawn from their priors (Latin hypercube)"}`;
  return [
    `${result.scenario}: ${stepCount(timeStep(result.step), result.weeks)}, ${how}`,
    result.sampling === "mean-field"
      ? "Expected values (outcomes the mean field cannot approximate are left out):"
      : `Per run: ${[...MEDIAN_FIRST].join(" and ")} median [5%, 95%], the others mean [5%, 95%]:`,
    "",
    line(header),
    ...rows.map(line),
    "",
    result.leverageBaseline
      ? `leverageValue = senderUtility − senderUtility under ${result.leverageBaseline}, run by run.`
      : "",
    ...notAvailableLines(result),
  ]
    .join("\n")
    .concat("\n");
}

/** Mean field only: the outcomes it leaves out, each with the reason. */
function notAvailableLines(result: SimulationResult): string[] {
  const first = Object.values(result.policies)[0];
  const refused = Object.entries(first?.notAvailable ?? {});
  if (refused.length === 0) return [];
  return [
    "Not available in mean-field mode (use the Monte Carlo):",
    ...refused.map(([name, why]) => `  ${name}: ${why}`),
  ];
}

function writeCsv(dir: string, result: SimulationResult): void {
  const outcomes = ["policy,outcome,mean,sd,q05,q25,q50,q75,q95"];
  const weekly = ["policy,series,week,mean,q05,q50,q95"];
  for (const [id, policy] of Object.entries(result.policies)) {
    for (const [name, o] of Object.entries(policy.outcomes)) {
      outcomes.push([id, name, o.mean, o.sd, o.q05, o.q25, o.q50, o.q75, o.q95].join(","));
    }
    for (const [name, points] of Object.entries(policy.weekly)) {
      points.forEach((p, week) => {
        weekly.push([id, name, week, p.mean, p.q05, p.q50, p.q95].join(","));
      });
    }
  }
  writeFileAtomic(join(dir, "outcomes.csv"), `${outcomes.join("\n")}\n`);
  writeFileAtomic(join(dir, "weekly.csv"), `${weekly.join("\n")}\n`);
  if (result.paths) {
    const rows = ["policy,series,run,week,value"];
    for (const [id, bySeries] of Object.entries(result.paths)) {
      for (const [name, runs] of Object.entries(bySeries)) {
        runs.forEach((values, run) => {
          values.forEach((value, week) => {
            rows.push(`${id},${name},${run},${week},${value}`);
          });
        });
      }
    }
    writeFileAtomic(join(dir, "paths.csv"), `${rows.join("\n")}\n`);
  }
}
