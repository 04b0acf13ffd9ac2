import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { LinkageError } from "../errors/LinkageError.js";
import type { ChunkEngine } from "../sim/ChunkEngine.js";
import { bullmqChunkEngine } from "./bullmqChunkEngine.js";
import type { CheckedRedisUrl } from "./checkRedisUrl.js";
import {
  batchPointKey,
  batchRecordKey,
  CHUNK_RESULT_TTL_SECONDS,
  chunkResultKey,
} from "./chunkQueueNames.js";
import {
  type CoordinatorLease,
  coordinatorLeaseMs,
  takeCoordinatorLease,
} from "./coordinatorLease.js";
import { openRedis, redisFailure } from "./openRedis.js";
import {
  parseQueueBatchIdentity,
  type QueueBatchIdentity,
  queueBatchDifferences,
} from "./QueueBatchIdentity.js";
import { checkResumeId } from "./queueBatchId.js";

/** Keys removed per DEL. */
const KEYS_PER_DELETE = 1000;
/** Marks a number JSON cannot hold (NaN, ±Infinity, -0) in a kept sweep point. */
const NUMBER_TAG = "\u0000number:";

/** Options of {@link openQueueBatch}. */
export interface OpenQueueBatchOptions {
  readonly redis: CheckedRedisUrl;
  /** What the command computes; recorded for a new batch, compared for a resumed one. */
  readonly identity: QueueBatchIdentity;
  /** The id of an unfinished batch to resume (`--resume ID`). @default a new batch */
  readonly resume?: string;
  /** Told, in words, of things worth knowing that are not failures. */
  readonly notice?: (line: string) => void;
  /**
   * Lifetime of the coordinator lease in ms (how soon a dead coordinator's batch can be resumed).
   * @default coordinatorLeaseMs(): 20 s, or LINKAGE_COORDINATOR_LEASE_MS (for tests)
   */
  readonly leaseMs?: number;
}

/** Records kept by point number (0-based) for a resumed command; see {@link QueueBatch.pointStore}. */
export interface QueuePointStore<T> {
  get(k: number): Promise<T | undefined>;
  put(k: number, record: T): Promise<void>;
}

/** One command's work on the queue, under one id, resumable until it finishes. */
export interface QueueBatch {
  /** The id to give `--resume` if the command stops before the end. */
  readonly id: string;
  /** True when an unfinished batch was resumed. */
  readonly resumed: boolean;
  /**
   * A chunk engine for one scenario's text whose results are kept in Redis until {@link finish},
   * so a resumed command finds every chunk finished before it stopped, whatever simulation it
   * belonged to. `point`: the sweep point (0-based) whose chunks this engine runs, so that
   * keeping that point removes its chunk results and no other point's; `stop`: stops the engine
   * (another point failed), as losing the lease does.
   */
  engineFor(scenarioText: string, point?: number, stop?: AbortSignal): ChunkEngine;
  /**
   * Where a sweep on this batch keeps its finished points (in Redis, for a day; sweepScenario's
   * pointStore): once point k is kept, the chunk results of `engineFor(text, k)` are removed, so
   * Redis holds the results of the points in flight only; a resumed sweep gets the kept points
   * back exactly.
   */
  pointStore<T>(): QueuePointStore<T>;
  /**
   * Confirms that this command still coordinates the batch (renewing its lease): called right
   * before the output files are written, so a command whose batch was taken over writes nothing.
   * @throws {LinkageError} E_INPUT when the lease was lost
   */
  confirmCoordinator(): Promise<void>;
  /**
   * Removes the batch's record and kept results once the command has all its numbers, then
   * releases the coordinator lease; a Redis failure here is told to `notice` (they expire after
   * a day), never thrown.
   */
  finish(): Promise<void>;
  /**
   * Releases the coordinator lease and keeps everything else (the batch stays resumable at once):
   * for a command that stops early. Never throws; nothing after {@link finish}.
   */
  release(): Promise<void>;
}

/**
 * Starts a queue batch, or resumes an unfinished one: a new batch gets a random id and its
 * identity is recorded in Redis (for a day, like the results); `resume` checks that the
 * recorded identity is the command's own. Either way the command takes the batch's coordinator
 * lease (takeCoordinatorLease), renewed while it runs, so a second command on the same batch is
 * refused at once and a command that loses the lease stops (its engines abort, and
 * {@link QueueBatch.confirmCoordinator} refuses the output). The chunk job ids of a batch hash the batch id with
 * each chunk's whole description, so a resumed command queues only the chunks that have no
 * recorded result (a chunk still queued by the stopped command is not queued twice).
 * @throws {LinkageError} E_INPUT for a malformed id, a batch Redis does not hold, a batch
 *   started with other work (each difference named), a batch another command coordinates (how
 *   long until a dead one's lease expires), or Redis unreachable (naming its URL)
 */
