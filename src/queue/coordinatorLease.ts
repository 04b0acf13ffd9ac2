import { randomUUID } from "node:crypto";
import { Worker } from "node:worker_threads";
import type { Redis } from "ioredis";
import { LinkageError } from "../errors/LinkageError.js";
import type { CheckedRedisUrl } from "./checkRedisUrl.js";
import { coordinatorLeaseKey } from "./chunkQueueNames.js";
import {
  COORDINATOR_LEASE_SCRIPTS,
  type CoordinatorLeaseLost,
  type CoordinatorLeaseRenewal,
  LEASE_TAKEN,
} from "./coordinatorLeaseScripts.js";
import { openRedis } from "./openRedis.js";

/** Milliseconds a coordinator's lease lives without renewal: a dead coordinator's batch is free after this. */
export const COORDINATOR_LEASE_MS = 20_000;

/**
 * Environment variable that shortens (or lengthens) the lease, in milliseconds, for tests that
 * kill a coordinator and resume its batch; users have no reason to set it.
 */
export const COORDINATOR_LEASE_ENV = "LINKAGE_COORDINATOR_LEASE_MS";

/** Renewals per lease lifetime: a lease survives two missed renewals. */
const RENEWALS_PER_LEASE = 3;

/** The renewal thread's module: compiled JavaScript next to this file, or its TypeScript source under tsx (tests). */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const RENEWER_URL = new URL(
  FROM_SOURCE ? "./coordinatorLeaseRenewer.ts" : "./coordinatorLeaseRenewer.js",
  import.meta.url,
);

/**
 * From source, the thread first registers tsx's loader, then imports its TypeScript module
 * (Node 20 does not apply `--import tsx` in a worker's execArgv to the worker's own module).
 */
const TSX_BOOTSTRAP = `import(${JSON.stringify(FROM_SOURCE ? import.meta.resolve("tsx/esm/api") : "")}).then((tsx) => { tsx.register(); return import(${JSON.stringify(RENEWER_URL.href)}); });`;

/** The right of one command to coordinate a queue batch, held in Redis while the command runs. */
export interface CoordinatorLease {
  /** The lease's lifetime without renewal (ms). */
  readonly ttlMs: number;
  /** Aborted, with the LinkageError saying why, once the lease is lost: the command must stop. */
  readonly signal: AbortSignal;
  /**
   * Renews the lease now and resolves only if this command still holds it: called right before
   * the output files are written, so a command that lost its batch writes nothing.
   * @throws {LinkageError} E_INPUT when the lease was lost (or cannot be confirmed)
   */
  confirm(): Promise<void>;
  /** Stops renewing and deletes the lease if this command still holds it (never throws). */
  release(): Promise<void>;
}

/**
 * The lease lifetime in ms: {@link COORDINATOR_LEASE_ENV} when set, else {@link COORDINATOR_LEASE_MS}.
 * @throws {LinkageError} E_INPUT when the variable is set to anything but 100–3,600,000 ms
 */
export function coordinatorLeaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[COORDINATOR_LEASE_ENV];
  if (text === undefined || text === "") return COORDINATOR_LEASE_MS;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 100 || ms > 3_600_000) {
    throw new LinkageError(
      "E_INPUT",
      `${COORDINATOR_LEASE_ENV}=${text}: expected whole milliseconds from 100 to 3600000 (unset it for the default ${COORDINATOR_LEASE_MS})`,
    );
  }
  return ms;
}

/**
 * Takes the coordinator lease of queue batch `batchId` (SET NX PX with a random token) and renews
 * it every third of its lifetime, from a worker thread (coordinatorLeaseRenewer) so that a main
 * thread computing for long keeps it, until {@link CoordinatorLease.release}; so at most one command
 * coordinates a batch, and a dead one's batch is free again within `ttlMs`. A renewal that finds
 * another token or none, or that cannot reach Redis for a whole lifetime, loses the lease: the
 * signal is aborted and the command must stop without writing its output.
 * @throws {LinkageError} E_INPUT when another command holds the lease, naming the batch and how
 *   long until a dead holder's lease expires
 */
