import type { SandboxedJob } from "bullmq";
import type { Redis } from "ioredis";
import { encodeChunkResults } from "../sim/chunkResultWire.js";
import { runChunkJob } from "../sim/runChunkJob.js";
import { type ChunkQueuePayload, parseChunkQueuePayload } from "./ChunkQueuePayload.js";
import { checkRedisUrl } from "./checkRedisUrl.js";
import { CHUNK_RESULT_TTL_SECONDS, chunkResultKey, RESULT_STORE_ENV } from "./chunkQueueNames.js";
import { openRedis } from "./openRedis.js";
import { queueFailureText } from "./queueFailure.js";

let store: Promise<Redis> | null = null;

// a sandboxed child whose worker was killed (kill -9) has no one to report to: it exits at once
// (left alone, BullMQ's child kept failing to reach its parent and spun on a core)
process.once("disconnect", () => process.exit(1));

/** What a processed chunk job returns to BullMQ: whether this delivery recorded the result. */
export interface ChunkJobOutcome {
  /** False when the result was already recorded (a second delivery of the same chunk). */
  readonly recorded: boolean;
}

/**
 * BullMQ sandboxed processor (run in a child process of `linkage worker`, so the worker's lock
 * renewals go on while a chunk computes): checks the job (its id is the hash of its content, the
 * chunk's shape and scenario hash; see runChunkJob), simulates the chunk unless its result is
 * already recorded, and records the result under the job id with SET NX, so a chunk delivered
 * twice is recorded once (and, unless both deliveries run at once, computed once). A refused or failed
 * job throws with the LinkageError's code in its message (queueFailureText).
 */
export default async function chunkProcessor(job: SandboxedJob): Promise<ChunkJobOutcome> {
  let payload: ChunkQueuePayload;
  try {
    payload = parseChunkQueuePayload(job.data, job.id);
  } catch (error) {
    throw new Error(queueFailureText(error));
  }
  const url = process.env[RESULT_STORE_ENV];
  if (!url) throw new Error(`[internal] ${RESULT_STORE_ENV} is not set in the processor`);
  store ??= openRedis(checkRedisUrl(url, { insecure: true }), { reconnects: 20 });
  const key = chunkResultKey(job.id!);
  // a chunk whose result is already recorded (queued again by a resumed coordinator just as an
  // earlier delivery finished) is not computed again
  if ((await (await store).exists(key)) === 1) return { recorded: false };
  let wire: Buffer;
  try {
    wire = encodeChunkResults(runChunkJob(payload.chunk));
  } catch (error) {
    throw new Error(queueFailureText(error));
  }
  const written = await (await store).set(key, wire, "EX", CHUNK_RESULT_TTL_SECONDS, "NX");
  return { recorded: written === "OK" };
}
