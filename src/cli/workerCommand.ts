import { checkRedisUrl } from "../queue/checkRedisUrl.js";
import { CHUNK_QUEUE } from "../queue/chunkQueueNames.js";
import { startChunkWorker } from "../queue/startChunkWorker.js";
import { nonEmptyFlag, wholeNumberFlag } from "./cliFlags.js";
import type { CliIo } from "./cliIo.js";

/** How long a stopping worker waits for its chunks in progress when nothing else stops it (ms). */
const CLOSE_GRACE_MS = 30_000;

/** The flags of `linkage worker`, as commander gives them (checked by `workerCommand`). */
export interface WorkerCommandOptions {
  readonly redis?: string;
  readonly concurrency?: string;
  readonly lockDuration?: string;
  readonly insecure?: boolean;
}

/**
 * `linkage worker --redis URL [--concurrency N] [--lock-duration MS] [--insecure]`: serves the
 * simulation chunks that `linkage simulate --engine bullmq` (or `run`) queues in that Redis, each
 * in a sandboxed child process, logging one line per chunk, until SIGINT or SIGTERM (then it
 * finishes the chunks in progress and exits 0). Redis unreachable at the start: exit 2 with the
 * URL named; lost later: the worker waits for it to come back.
 */
export async function workerCommand(options: WorkerCommandOptions, io: CliIo): Promise<void> {
  const url = nonEmptyFlag("--redis", options.redis);
  const concurrency = wholeNumberFlag("--concurrency", options.concurrency) ?? 1;
  const lockDuration = wholeNumberFlag("--lock-duration", options.lockDuration) ?? 30_000;
  if (url === undefined) {
    const { LinkageError } = await import("../errors/LinkageError.js");
    throw new LinkageError("E_INPUT", "--redis redis://HOST:PORT is required: the Redis to serve");
  }
  const redis = checkRedisUrl(url, { insecure: options.insecure ?? false });
  const log = (line: string) => io.stdout(`${new Date().toISOString()} ${line}\n`);
  const worker = await startChunkWorker({ redis, concurrency, lockDuration, log });
  log(
    `serving queue ${CHUNK_QUEUE} on ${redis.display}, ${concurrency} chunk${concurrency === 1 ? "" : "s"} at a time (pid ${process.pid}); stop with Ctrl-C`,
  );
  const signal = await new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  log(
    `${signal}: finishing the chunks in progress (a second Ctrl-C, or ${CLOSE_GRACE_MS / 1000} s without Redis, stops at once)`,
  );
  // a worker whose Redis is gone cannot hand its chunks back: after a grace period, or a second
  // signal, it stops anyway (an unfinished chunk is taken by another worker once its lock expires)
  const forced = new Promise<"forced">((resolve) => {
    const timer = setTimeout(() => resolve("forced"), CLOSE_GRACE_MS);
    timer.unref();
    process.once("SIGINT", () => resolve("forced"));
    process.once("SIGTERM", () => resolve("forced"));
  });
  const closed = worker.close().then(() => "closed" as const);
  if ((await Promise.race([closed, forced])) === "forced") {
    log("stopping without waiting for the chunks in progress");
    await Promise.race([worker.close(true), new Promise((r) => setTimeout(r, 2000).unref())]);
  }
  log("stopped");
}
