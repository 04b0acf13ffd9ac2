import { LinkageError } from "../errors/LinkageError.js";
import { parameterValues } from "../scenario/parameterValues.js";
import { parseScenario } from "../scenario/parseScenario.js";
import type { Scenario } from "../scenario/Scenario.js";
import { batchParameters } from "./batchParameters.js";
import { drawParameterRows, type ParameterDesign, parameterDesign } from "./drawParameters.js";
import { type ChunkResult, type ChunkTask, runChunk } from "./runChunk.js";
import { parseSimulationChunkJob, type SimulationChunkJob } from "./SimulationChunkJob.js";

/** Batches whose parsed scenario and parameter design a process keeps, for its next chunks. */
const CACHED_BATCHES = 4;
/** A cached batch: its scenario and its parameters (the one row, with `fixed`), or their design. */
type CachedBatch =
  | { readonly scenario: Scenario; readonly fixedRow: Float64Array }
  | { readonly scenario: Scenario; readonly design: ParameterDesign };
const batches = new Map<string, CachedBatch>();

/**
 * Rebuilds the {@link ChunkTask} a chunk job describes: parses the scenario text with the
 * scenario language's schema (parseScenario, as the CLI does), rebuilds the batch's
 * Latin-hypercube design exactly as simulate's draw does (parameterDesign) and draws this
 * chunk's rows from it (drawParameterRows: the same numbers as the rows of batchParameters). The
 * parse and the design are cached per batch, so a process serving many chunks of one batch
 * makes them once, and each chunk costs only its own rows.
 * @throws {LinkageError} E_INPUT for a malformed or tampered job (see parseSimulationChunkJob),
 *   E_SCENARIO for an invalid scenario, E_INPUT for a policy index or override the scenario lacks
 */
export function chunkTaskOfJob(data: unknown): ChunkTask {
  return taskOfJob(parseSimulationChunkJob(data));
}

/** chunkTaskOfJob for a job already checked. */
function taskOfJob(job: SimulationChunkJob): ChunkTask {
  const key = JSON.stringify([
    job.scenarioSha256,
    job.source,
    Object.entries(job.overrides).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    job.totalRuns,
    job.seed,
    job.fixed,
  ]);
  let batch = batches.get(key);
  if (!batch) {
    const scenario = parseScenario(job.scenarioText, job.source);
    check(job, scenario);
    if (job.fixed) {
      const { parameters } = batchParameters(scenario, {
        overrides: job.overrides,
        runs: job.totalRuns,
        seed: job.seed,
        fixed: true,
      });
      batch = { scenario, fixedRow: parameters };
    } else {
      const { values } = parameterValues(scenario, job.overrides);
      const design = parameterDesign(scenario, values, job.overrides, job.totalRuns, job.seed);
      batch = { scenario, design };
    }
    if (batches.size >= CACHED_BATCHES) batches.delete(batches.keys().next().value!);
    batches.set(key, batch);
  } else {
    check(job, batch.scenario);
  }
  return {
    scenario: batch.scenario,
    policies: job.policies,
    weeks: job.weeks,
    seed: job.seed,
    firstRun: job.firstRun,
    runs: job.runs,
    parameters:
      "fixedRow" in batch
        ? batch.fixedRow
        : drawParameterRows(batch.design, job.firstRun, job.firstRun + job.runs).parameters,
    fixed: job.fixed,
    keepSeries: job.keepSeries,
  };
}

/**
 * Runs one chunk job: validates it, rebuilds its task ({@link chunkTaskOfJob}) and simulates it
 * with runChunk, one result per chunk it holds (one, or one per `chunkRuns` runs), so each
 * equals the local engine's for the same chunk, byte for byte.
 * @throws {LinkageError} as chunkTaskOfJob, and as runChunk for a run that breaks the model
 */
export function runChunkJob(data: unknown): ChunkResult[] {
  const job = parseSimulationChunkJob(data);
  const task = taskOfJob(job);
  const size = job.chunkRuns ?? task.runs;
  const n = task.scenario.parameters.length;
  const results: ChunkResult[] = [];
  for (let offset = 0; offset < task.runs; offset += size) {
    const runs = Math.min(size, task.runs - offset);
    results.push(
      runChunk({
        ...task,
        firstRun: task.firstRun + offset,
        runs,
        parameters: task.fixed
          ? task.parameters
          : task.parameters.subarray(offset * n, (offset + runs) * n),
      }),
    );
  }
  return results;
}

function check(job: SimulationChunkJob, scenario: Scenario): void {
  if (!scenario.dynamics) {
    throw new LinkageError(
      "E_INPUT",
      `chunk job refused: ${job.source} has no dynamics section, so it cannot be simulated`,
    );
  }
  const bad = job.policies.find((p) => p >= scenario.policies.length);
  if (bad !== undefined) {
    throw new LinkageError(
      "E_INPUT",
      `chunk job refused: policy index ${bad}, but ${job.source} has ${scenario.policies.length} policies`,
    );
  }
}
