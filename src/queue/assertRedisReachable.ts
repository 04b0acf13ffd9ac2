import type { CheckedRedisUrl } from "./checkRedisUrl.js";
import { openRedis } from "./openRedis.js";

/**
 * Connects to Redis, waits for a PING's answer and disconnects: a command checks its Redis this
 * way before it starts any work.
 * @throws {LinkageError} E_INPUT naming the URL (password hidden) when Redis cannot be reached
 */
export async function assertRedisReachable(redis: CheckedRedisUrl): Promise<void> {
  const connection = await openRedis(redis, { reconnects: 2 });
  connection.disconnect();
}
