import { Worker } from "bullmq";
import { assertRedisReachable } from "./assertRedisReachable.js";
import type { CheckedRedisUrl } from "./checkRedisUrl.js";
import type { ChunkJobOutcome } from "./chunkProcessor.js";
import { CHUNK_QUEUE, RESULT_STORE_ENV } from "./chunkQueueNames.js";
import { openRedis } from "./openRedis.js";

/** Options of {@link startChunkWorker}. */
export interface ChunkWorkerOptions {
  /** The Redis holding the queue (checked by checkRedisUrl). */
  readonly redis: CheckedRedisUrl;
  /** Chunks computed at once, each in its own child process. @default 1 */
  readonly concurrency?: number;
  /**
   * Milliseconds a chunk stays locked to its worker without a renewal; a worker that dies
   * (SIGKILL, power loss) has its chunk taken by another this long after. Also the interval of
   * the check for such stalled chunks. @default 30000
   */
  readonly lockDuration?: number;
  /** One line per event (a chunk done, refused or failed). */
  readonly log?: (line: string) => void;
}

/** A running chunk worker. */
export interface ChunkWorker {
  /** Stops taking chunks, waits for the ones in progress, and closes the connections. */
  /** Stops taking chunks and waits for those in progress; `force` abandons them (they are taken again). */
  close(force?: boolean): Promise<void>;
}

/**
 * Starts a BullMQ worker on the chunk queue whose jobs run in sandboxed child processes
 * (chunkProcessor: compiled JS from dist, or the TypeScript source under tsx in tests).
 * @throws {LinkageError} E_INPUT naming the URL when Redis cannot be reached at the start
 */
export async function startChunkWorker({
  redis,
  concurrency = 1,
  lockDuration = 30_000,
  log = () => {},
}: ChunkWorkerOptions): Promise<ChunkWorker> {
  await assertRedisReachable(redis); // unreachable at the start: say so at once
  // once started, a worker waits for a Redis that goes away to come back, rather than exiting
  const connection = await openRedis(redis, { reconnects: Infinity, waitForReconnect: true });
  const fromSource = import.meta.url.endsWith(".ts");
  const processor = new URL(
    fromSource ? "./chunkProcessor.ts" : "./chunkProcessor.js",
    import.meta.url,
  );
  const worker = new Worker<unknown, ChunkJobOutcome>(CHUNK_QUEUE, processor, {
    connection,
    concurrency,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: 5,
    workerForkOptions: {
      env: { ...process.env, [RESULT_STORE_ENV]: redis.url },
      // one chunk process a core: V8's parallel GC threads only compete with the other chunk
      // processes (1,000-run jobs of egypt-aid-2013 in one process: 2.2–2.4 s and 2.9–3.2 CPU s
      // with them, 1.4–1.5 s and 1.5–1.6 CPU s without, on this 2-core machine)
      execArgv: [...process.execArgv, "--single-threaded-gc"],
    },
  });
  worker.on("completed", (job, outcome) => {
    const { firstRun, runs } =
      (job.data as { chunk?: { firstRun?: number; runs?: number } }).chunk ?? {};
    log(
      `chunk ${job.id} (runs ${firstRun}+${runs}) done${outcome.recorded ? "" : ", already recorded by an earlier delivery"}`,
    );
  });
  worker.on("failed", (job, error) => {
    log(`chunk ${job?.id ?? "(unknown)"} failed: ${error.message}`);
  });
  worker.on("error", (error) => {
    log(`worker error: ${error.message}`);
  });
  await worker.waitUntilReady();
  return {
    async close(force = false) {
      await worker.close(force);
      connection.disconnect();
    },
  };
}
