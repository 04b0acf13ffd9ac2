import { randomUUID } from "node:crypto";
import { Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { LinkageError } from "../errors/LinkageError.js";
import { parseScenario } from "../scenario/parseScenario.js";
import type { ChunkBatch, ChunkEngine } from "../sim/ChunkEngine.js";
import { decodeChunkResults } from "../sim/chunkResultWire.js";
import type { ChunkResult } from "../sim/runChunk.js";
import {
  CHUNK_JOB_FORMAT,
  type SimulationChunkJob,
  scenarioSha256,
} from "../sim/SimulationChunkJob.js";
import { type ChunkQueuePayload, chunkJobId } from "./ChunkQueuePayload.js";
import type { CheckedRedisUrl } from "./checkRedisUrl.js";
import { CHUNK_QUEUE, chunkResultKey } from "./chunkQueueNames.js";
import { jobGroups } from "./jobGroups.js";
import { openRedis, redisFailure } from "./openRedis.js";
import { QUEUE_BATCH_ID_PATTERN, QUEUE_BATCH_ID_RULE } from "./queueBatchId.js";
import { queueFailureError } from "./queueFailure.js";

/** Runs per queue job by default: see {@link BullmqChunkEngineOptions.jobRuns}. */
export const DEFAULT_JOB_RUNS = 1000;

/** Milliseconds between checks of the stored results (a fallback for missed events and a liveness check). */
const POLL_MS = 1000;
/** Polls between checks of the state of the jobs still awaited (failed for good, or gone). */
const POLLS_PER_STATE_CHECK = 5;
/** Jobs still awaited whose state one check reads, the first in chunk order. */
const STATE_CHECK_JOBS = 100;
/** BullMQ options of every chunk job: a failed job is kept a day, so its reason can be read. */
const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: { age: 24 * 3600 } } as const;

/** Options of {@link bullmqChunkEngine}. */
export interface BullmqChunkEngineOptions {
  /** The Redis holding the queue (checked by checkRedisUrl). */
  readonly redis: CheckedRedisUrl;
  /** The scenario's text exactly as parsed into the simulated scenario: workers re-parse it. */
  readonly scenarioText: string;
  /**
   * Id of this batch of chunks; a coordinator that passes the id of an interrupted batch reuses
   * its finished chunks. @default a random id
   */
  readonly batchId?: string;
  /**
   * Runs per queue job, at most: consecutive chunks of a batch are sent as one job (computed one
   * by one by the worker, each its own result, so the numbers do not change) to spread each
   * delivery's cost (queueing, locking, recording) over more runs. @default DEFAULT_JOB_RUNS
   */
  readonly jobRuns?: number;
  /** Keep the recorded results in Redis after aggregating them (they expire after a day). @default false */
  readonly keepResults?: boolean;
  /** Told once, in words, when no worker serves the queue as the chunks are queued. */
  readonly notice?: (line: string) => void;
  /**
   * Told the job ids of each batch's chunks before they are queued (a queue batch collects them
   * to remove the kept results once the whole command has finished).
   */
  readonly onChunkIds?: (ids: readonly string[]) => void;
  /** Stops the batch with the signal's reason when aborted (a queue batch whose coordinator lease was lost); its queued jobs are left to the queue. */
  readonly signal?: AbortSignal;
}

/**
 * The distributed engine: each chunk of a batch becomes a BullMQ job (plain data: the scenario's
 * text and hash, overrides, policies, seed and run range; id = hash of all of it and the batch
 * id), executed by `linkage worker` processes on any machine. Workers record each result in Redis
 * with a write-if-absent step, so a chunk delivered twice counts once; the coordinator hears of
 * completions through one QueueEvents stream, reads the recorded results and hands them to
 * simulate strictly in chunk order, so the numbers equal the local engine's byte for byte.
 * @throws {LinkageError} E_INPUT naming the URL when Redis is unreachable at the start or lost
 *   during the run; a chunk's own error (e.g. E_DOMAIN) with its code
 */
export function bullmqChunkEngine(options: BullmqChunkEngineOptions): ChunkEngine {
  return { run: (batch, accept) => runOnQueue(batch, accept, options) };
}

