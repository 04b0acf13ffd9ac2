import { LinkageError } from "../errors/LinkageError.js";
import { parseScenario } from "../scenario/parseScenario.js";
import type { Scenario } from "../scenario/Scenario.js";
import { type BatchParameters, batchParameters } from "./batchParameters.js";
import { type ChunkResult, type ChunkTask, runChunk } from "./runChunk.js";
import { parseSimulationChunkJob, type SimulationChunkJob } from "./SimulationChunkJob.js";

/** Batches whose parsed scenario and parameter draw a process keeps, for its next chunks. */
const CACHED_BATCHES = 4;
const batches = new Map<string, { scenario: Scenario; draw: BatchParameters }>();

/**
 * Rebuilds the {@link ChunkTask} a chunk job describes: parses the scenario text with the
 * scenario language's schema (parseScenario, as the CLI does), recomputes the whole batch's
 * parameter draw exactly as simulate does (batchParameters), and slices this chunk's rows.
 * The parse and the draw are cached per batch, so a process serving many chunks of one batch
 * does them once.
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
    const draw = batchParameters(scenario, {
      overrides: job.overrides,
      runs: job.totalRuns,
      seed: job.seed,
      fixed: job.fixed,
    });
    if (batches.size >= CACHED_BATCHES) batches.delete(batches.keys().next().value!);
    batch = { scenario, draw };
    batches.set(key, batch);
  } else {
    check(job, batch.scenario);
  }
  const { scenario, draw } = batch;
  const n = scenario.parameters.length;
  return {
    scenario,
    policies: job.policies,
    weeks: job.weeks,
    seed: job.seed,
    firstRun: job.firstRun,
    runs: job.runs,
    parameters: job.fixed
      ? draw.parameters
      : draw.parameters.slice(job.firstRun * n, (job.firstRun + job.runs) * n),
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
