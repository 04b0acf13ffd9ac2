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
    throw redisFailure(redis, lastError ?? error);
  }
  return connection;
}

/**
 * The error for a Redis that failed a command or could not be reached, naming its URL (password
 * hidden): an error reply of Redis's own (OOM, READONLY, MISCONF…) is passed on in its words, as
 * a refused command; anything else is a connection failure ("unreachable").
 */
export function redisFailure(redis: CheckedRedisUrl, cause?: unknown): LinkageError {
  const reply = redisReplyText(cause);
  if (reply !== null && !AUTH_REPLY.test(reply)) {
    return new LinkageError("E_INPUT", `Redis at ${redis.display} refused the command: ${reply}`);
  }
  return new LinkageError(
    "E_INPUT",
    `Redis at ${redis.display} is unreachable (${redisFailureWords(cause)}); start it or check --redis`,
  );
}

/** Error replies that say the password was refused (told as a connection failure). */
const AUTH_REPLY = /^(WRONGPASS|NOAUTH)\b|invalid password|invalid username/i;

/**
 * The text of an error reply sent by Redis itself (ioredis's ReplyError; for a refused
 * transaction, the first queued command's reply rather than "EXECABORT"), or null when `cause`
 * is not one (a connection failure, a client library message).
 * @example redisReplyText(Object.assign(new Error("READONLY You can't write against a read only replica."), { name: "ReplyError" }))
 * // => "READONLY You can't write against a read only replica."
 */
export function redisReplyText(cause: unknown): string | null {
  if (!(cause instanceof Error) || cause.name !== "ReplyError") return null;
  const previous = (cause as { previousErrors?: unknown }).previousErrors;
  if (/^EXECABORT\b/.test(cause.message) && Array.isArray(previous)) {
    const first = previous.find((e): e is Error => e instanceof Error);
    if (first) return first.message.trim();
  }
  return cause.message.trim();
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
  if (
    AUTH_REPLY.test(cause instanceof Error ? cause.message : "") ||
    /WRONGPASS|NOAUTH/.test(text)
  ) {
    return "the password was refused: check the one in the URL";
  }
  return "connection lost";
}