export async function takeCoordinatorLease(
  store: Redis,
  redis: CheckedRedisUrl,
  batchId: string,
  ttlMs: number = coordinatorLeaseMs(),
): Promise<CoordinatorLease> {
  const key = coordinatorLeaseKey(batchId);
  const token = randomUUID();
  if ((await store.set(key, token, "PX", ttlMs, "NX")) !== "OK") {
    const left = await store.pttl(key);
    const seconds = Math.max(1, Math.ceil((left > 0 ? left : ttlMs) / 1000));
    throw new LinkageError(
      "E_INPUT",
      `batch ${batchId} on ${redis.display} is being coordinated by another linkage command (it holds the batch's lease); two coordinators would both write the output files. If that command has died, its lease expires within ${seconds} s: run the command with --resume ${batchId} again then`,
    );
  }

  const controller = new AbortController();
  let released = false;
  const lose = (why: string) => {
    if (controller.signal.aborted) return;
    controller.abort(
      new LinkageError(
        "E_INPUT",
        `batch ${batchId} on ${redis.display}: this command lost its coordinator lease (${why}), so another command may be coordinating the batch; it stops without writing any output`,
      ),
    );
    void renewer.terminate();
  };
  // renewed on a thread of its own: a main thread busy computing does not let the lease expire
  const renewal: CoordinatorLeaseRenewal = {
    redis: { url: redis.url, display: redis.display },
    key,
    token,
    ttlMs,
    everyMs: Math.max(1, Math.floor(ttlMs / RENEWALS_PER_LEASE)),
  };
  const renewer = FROM_SOURCE
    ? new Worker(TSX_BOOTSTRAP, { eval: true, workerData: renewal })
    : new Worker(RENEWER_URL, { workerData: renewal });
  renewer.unref(); // the command's own work keeps the process alive, never the lease
  renewer.on("message", (message: CoordinatorLeaseLost) => lose(message.lost));
  renewer.on("error", (error) => {
    if (!released) lose(`its renewal stopped: ${error.message}`);
  });
  /**
   * Extends the lease now, from this thread; true while this command holds it. A Redis that does
   * not answer within the lease's lifetime is an error (the lease may have expired meanwhile).
   */
  const renew = async (): Promise<boolean> => {
    let connection: Redis | undefined;
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not answer within ${ttlMs / 1000} s`)),
        ttlMs,
      );
    });
    try {
      const held = (async () => {
        connection = await openRedis(redis, { reconnects: 1 });
        return (await connection.eval(COORDINATOR_LEASE_SCRIPTS.renew, 1, key, token, ttlMs)) === 1;
      })();
      held.catch(() => undefined); // settled after the race is lost: not an unhandled rejection
      return await Promise.race([held, silent]);
    } finally {
      clearTimeout(timer);
      (connection as Redis | undefined)?.disconnect();
    }
  };

  return {
    ttlMs,
    signal: controller.signal,
    async confirm() {
      if (!controller.signal.aborted) {
        try {
          if (!(await renew())) lose(LEASE_TAKEN);
        } catch (error) {
          // without Redis the batch cannot be confirmed as this command's: nothing is written
          lose(
            `it could not be confirmed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      if (controller.signal.aborted) throw controller.signal.reason;
    },
    async release() {
      if (released) return;
      released = true;
      await renewer.terminate();
      if (controller.signal.aborted) return; // not this command's any more
      let connection: Redis | undefined;
      try {
        connection = await openRedis(redis, { reconnects: 1 });
        await connection.eval(COORDINATOR_LEASE_SCRIPTS.release, 1, key, token);
      } catch {
        // Redis gone: the lease expires by itself within ttlMs
      } finally {
        connection?.disconnect();
      }
    },
  };
}