async function runOnQueue(
  batch: ChunkBatch,
  accept: (result: ChunkResult) => void,
  {
    redis,
    scenarioText,
    batchId = randomUUID(),
    keepResults = false,
    jobRuns = DEFAULT_JOB_RUNS,
    notice = () => {},
    onChunkIds = () => {},
    signal,
  }: BullmqChunkEngineOptions,
): Promise<void> {
  signal?.throwIfAborted();
  if (!QUEUE_BATCH_ID_PATTERN.test(batchId)) {
    throw new LinkageError(
      "E_INPUT",
      `batch id ${JSON.stringify(batchId)}: ${QUEUE_BATCH_ID_RULE}`,
    );
  }
  const source = batch.scenario.source;
  /**
   * The workers see only the text: it must be the scenario being simulated. Checked once the jobs
   * are queued (the workers start on them meanwhile), and before any result is merged.
   */
  const checkText = () => {
    if (JSON.stringify(parseScenario(scenarioText, source)) !== JSON.stringify(batch.scenario)) {
      throw new LinkageError(
        "E_INPUT",
        `the scenario text given to the queue engine is not the text of ${source}`,
      );
    }
  };
  const sha = scenarioSha256(scenarioText);
  const groups = jobGroups(batch.chunks, jobRuns);
  const payloads: ChunkQueuePayload[] = groups.map(({ from, to }) => {
    const first = batch.chunks[from]!;
    const runs = batch.chunks.slice(from, to).reduce((sum, chunk) => sum + chunk.runs, 0);
    const chunk: SimulationChunkJob = {
      format: CHUNK_JOB_FORMAT,
      scenarioText,
      scenarioSha256: sha,
      source,
      overrides: { ...batch.overrides },
      policies: [...batch.policies],
      weeks: batch.weeks,
      seed: batch.seed,
      totalRuns: batch.runs,
      firstRun: first.firstRun,
      runs,
      fixed: batch.fixed,
      keepSeries: first.keepSeries,
      ...(to - from > 1 ? { chunkRuns: first.runs } : {}),
    };
    return { batch: batchId, chunk };
  });
  const ids = payloads.map(chunkJobId);
  const indexOf = new Map(ids.map((id, k) => [id, k]));
  onChunkIds(ids);

  const store = await openRedis(redis);
  let events: QueueEvents | null = null;
  let queue: Queue | null = null;
  let timer: NodeJS.Timeout | null = null;
  let eventConnection: Redis | null = null;
  let next = 0; // chunks merged so far
  let unlisten = () => {};
  try {
    eventConnection = await openRedis(redis, { waitForReconnect: true });
    events = new QueueEvents(CHUNK_QUEUE, { connection: eventConnection });
    events.on("error", () => undefined); // a lost Redis is reported by the store connection
    queue = new Queue(CHUNK_QUEUE, { connection: store });
    queue.on("error", () => undefined);
    await events.waitUntilReady();

    const results = new Map<number, ChunkResult[]>();
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      let textChecked = false;
      const flush = () => {
        // nothing is merged before the text is checked, nor after the run has ended (a failed
        // merge would otherwise be redone for each completion heard while the run tears down)
        if (!textChecked || settled) return;
        while (results.has(next)) {
          const chunks = results.get(next)!;
          results.delete(next);
          next++;
          for (const result of chunks) accept(result);
        }
        if (next === ids.length && !settled) {
          settled = true;
          resolve();
        }
      };
      const take = (k: number, stored: Buffer | null) => {
        // a chunk heard of twice (an event and the poll, or a second delivery) is counted once
        if (stored === null || k < next || results.has(k)) return;
        const { from, to } = groups[k]!;
        let decoded: ChunkResult[];
        try {
          decoded = decodeChunkResults(stored);
        } catch (error) {
          const why = error instanceof LinkageError ? error.message : String(error);
          throw new LinkageError("E_INPUT", `the result recorded for job ${k}: ${why}`);
        }
        if (decoded.length !== to - from) {
          throw new LinkageError(
            "E_INPUT",
            `the result recorded for job ${k} holds ${decoded.length} chunk results, not its ${to - from}`,
          );
        }
        const chunks = decoded.map((result, i) => {
          const task = batch.chunks[from + i]!;
          if (result.firstRun !== task.firstRun || result.runs !== task.runs) {
            throw new LinkageError(
              "E_INPUT",
              `the result recorded for chunk ${from + i} covers runs ${result.firstRun}+${result.runs}, not ${task.firstRun}+${task.runs}`,
            );
          }
          // the rest of its shape is checked where it is merged (simulate's aggregate)
          if ((result.series !== null) !== task.keepSeries) {
            throw new LinkageError(
              "E_INPUT",
              `the result recorded for chunk ${from + i} ${task.keepSeries ? "lacks its weekly series" : "holds weekly series it was not asked for"}`,
            );
          }
          return result;
        });
        results.set(k, chunks);
      };
      /** Reads recorded results, then merges what is in order; Redis failures name the URL. */
      const collect = async (chunks: readonly number[]) => {
        let stored: (Buffer | null)[];
        try {
          stored = await store.mgetBuffer(...chunks.map((k) => chunkResultKey(ids[k]!)));
        } catch (error) {
          fail(redisFailure(redis, error));
          return;
        }
        try {
          chunks.forEach((k, i) => {
            take(k, stored[i] ?? null);
          });
          flush();
        } catch (error) {
          fail(error);
        }
      };
      const poll = async () => {
        const missing: number[] = [];
        for (let k = next; k < ids.length && missing.length < 1000; k++)
          if (!results.has(k)) missing.push(k);
        if (missing.length > 0) await collect(missing);
      };
      store.on("end", () => fail(redisFailure(redis, new Error("connection lost"))));
      const abort = () => fail(signal?.reason);
      signal?.addEventListener("abort", abort, { once: true });
      unlisten = () => signal?.removeEventListener("abort", abort);
      if (signal?.aborted) abort();
      events!.on("completed", ({ jobId }) => {
        const k = indexOf.get(jobId);
        if (k !== undefined) void collect([k]);
      });
      const where = (k: number) => {
        const { firstRun, runs } = payloads[k]!.chunk;
        return `the job of runs ${firstRun}+${runs} (${ids[k]})`;
      };
      events!.on("failed", ({ jobId, failedReason }) => {
        const k = indexOf.get(jobId);
        if (k !== undefined) fail(queueFailureError(failedReason, where(k)));
      });
      const add = async (ks: readonly number[]) => {
        for (let from = 0; from < ks.length; from += 500) {
          await queue!.addBulk(
            ks.slice(from, from + 500).map((k) => ({
              name: "chunk",
              data: payloads[k]!,
              opts: { jobId: ids[k]!, ...JOB_OPTIONS },
            })),
          );
        }
      };
      /**
       * The jobs still awaited, in case an event was missed: one failed for good ends the batch
       * with its reason; one the queue no longer holds (removed, or its result expired before
       * it was read) is queued again. Without this a lost job would be waited for in silence.
       */
      let checking = false;
      const checkStates = async () => {
        if (checking || settled) return;
        checking = true;
        try {
          const awaited: number[] = [];
          for (let k = next; k < ids.length && awaited.length < STATE_CHECK_JOBS; k++)
            if (!results.has(k)) awaited.push(k);
          const states = await Promise.all(awaited.map((k) => queue!.getJobState(ids[k]!)));
          const gone = awaited.filter((_, i) => states[i] === "unknown");
          const failed = awaited.find((_, i) => states[i] === "failed");
          if (failed !== undefined) {
            const job = await queue!.getJob(ids[failed]!);
            fail(queueFailureError(job?.failedReason ?? "no reason recorded", where(failed)));
            return;
          }
          // a job gone while its result was being recorded is harmless to queue again: the
          // worker finds the result and does not compute it twice
          if (gone.length > 0) await add(gone);
        } catch (error) {
          fail(error instanceof LinkageError ? error : redisFailure(redis, error));
        } finally {
          checking = false;
        }
      };
      let polls = 0;
      const tick = async () => {
        await poll();
        if (++polls % POLLS_PER_STATE_CHECK === 0) await checkStates();
      };
      const enqueue = async () => {
        // chunks already recorded (a resumed batch) are not queued again; when they were all
        // recorded the batch settles once the text is checked below, and nothing may be left
        // running (a timer set after the settle outlived the batch and kept a resumed command
        // from exiting)
        await poll();
        if (settled) return;
        const pending = ids.flatMap((_id, k) => (k >= next && !results.has(k) ? [k] : []));
        // a job that failed while no coordinator listened (a resumed batch) keeps its id for a
        // day, and BullMQ does not add a job whose id it holds: it is removed and queued afresh
        for (let from = 0; from < pending.length; from += 500) {
          const slice = pending.slice(from, from + 500);
          const states = await Promise.all(slice.map((k) => queue!.getJobState(ids[k]!)));
          for (const [i, state] of states.entries()) {
            if (state !== "failed") continue;
            const k = slice[i]!;
            const job = await queue!.getJob(ids[k]!);
            notice(
              `${where(k)} had failed on a worker (${job?.failedReason ?? "no reason recorded"}); it is queued again`,
            );
            await queue!.remove(ids[k]!);
          }
        }
        await add(pending);
        checkText();
        textChecked = true;
        flush();
        if (settled) return;
        timer = setInterval(() => void tick(), POLL_MS);
        if (pending.length > 0 && (await queue!.getWorkersCount().catch(() => 1)) === 0) {
          notice(
            `no linkage worker serves the queue on ${redis.display} yet: the ${pending.length} job${pending.length === 1 ? "" : "s"} wait until one starts (linkage worker --redis URL)`,
          );
        }
      };
      enqueue().catch((error: unknown) =>
        fail(error instanceof LinkageError ? error : redisFailure(redis, error)),
      );
    });
    if (!keepResults) await store.del(...ids.map(chunkResultKey));
  } catch (error) {
    // a failed batch leaves no waiting chunks for the workers (best effort: Redis may be gone)
    if (queue && !signal?.aborted) await withinSeconds(2, removeWaiting(queue, ids.slice(next)));
    throw error;
  } finally {
    unlisten();
    if (timer) clearInterval(timer);
    await closeQuietly(events, queue, [store, eventConnection]);
  }
}

/** Removes the jobs among `ids` that no worker holds (a locked job is left to finish). */
async function removeWaiting(queue: Queue, ids: readonly string[]): Promise<void> {
  for (const id of ids) await queue.remove(id).catch(() => 0);
}

/** Waits for `work`, at most `seconds`. */
async function withinSeconds(seconds: number, work: Promise<unknown>): Promise<void> {
  await Promise.race([
    work.catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, seconds * 1000).unref()),
  ]);
}

/** Closes the queue's connections, never waiting long on a Redis that is gone. */
async function closeQuietly(
  events: QueueEvents | null,
  queue: Queue | null,
  connections: readonly (Redis | null)[],
): Promise<void> {
  await withinSeconds(2, Promise.allSettled([events?.close(), queue?.close()]));
  for (const connection of connections) connection?.disconnect();
}
