import { Redis } from "ioredis";
import { LinkageError } from "../errors/LinkageError.js";
import type { CheckedRedisUrl } from "./checkRedisUrl.js";

/** Milliseconds a connection attempt may take. */
const CONNECT_TIMEOUT_MS = 3000;

/** How a connection behaves when Redis goes away. */
export interface OpenRedisOptions {
  /**
   * Reconnection attempts before the connection gives up and ends; `Infinity` for a worker that
   * should wait for Redis to come back. @default 5 (about 3 s)
   */
  readonly reconnects?: number;
  /**
   * Commands wait for a reconnection rather than fail (BullMQ's blocking connections need it).
   * @default false
   */
  readonly waitForReconnect?: boolean;
}

/**
 * Opens an ioredis connection to a checked URL and waits until Redis answers a PING.
 * @throws {LinkageError} E_INPUT naming the URL (password hidden) when Redis cannot be reached
 */
export async function openRedis(
  redis: CheckedRedisUrl,
  { reconnects = 5, waitForReconnect = false }: OpenRedisOptions = {},
): Promise<Redis> {
  const connection = new Redis(redis.url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: waitForReconnect ? null : 1,
    retryStrategy: (attempt) => (attempt > reconnects ? null : Math.min(200 * attempt, 1000)),
  });
  // errors surface through the commands and the "end" event; unheard "error" events would crash.
  // The last one says why a connection failed (refused, unknown host), which the command's own
  // rejection (the client's retry limit) does not
  let lastError: unknown;
  connection.on("error", (error) => {
    lastError = error;
  });
  try {
    await connection.connect();
    await connection.ping();
  } catch (error) {
    connection.disconnect();
    throw unreachable(redis, lastError ?? error);
  }
  return connection;
}

/** The error for a Redis that cannot be reached or was lost, naming its URL (password hidden). */
export function unreachable(redis: CheckedRedisUrl, cause?: unknown): LinkageError {
  return new LinkageError(
    "E_INPUT",
    `Redis at ${redis.display} is unreachable (${redisFailureWords(cause)}); start it or check --redis`,
  );
}

/**
 * A connection failure in words a user can act on: the client library's own messages (retry
 * limits, option names) say nothing about Redis, so anything not recognised is "connection lost".
 */
function redisFailureWords(cause: unknown): string {
  const text =
    cause instanceof Error ? `${(cause as NodeJS.ErrnoException).code ?? ""} ${cause.message}` : "";
  if (/ECONNREFUSED/.test(text)) return "connection refused";
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return "host not found";
  if (/ETIMEDOUT|timed? ?out/i.test(text)) return "no answer in time";
  if (/WRONGPASS|NOAUTH|invalid password|invalid username/i.test(text)) {
    return "the password was refused: check the one in the URL";
  }
  return "connection lost";
}