export async function openQueueBatch({
  redis,
  identity,
  resume,
  notice = () => {},
  leaseMs = coordinatorLeaseMs(),
}: OpenQueueBatchOptions): Promise<QueueBatch> {
  if (resume !== undefined) checkResumeId(resume);
  const id = resume ?? randomUUID();
  const key = batchRecordKey(id);
  const store = await openRedis(redis);
  let lease: CoordinatorLease;
  try {
    if (resume === undefined) {
      const written = await store.set(
        key,
        JSON.stringify(identity),
        "EX",
        CHUNK_RESULT_TTL_SECONDS,
        "NX",
      );
      if (written !== "OK") throw new LinkageError("E_INPUT", `batch id ${id} is already in use`);
    } else {
      const stored = await store.get(key);
      if (stored === null) {
        throw new LinkageError(
          "E_INPUT",
          `--resume ${id}: Redis at ${redis.display} holds no unfinished batch ${id} (a finished batch is removed, an unfinished one expires a day after it last started); check the id and --redis, or drop --resume to start afresh`,
        );
      }
      const recorded = parseQueueBatchIdentity(stored);
      if (recorded === null) {
        throw new LinkageError(
          "E_INPUT",
          `--resume ${id}: the record of batch ${id} on ${redis.display} is not one linkage wrote`,
        );
      }
      const differences = queueBatchDifferences(recorded, identity);
      if (differences.length > 0) {
        throw new LinkageError(
          "E_INPUT",
          `--resume ${id}: batch ${id} was started with other work; this command differs in ${differences.join(", ")}. Resume with the command that started it, or drop --resume to start afresh`,
        );
      }
      await store.expire(key, CHUNK_RESULT_TTL_SECONDS);
    }
    // the identity is checked first: a resume of other work is told so, whoever coordinates it
    lease = await takeCoordinatorLease(store, redis, id, leaseMs);
  } catch (error) {
    throw error instanceof LinkageError ? error : redisFailure(redis, error);
  } finally {
    store.disconnect();
  }

  /** The job ids of the chunks queued so far, by sweep point (`null`: not a sweep point's). */
  const chunkIds = new Map<number | null, Set<string>>();
  const pointKeys = new Set<string>();
  /** Runs `work` on a fresh connection; a Redis failure becomes the error naming the URL. */
  const withRedis = async <T>(work: (connection: Redis) => Promise<T>): Promise<T> => {
    let connection: Redis | undefined;
    try {
      connection = await openRedis(redis);
      return await work(connection);
    } catch (error) {
      throw error instanceof LinkageError ? error : redisFailure(redis, error);
    } finally {
      connection?.disconnect();
    }
  };
  /** Removes keys, a thousand per DEL. */
  const remove = async (connection: Redis, keys: readonly string[]) => {
    for (let from = 0; from < keys.length; from += KEYS_PER_DELETE) {
      await connection.del(...keys.slice(from, from + KEYS_PER_DELETE));
    }
  };
  const points: QueuePointStore<unknown> = {
    async get(k) {
      if (resume === undefined) return undefined; // a new batch has no points yet
      const pointKey = batchPointKey(id, k);
      pointKeys.add(pointKey);
      const stored = await withRedis((connection) => connection.get(pointKey));
      if (stored === null) return undefined;
      return JSON.parse(stored, (_, value) =>
        typeof value === "string" && value.startsWith(NUMBER_TAG)
          ? Number(value.slice(NUMBER_TAG.length))
          : value,
      ) as unknown;
    },
    async put(k, record) {
      // a command that lost the batch leaves its points and chunk results to the one coordinating it
      if (lease.signal.aborted) throw lease.signal.reason;
      const pointKey = batchPointKey(id, k);
      pointKeys.add(pointKey);
      // JSON keeps every finite number exactly; NaN, ±Infinity and -0 are tagged to come back too
      const text = JSON.stringify(record, (_, value) =>
        typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0))
          ? `${NUMBER_TAG}${Object.is(value, -0) ? "-0" : String(value)}`
          : value,
      );
      const done = [...(chunkIds.get(k) ?? [])].map(chunkResultKey);
      await withRedis(async (connection) => {
        await connection.set(pointKey, text, "EX", CHUNK_RESULT_TTL_SECONDS);
        // a long sweep stays resumable: its record lives a day from the last point kept
        await connection.expire(key, CHUNK_RESULT_TTL_SECONDS);
        await remove(connection, done);
      });
      chunkIds.delete(k);
    },
  };
  return {
    id,
    resumed: resume !== undefined,
    engineFor: (scenarioText, point, stop) =>
      bullmqChunkEngine({
        redis,
        scenarioText,
        batchId: id,
        keepResults: true,
        notice,
        signal: stop ? AbortSignal.any([lease.signal, stop]) : lease.signal,
        onChunkIds: (ids) => {
          const group = chunkIds.get(point ?? null) ?? new Set<string>();
          for (const chunkId of ids) group.add(chunkId);
          chunkIds.set(point ?? null, group);
        },
      }),
    pointStore: <T>() => points as QueuePointStore<T>,
    confirmCoordinator: () => lease.confirm(),
    async finish() {
      // a command that lost its lease leaves the batch's record and results to the new holder
      if (lease.signal.aborted) return;
      const queued = [...chunkIds.values()].flatMap((group) => [...group]);
      const keys = [key, ...queued.map(chunkResultKey), ...pointKeys];
      try {
        await withRedis((connection) => remove(connection, keys));
      } catch (error) {
        notice(
          `the kept results of batch ${id} could not be removed from ${redis.display} (${error instanceof Error ? error.message : String(error)}); they expire within a day`,
        );
      }
      await lease.release();
    },
    release: () => lease.release(),
  };
}
