import { createHash } from "node:crypto";
import { z } from "zod";
import { LinkageError } from "../errors/LinkageError.js";
import {
  CHUNK_JOB_FORMAT,
  type SimulationChunkJob,
  simulationChunkJobSchema,
} from "../sim/SimulationChunkJob.js";
import { QUEUE_BATCH_ID_PATTERN, QUEUE_BATCH_ID_RULE } from "./queueBatchId.js";

/** Words of a worker's refusal of a job of another format (the coordinator looks for them). */
export const OTHER_FORMAT = "it was queued by a linkage of another version";

/**
 * What a chunk job carries on the queue: the chunk's description and the id of the batch (one
 * coordinator's run) it belongs to. The batch id keeps two coordinators' results apart, and a
 * coordinator that resumes a batch passes the same id to find its finished chunks.
 */
export interface ChunkQueuePayload {
  readonly batch: string;
  readonly chunk: SimulationChunkJob;
}

const payloadShape = z.strictObject({
  batch: z.string().regex(QUEUE_BATCH_ID_PATTERN, QUEUE_BATCH_ID_RULE),
  chunk: z.unknown(),
});

/**
 * The job id of a chunk: a SHA-256 over the chunk's whole description (scenario hash, source,
 * overrides in sorted order, policies, weeks, seed, run range, flags, runs per chunk) and the
 * batch id. The same
 * chunk of the same batch always gets the same id, so BullMQ never holds it twice, and its result
 * is recorded once under that id.
 */
export function chunkJobId(payload: ChunkQueuePayload): string {
  const { chunk } = payload;
  const overrides = Object.entries(chunk.overrides).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const identity = JSON.stringify([
    chunk.format,
    chunk.scenarioSha256,
    chunk.source,
    overrides,
    chunk.policies,
    chunk.weeks,
    chunk.seed,
    chunk.totalRuns,
    chunk.firstRun,
    chunk.runs,
    chunk.fixed,
    chunk.keepSeries,
    chunk.chunkRuns ?? null,
    payload.batch,
  ]);
  return `chunk-${createHash("sha256").update(identity).digest("hex")}`;
}

/**
 * Checks the outer shape of a queue payload and that `jobId` is the id its content hashes to (a
 * job whose content was changed after it was queued is refused); the chunk itself is checked by
 * simulationChunkJobSchema's shape here and again, with its scenario hash, by runChunkJob.
 * @throws {LinkageError} E_INPUT "chunk job refused: …"
 */
export function parseChunkQueuePayload(
  data: unknown,
  jobId: string | undefined,
): ChunkQueuePayload {
  const outer = payloadShape.safeParse(data);
  if (!outer.success) {
    const problems = outer.error.issues.map(
      (issue) => `${issue.path.length ? issue.path.join(".") : "(payload)"}: ${issue.message}`,
    );
    throw new LinkageError("E_INPUT", `chunk job refused: ${problems.join("; ")}`);
  }
  const format = (outer.data.chunk as { format?: unknown } | null)?.format;
  if (format !== CHUNK_JOB_FORMAT) {
    throw new LinkageError(
      "E_INPUT",
      `chunk job refused: ${OTHER_FORMAT} (job format ${JSON.stringify(format ?? null)}, this worker reads format ${CHUNK_JOB_FORMAT}); run the same linkage version on the workers and the coordinator`,
    );
  }
  const chunk = simulationChunkJobSchema.safeParse(outer.data.chunk);
  if (!chunk.success) {
    const problems = chunk.error.issues.map(
      (issue) => `chunk.${issue.path.join(".")}: ${issue.message}`,
    );
    throw new LinkageError("E_INPUT", `chunk job refused: ${problems.join("; ")}`);
  }
  const payload = { batch: outer.data.batch, chunk: chunk.data };
  const expected = chunkJobId(payload);
  if (jobId !== expected) {
    throw new LinkageError(
      "E_INPUT",
      `chunk job refused: its id ${jobId ?? "(none)"} is not the hash of its content (${expected}); the job was altered after it was queued`,
    );
  }
  return payload;
}
