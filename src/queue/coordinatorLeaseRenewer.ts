/**
 * The worker thread that keeps a coordinator lease alive: it renews the lease every
 * `everyMs` with the compare-and-extend script, on its own event loop, so a coordinator whose
 * main thread computes for a long time (`linkage run`'s sensitivity analysis) keeps its batch;
 * only a dead or paused process lets the lease expire. It posts {@link CoordinatorLeaseLost} once
 * a renewal finds another token or none, or Redis could not be reached for a whole lease
 * lifetime, and stops; the coordinator terminates it when done.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Redis } from "ioredis";
import {
  COORDINATOR_LEASE_SCRIPTS,
  type CoordinatorLeaseLost,
  type CoordinatorLeaseRenewal,
  LEASE_TAKEN,
} from "./coordinatorLeaseScripts.js";
import { openRedis } from "./openRedis.js";

const { redis, key, token, ttlMs, everyMs } = workerData as CoordinatorLeaseRenewal;
const post = (message: CoordinatorLeaseLost) => parentPort!.postMessage(message);

let confirmedAt = Date.now();
let renewing = false;
const timer = setInterval(() => {
  // checked on every tick: a renewal that hangs (Redis stalled without closing the socket) must
  // not keep the lease looking held past its lifetime
  if (Date.now() - confirmedAt >= ttlMs) {
    clearInterval(timer);
    post({ lost: `it was not renewed for ${ttlMs / 1000} s (Redis did not answer)` });
    return;
  }
  if (renewing) return;
  renewing = true;
  void renew().finally(() => {
    renewing = false;
  });
}, everyMs);

/** One renewal; a lost lease is posted and ends the renewals. */
async function renew(): Promise<void> {
  let connection: Redis | undefined;
  try {
    connection = await openRedis(redis, { reconnects: 1 });
    const held = await connection.eval(COORDINATOR_LEASE_SCRIPTS.renew, 1, key, token, ttlMs);
    if (held === 1) {
      confirmedAt = Date.now();
      return;
    }
    clearInterval(timer);
    post({ lost: LEASE_TAKEN });
  } catch {
    // Redis failures are the command's own errors; the tick reports the lease lost once it may
    // have expired
  } finally {
    connection?.disconnect();
  }
}
