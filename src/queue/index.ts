export { assertRedisReachable } from "./assertRedisReachable.js";
export {
  type BullmqChunkEngineOptions,
  bullmqChunkEngine,
} from "./bullmqChunkEngine.js";
export { type ChunkQueuePayload, chunkJobId, parseChunkQueuePayload } from "./ChunkQueuePayload.js";
export { type CheckedRedisUrl, checkRedisUrl } from "./checkRedisUrl.js";
export { CHUNK_QUEUE, chunkResultKey } from "./chunkQueueNames.js";
export {
  type OpenQueueBatchOptions,
  openQueueBatch,
  type QueueBatch,
  type QueuePointStore,
} from "./openQueueBatch.js";
export {
  parseQueueBatchIdentity,
  type QueueBatchIdentity,
  queueBatchDifferences,
} from "./QueueBatchIdentity.js";
export { type ChunkWorker, type ChunkWorkerOptions, startChunkWorker } from "./startChunkWorker.js";
