import { createHash } from "node:crypto";
import { join } from "node:path";
import { SingleBar } from "cli-progress";
import { sweepChangePoints } from "../analysis/sweepChangePoints.js";
import { type SweepDesign, sweepPoints, type VarySpec } from "../analysis/sweepPoints.js";
import {
  type SweepPointRecord,
  type SweepResult,
  sweepScenario,
} from "../analysis/sweepScenario.js";
import { LinkageError } from "../errors/LinkageError.js";
import { closestNames, quoteAlternatives } from "../expression/closestNames.js";
import type { QueueBatch } from "../queue/openQueueBatch.js";
import { formatNumber } from "../report/formatNumber.js";
import { sweepCsv } from "../report/sweepCsv.js";
import { sweepHtml } from "../report/sweepHtml.js";
import { MAX_SCENARIO_BYTES } from "../scenario/loadScenario.js";
import { parameterValues, parseAssignments } from "../scenario/parameterValues.js";
import { parseScenario } from "../scenario/parseScenario.js";
import { readTextFile } from "../scenario/readTextFile.js";
import type { Scenario } from "../scenario/Scenario.js";
import { scenarioSimulationMemoryMb } from "../sim/scenarioSimulationMemoryMb.js";
import { closeSimulationPool, DEFAULT_RUNS } from "../sim/simulate.js";
import { checkOutputFolder } from "./checkOutputPath.js";
import { checkSimulationMemory, DEFAULT_MAX_MEMORY_MB } from "./checkSimulationMemory.js";
import { nonEmptyFlag, wholeNumberFlag } from "./cliFlags.js";
import type { CliIo } from "./cliIo.js";
import { engineCommandFlags, engineFlags, queueBatchFor } from "./engineFlags.js";
import { LINKAGE_VERSION } from "./linkageVersion.js";
import { scenarioPath } from "./scenarioPath.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

export interface SweepCommandOptions {
  readonly vary: string[];
  readonly lhs?: string;
  readonly runs?: string;
  readonly seed?: string;
  readonly threads?: string;
  readonly pointsInFlight?: string;
  readonly maxMemory?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly set: string[];
  readonly engine?: string;
  readonly redis?: string;
  readonly insecure?: boolean;
  readonly resume?: string;
}

/** Most points a sweep may have (a grid's product of n, or --lhs N). */
export const MAX_SWEEP_POINTS = 10_000;
/** Most simulated runs a sweep may ask for in all (points × --runs; each run simulates every policy). */
export const MAX_SWEEP_RUNS = 100_000_000;

/**
 * Points a sweep on the queue engine simulates at once unless `--points-in-flight` says: enough
 * jobs for several workers when each point is one job (1,000 runs, the default job size).
 */
export const DEFAULT_QUEUE_POINTS_IN_FLIGHT = 8;

/** Most parameters whose values the text summary prints (more: the points are numbered). */
const MAX_TEXT_PARAMETERS = 4;

/** `id=lo:hi:n`, with the parts checked one by one below. */
const VARY_FORM = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([^:]*):([^:]*):([^:]*)$/;

/**
 * `linkage sweep FILE --vary id=lo:hi:n [--vary id2=…] | --lhs N [--runs R] [--seed S]
 * [--threads T] [--points-in-flight N] [--out DIR] [--json] [--set id=value]... [--engine local|bullmq --redis URL
 * [--insecure] [--resume ID]]`: the weekly simulation of every policy
 * at each point of a grid over the varied parameters, or of a Latin hypercube over the priors,
 * with the same seed at every point (common random numbers). Writes DIR/sweep.csv (one row per
 * point × policy), DIR/sweep.json (the same, with the command, seed and version) and
 * DIR/sweep.html; DIR defaults to out/<scenario id>-sweep. Every spec, flag, value and path is
 * checked before any work starts, each refusal naming its flag and spec. On the bullmq engine the
 * sweep is one queue batch whose id is printed (and added to the JSON as `batchId`); a sweep
 * stopped midway is finished by the same command with `--resume ID`, its finished chunks reused.
 */
