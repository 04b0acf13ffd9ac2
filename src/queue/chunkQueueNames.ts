/** Name of the BullMQ queue that carries simulation chunks (workers and coordinators agree on it). */
export const CHUNK_QUEUE = "linkage-chunks";

/** Seconds a chunk's stored result lives in Redis if no coordinator collects it. */
export const CHUNK_RESULT_TTL_SECONDS = 24 * 3600;

/** Redis key under which a chunk job's result is recorded (write-if-absent) by job id. */
export function chunkResultKey(jobId: string): string {
  return `linkage:chunk-result:${jobId}`;
}

/**
 * Redis key of a queue batch's record (which command, scenarios and settings started it), kept
 * while the batch is unfinished so that `--resume ID` can check it is resuming the same work.
 */
export function batchRecordKey(batchId: string): string {
  return `linkage:batch:${batchId}`;
}

/** Redis key of point k (0-based) of a sweep run as queue batch `batchId`, once finished. */
export function batchPointKey(batchId: string, k: number): string {
  return `linkage:batch:${batchId}:point:${k}`;
}

/**
 * Environment variable through which a worker process hands its Redis URL to its sandboxed
 * processors (child processes), which record results themselves.
 */
export const RESULT_STORE_ENV = "LINKAGE_CHUNK_RESULT_REDIS";

/**
 * Redis key of a queue batch's coordinator lease: the random token of the one command
 * coordinating the batch, expiring unless that command renews it (see takeCoordinatorLease).
 */
export function coordinatorLeaseKey(batchId: string): string {
  return `linkage:batch:${batchId}:coordinator`;
}
