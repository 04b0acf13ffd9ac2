/**
 * The Lua scripts of a queue batch's coordinator lease (see takeCoordinatorLease), each run
 * atomically by Redis with KEYS[1] the lease key and ARGV[1] the holder's token.
 */
export const COORDINATOR_LEASE_SCRIPTS = {
  /** Extends the lease by ARGV[2] ms while ARGV[1] holds it: 1, or 0 when another token or none does. */
  renew: `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) else return 0 end`,
  /** Deletes the lease while ARGV[1] holds it (compare-and-delete: another holder's lease is left alone). */
  release: `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`,
} as const;

/** Why a lease is lost when a renewal finds another token or none. */
export const LEASE_TAKEN =
  "another linkage command holds it now, or it expired while this one was not renewing it";

/** What the lease's renewal thread is given (plain data, cloned into the thread). */
export interface CoordinatorLeaseRenewal {
  readonly redis: { readonly url: string; readonly display: string };
  readonly key: string;
  readonly token: string;
  readonly ttlMs: number;
  readonly everyMs: number;
}

/** What the renewal thread posts back: only that the lease is lost, and why. */
export interface CoordinatorLeaseLost {
  readonly lost: string;
}