export async function sweepCommand(
  file: string,
  options: SweepCommandOptions,
  io: CliIo,
): Promise<void> {
  const runs = wholeNumberFlag("--runs", options.runs) ?? DEFAULT_RUNS;
  const seed = wholeNumberFlag("--seed", options.seed) ?? 1;
  const threads = wholeNumberFlag("--threads", options.threads);
  const chosenInFlight = wholeNumberFlag("--points-in-flight", options.pointsInFlight);
  const maxMemory = wholeNumberFlag("--max-memory", options.maxMemory);
  const lhs = wholeNumberFlag("--lhs", options.lhs);
  const engineChoice = await engineFlags(options);
  const chosenOut = nonEmptyFlag("--out", options.out);
  const specs = options.vary.map(parseVarySpec);
  if (specs.length > 0 && lhs !== undefined) {
    throw new LinkageError(
      "E_INPUT",
      "--vary and --lhs: give one or the other (a grid over the varied parameters, or a Latin hypercube over every prior)",
    );
  }
  if (specs.length === 0 && lhs === undefined) {
    throw new LinkageError(
      "E_INPUT",
      "no points: give --vary id=lo:hi:n (repeatable, a grid) or --lhs N (a Latin hypercube over the priors)",
    );
  }
  const seen = new Map<string, string>();
  for (const [k, spec] of specs.entries()) {
    const first = seen.get(spec.id);
    if (first !== undefined) {
      throw new LinkageError(
        "E_INPUT",
        `--vary ${options.vary[k]}: "${spec.id}" is already varied by --vary ${first}; vary each parameter once`,
      );
    }
    seen.set(spec.id, options.vary[k]!);
  }
  const points = lhs ?? specs.reduce((product, s) => product * s.n, 1);
  if (points > MAX_SWEEP_POINTS) {
    throw new LinkageError(
      "E_INPUT",
      `--vary ${options.vary.join(" --vary ")}: ${specs.map((s) => s.n).join(" × ")} = ${points.toLocaleString("en-US")} points, above the ${MAX_SWEEP_POINTS.toLocaleString("en-US")} a sweep may have; lower n`,
    );
  }
  if (points * runs > MAX_SWEEP_RUNS) {
    throw new LinkageError(
      "E_INPUT",
      `${points.toLocaleString("en-US")} points × --runs ${runs.toLocaleString("en-US")} = ${(points * runs).toLocaleString("en-US")} runs, above the ${MAX_SWEEP_RUNS.toLocaleString("en-US")} a sweep may ask for; lower --runs or the number of points`,
    );
  }
  if (chosenOut !== undefined) checkOutputFolder("--out", chosenOut);
  const held = parseAssignments(options.set);

  const path = scenarioPath(file, io);
  const text = readTextFile(path, MAX_SCENARIO_BYTES, "scenario");
  const scenario = parseScenario(text, path);
  if (!scenario.dynamics) {
    throw new LinkageError(
      "E_INPUT",
      `${scenario.source}: linkage sweep needs a scenario with a dynamics section`,
    );
  }
  for (const note of parameterValues(scenario, held).warnings)
    io.stderr(`linkage: note: ${note}\n`);
  specs.forEach((spec, k) => {
    checkVaryValues(scenario, spec, options.vary[k]!, held, io);
  });
  const design: SweepDesign =
    lhs !== undefined ? { kind: "lhs", n: lhs, seed, held } : { kind: "grid", vary: specs, held };
  const set = sweepPoints(scenario, design);
  if (design.kind === "grid") {
    for (const values of set.points) checkPointValues(scenario, set.ids, values, held);
  }
  const size = {
    policies: scenario.policies.length,
    runs,
    weeks: scenario.dynamics.weeks,
    paths: false,
  };
  checkSimulationMemory(scenario, size, maxMemory);
  const pointsInFlight = sweepPointsInFlight(
    scenario,
    size,
    chosenInFlight,
    engineChoice.kind,
    maxMemory,
  );
  const out = chosenOut ?? join("out", `${scenario.id}-sweep`);
  if (chosenOut === undefined) checkOutputFolder("--out", out);

  const command = [
    "node bin/linkage.js sweep",
    scenario.source,
    ...options.vary.map((v) => `--vary ${v}`),
    ...(lhs !== undefined ? [`--lhs ${lhs}`] : []),
    `--runs ${runs}`,
    `--seed ${seed}`,
    ...options.set.map((s) => `--set ${s}`),
    ...engineCommandFlags(engineChoice),
  ].join(" ");
  let bar: SingleBar | null = null;
  const started = Date.now();
  const showBar = process.stderr.isTTY === true; // a bar only for people, not for logs or pipes
  const scenarioHash = createHash("sha256").update(text).digest("hex");
  let result: SweepResult;
  let batchId: string | undefined;
  let batch: QueueBatch | undefined;
  try {
    batch = await queueBatchFor(
      engineChoice,
      {
        command: "sweep",
        scenarios: [scenarioHash],
        settings: {
          ...(specs.length > 0 ? { "--vary": options.vary.join(" ") } : {}),
          ...(lhs !== undefined ? { "--lhs": String(lhs) } : {}),
          "--runs": String(runs),
          "--seed": String(seed),
          ...(options.set.length > 0 ? { "--set": options.set.join(" ") } : {}),
        },
      },
      io,
    );
    batchId = batch?.id;
    result = await sweepScenario(scenario, set, {
      // one engine a point: keeping a point removes its chunk results, not those of the others in flight
      ...(batch
        ? { engine: (point: number, stop: AbortSignal) => batch!.engineFor(text, point, stop) }
        : {}),
      ...(batch ? { pointStore: batch.pointStore<SweepPointRecord>() } : {}),
      runs,
      seed,
      held,
      ...(threads !== undefined ? { threads } : {}),
      pointsInFlight,
      onProgress: (done, total, rate) => {
        if (!showBar) return;
        if (!bar && done < total) {
          bar = new SingleBar({
            stream: process.stderr,
            format: "sweeping [{bar}] {value}/{total} points, {rate} runs/s, {left} left",
            hideCursor: true,
          });
          bar.start(total, 0, { rate: "…", left: "…" });
        }
        if (!(rate > 0)) return;
        // the time left from the runs still to do at the rate so far (cli-progress's own ETA counts points only)
        const runsDone = (rate * (Date.now() - started)) / 1000;
        const left = done === total ? 0 : Math.max(0, Math.ceil((total * runs - runsDone) / rate));
        bar?.update(done, { rate: formatNumber(rate, 0), left: `${left} s` });
      },
    });
  } catch (error) {
    await batch?.release(); // a command that stops early frees its batch for --resume at once
    throw error;
  } finally {
    (bar as SingleBar | null)?.stop();
    await closeSimulationPool();
  }
  const json = {
    command,
    version: LINKAGE_VERSION,
    scenarioHash,
    ...result,
    ...(batchId !== undefined ? { batchId } : {}),
  };
  try {
    // a command that lost its queue batch to another coordinator writes nothing
    await batch?.confirmCoordinator();
    writeFileAtomic(join(out, "sweep.csv"), sweepCsv(result));
    writeFileAtomic(join(out, "sweep.json"), `${JSON.stringify(json, null, 2)}\n`);
    writeFileAtomic(
      join(out, "sweep.html"),
      sweepHtml(result, scenario, {
        command,
        version: LINKAGE_VERSION,
        scenarioHash,
        generatedAt: new Date(),
      }),
    );
    // the kept results go only once every file is written: a failed write leaves the batch resumable
    await batch?.finish();
  } finally {
    await batch?.release();
  }
  if (options.json) {
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  io.stdout(sweepText(result));
  io.stdout(
    `\nWrote ${join(out, "sweep.csv")}, ${join(out, "sweep.json")} and ${join(out, "sweep.html")}\n`,
  );
}

/**
 * One `--vary id=lo:hi:n`, its form and numbers checked (not yet against the scenario).
 * @throws {LinkageError} E_INPUT for a malformed spec, lo ≥ hi, or n not a whole number from 2 to MAX_SWEEP_POINTS
 */
function parseVarySpec(text: string): VarySpec {
  const example = "e.g. --vary sigma_sub=0:0.7:8";
  const match = VARY_FORM.exec(text);
  if (!match) {
    throw new LinkageError("E_INPUT", `--vary ${text}: expected id=lo:hi:n, ${example}`);
  }
  const [, id, loText, hiText, nText] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const number = (part: string, what: string) => {
    const x = Number(part);
    if (part.trim() === "" || !Number.isFinite(x)) {
      throw new LinkageError(
        "E_INPUT",
        `--vary ${text}: ${what} ${JSON.stringify(part)} is not a number; expected id=lo:hi:n, ${example}`,
      );
    }
    return x;
  };
  const lo = number(loText, "lo");
  const hi = number(hiText, "hi");
  const n = number(nText, "n");
  if (lo > hi) throw new LinkageError("E_INPUT", `--vary ${text}: lo ${lo} is above hi ${hi}`);
  if (lo === hi) {
    throw new LinkageError(
      "E_INPUT",
      `--vary ${text}: lo and hi are both ${lo}, nothing to vary (hold a value with --set ${id}=${lo})`,
    );
  }
  if (!Number.isSafeInteger(n) || n < 2 || n > MAX_SWEEP_POINTS) {
    throw new LinkageError(
      "E_INPUT",
      `--vary ${text}: n ${nText.trim()} must be a whole number from 2 to ${MAX_SWEEP_POINTS.toLocaleString("en-US")} (the values from lo to hi, both included)`,
    );
  }
  return { id, lo, hi, n };
}

/**
 * Checks a spec against the scenario: a declared parameter not also held by --set, and a range
 * inside [0, 1] for a parameter used as a probability; a range reaching outside the prior's is
 * allowed and noted, as with --set.
 */
function checkVaryValues(
  scenario: Scenario,
  spec: VarySpec,
  text: string,
  held: Readonly<Record<string, number>>,
  io: CliIo,
): void {
  const parameter = scenario.parameters.find((p) => p.id === spec.id);
  if (!parameter) {
    const ids = scenario.parameters.map((p) => p.id);
    const close = closestNames(spec.id, ids);
    throw new LinkageError(
      "E_INPUT",
      `--vary ${text}: unknown parameter "${spec.id}" in ${scenario.source}; ${close.length > 0 ? `did you mean ${quoteAlternatives(close)}?` : `expected one of: ${ids.join(", ")}`}`,
    );
  }
  if (spec.id in held) {
    throw new LinkageError(
      "E_INPUT",
      `--vary ${text}: "${spec.id}" is also held by --set ${spec.id}=${held[spec.id]}; vary it or hold it, not both`,
    );
  }
  if (parameter.probabilityUses.length > 0 && !(spec.lo >= 0 && spec.hi <= 1)) {
    throw new LinkageError(
      "E_INPUT",
      `--vary ${text}: "${spec.id}" is used as a probability (${parameter.probabilityUses.join(", ")}), so its values must lie in [0, 1]`,
    );
  }
  const range = parameter.range;
  if (range && (spec.lo < range[0] || spec.hi > range[1])) {
    io.stderr(
      `linkage: note: --vary ${text} reaches outside the prior range of ${spec.id}, [${range[0]}, ${range[1]}]\n`,
    );
  }
}

/** The scenario's own rules (a type prior's probabilities) at one grid point, refused with the point named. */
function checkPointValues(
  scenario: Scenario,
  ids: readonly string[],
  values: readonly number[],
  held: Readonly<Record<string, number>>,
): void {
  const overrides: Record<string, number> = Object.create(null);
  Object.assign(overrides, held);
  ids.forEach((id, k) => {
    overrides[id] = values[k]!;
  });
  try {
    parameterValues(scenario, overrides);
  } catch (error) {
    if (!(error instanceof LinkageError)) throw error;
    const at = ids.map((id, k) => `${id}=${values[k]}`).join(", ");
    throw new LinkageError("E_INPUT", `--vary: at the point ${at}: ${error.message}`);
  }
}

/** The plain-text summary: each point's best policy and leverage value, then where the best changes. */
export function sweepText(result: SweepResult): string {
  // many parameters (a Latin hypercube over every prior) would not fit a line: numbered points
  const wide = result.ids.length > MAX_TEXT_PARAMETERS;
  const header = [...(wide ? ["point"] : result.ids), "best", "leverage value"];
  const rows = result.points.map((p, k) => [
    ...(wide ? [String(k + 1)] : p.values.map((x) => formatNumber(x, 4))),
    p.best,
    p.leverage === null ? "—" : formatNumber(p.leverage, 3),
  ]);
  const shown = rows.slice(0, 40);
  const widths = header.map((_, c) =>
    Math.max(...[header, ...shown].map((r) => [...r[c]!].length)),
  );
  const line = (r: string[]) =>
    `  ${r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ")}`.trimEnd();
  const changes = sweepChangePoints(result);
  const design =
    result.design === "grid"
      ? `a grid over ${result.ids.join(", ")}`
      : `a Latin hypercube of ${result.points.length} points over ${result.ids.length} priors`;
  return [
    `${result.scenario}: ${result.points.length} points (${design}) × ${result.policies.length} policies, ${result.runs} runs each, seed ${result.seed} at every point (common random numbers)`,
    `Best policy (highest mean sender utility) and its leverage value over ${result.leverageBaseline ?? "no baseline"}:`,
    "",
    line(header),
    ...shown.map(line),
    ...(rows.length > shown.length ? [`  … ${rows.length - shown.length} more in sweep.csv`] : []),
    ...(wide ? [`  (each point's ${result.ids.length} parameter values are in sweep.csv)`] : []),
    ...(result.design === "grid"
      ? changes.length === 0
        ? ["", "The best policy is the same at every point."]
        : [
            "",
            "The best policy changes:",
            ...changes.map(
              (c) =>
                `  ${c.before} → ${c.after} between ${c.id} = ${formatNumber(c.from, 4)} and ${formatNumber(c.to, 4)}${
                  Object.keys(c.at).length > 0
                    ? ` (${Object.entries(c.at)
                        .map(([id, x]) => `${id} = ${formatNumber(x, 4)}`)
                        .join(", ")})`
                    : ""
                }`,
            ),
          ]
      : []),
  ]
    .join("\n")
    .concat("\n");
}

/**
 * Points simulated at once: `--points-in-flight`, else 1 on this machine (a point's chunks already
 * fill its cores) and {@link DEFAULT_QUEUE_POINTS_IN_FLIGHT} on the queue, lowered so that the
 * points held at once fit in --max-memory (the coordinator keeps each one's runs until it ends).
 * @throws {LinkageError} E_INPUT when the chosen number of points would not fit
 */
function sweepPointsInFlight(
  scenario: Scenario,
  size: Parameters<typeof scenarioSimulationMemoryMb>[1],
  chosen: number | undefined,
  engine: "local" | "bullmq",
  maxMemory = DEFAULT_MAX_MEMORY_MB,
): number {
  const perPoint = scenarioSimulationMemoryMb(scenario, size) ?? 0;
  const fit =
    perPoint > 0 ? Math.max(1, Math.floor(maxMemory / perPoint)) : Number.MAX_SAFE_INTEGER;
  if (chosen === undefined)
    return engine === "local" ? 1 : Math.min(DEFAULT_QUEUE_POINTS_IN_FLIGHT, fit);
  if (chosen > fit) {
    throw new LinkageError(
      "E_INPUT",
      `--points-in-flight ${chosen}: each point needs about ${perPoint.toLocaleString("en-US")} MB, and ${fit} ${fit === 1 ? "point fits" : "points fit"} in --max-memory ${maxMemory} MB; lower --points-in-flight or --runs, or raise --max-memory`,
    );
  }
  return chosen;
}
