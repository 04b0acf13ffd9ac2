import { createHash } from "node:crypto";
import { z } from "zod";
import { LinkageError } from "../errors/LinkageError.js";

/** Largest scenario text a chunk job may carry, in bytes (loadScenario's limit: 1 MiB). */
export const MAX_JOB_SCENARIO_BYTES = 2 ** 20;
/** Largest run count of a batch a chunk job may belong to. */
export const MAX_JOB_RUNS = 100_000_000;
/** Largest horizon of a chunk job, in steps. */
export const MAX_JOB_WEEKS = 100_000;

/** Most chunks one job may hold (its runs over its chunkRuns). */
export const MAX_JOB_CHUNKS = 1000;

/**
 * The format of a chunk job and of its stored result: 3 since a job's results are stored as one
 * binary frame (encodeChunkResults; 2 stored a JSON list of base64 results). Workers and
 * coordinators of another format refuse each other's jobs rather than misread them.
 */
export const CHUNK_JOB_FORMAT = 3;

const wholeNumber = (max: number) => z.number().int().min(0).max(max);

/**
 * The zod schema of a {@link SimulationChunkJob}: the shape, the bounds and the run range. It
 * checks data only; the scenario text is then parsed by the scenario language's own schema
 * (parseScenario), and nothing in a job is ever executed.
 */
export const simulationChunkJobSchema = z
  .strictObject({
    format: z.literal(CHUNK_JOB_FORMAT),
    scenarioText: z.string().min(1).max(MAX_JOB_SCENARIO_BYTES),
    scenarioSha256: z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex digits"),
    source: z.string().min(1).max(4096),
    overrides: z.record(z.string().min(1).max(200), z.number().finite()),
    policies: z.array(wholeNumber(1000)).min(1).max(1000),
    weeks: wholeNumber(MAX_JOB_WEEKS).min(1),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    totalRuns: wholeNumber(MAX_JOB_RUNS).min(1),
    firstRun: wholeNumber(MAX_JOB_RUNS),
    runs: wholeNumber(MAX_JOB_RUNS).min(1),
    fixed: z.boolean(),
    keepSeries: z.boolean(),
    chunkRuns: wholeNumber(MAX_JOB_RUNS).min(1).optional(),
  })
  .refine((job) => job.firstRun + job.runs <= job.totalRuns, {
    message: "the chunk's runs [firstRun, firstRun + runs) lie outside the batch's totalRuns",
    path: ["runs"],
  })
  .refine((job) => Math.ceil(job.runs / (job.chunkRuns ?? job.runs)) <= MAX_JOB_CHUNKS, {
    message: `a job may hold at most ${MAX_JOB_CHUNKS} chunks (runs / chunkRuns)`,
    path: ["chunkRuns"],
  });

/**
 * One chunk of a Monte Carlo simulation as plain data (JSON), enough for any process to rebuild
 * the chunk's {@link ChunkTask}: the scenario's text and its SHA-256, the source name it was
 * parsed under, the overrides, the simulated policies (indices), the horizon, the seed, the
 * batch's run count (the parameter draw covers the whole batch) and this chunk's run range.
 * With `chunkRuns`, the range holds several consecutive chunks of that many runs (the last may
 * be shorter), computed one by one exactly as simulate cuts them, each its own result: a queue
 * job of a few thousand runs costs one delivery, yet merges as the local engine's chunks do.
 */
export type SimulationChunkJob = z.infer<typeof simulationChunkJobSchema>;

/** Lowercase hex SHA-256 of a scenario's text (UTF-8), as a chunk job carries it. */
export function scenarioSha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Checks untrusted data (a queue payload) against {@link simulationChunkJobSchema} and checks that
 * the scenario text hashes to the job's `scenarioSha256`.
 * @throws {LinkageError} E_INPUT naming every problem, "chunk job refused: …"
 */
export function parseSimulationChunkJob(data: unknown): SimulationChunkJob {
  const parsed = simulationChunkJobSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.length ? issue.path.join(".") : "(job)"}: ${issue.message}`,
    );
    throw new LinkageError("E_INPUT", `chunk job refused: ${problems.join("; ")}`);
  }
  const job = parsed.data;
  const actual = scenarioSha256(job.scenarioText);
  if (actual !== job.scenarioSha256) {
    throw new LinkageError(
      "E_INPUT",
      `chunk job refused: the scenario text hashes to ${actual}, not to the job's scenarioSha256 ${job.scenarioSha256} (altered in transit?)`,
    );
  }
  return job;
}
