import { LinkageError } from "../errors/LinkageError.js";
import type { ChunkEngine } from "./ChunkEngine.js";
import { type ChunkResult, runChunk } from "./runChunk.js";
import { simulationPool } from "./simulationPool.js";
import type { ChunkFailure } from "./simulationWorker.js";

/**
 * The default engine: a batch's chunks on this machine's worker threads (Piscina), or in the
 * calling thread when `threads` is 1 or there is a single chunk. Every chunk starts at once;
 * results are merged strictly in chunk order.
 */
export function localChunkEngine(threads: number): ChunkEngine {
  return {
    async run(batch, accept) {
      const tasks = batch.chunks.map((_, k) => batch.task(k));
      if (threads === 1 || tasks.length === 1) {
        for (const task of tasks) accept(runChunk(task));
        return;
      }
      const pool = simulationPool(threads);
      const pending = tasks.map((task) => pool.run(task) as Promise<ChunkResult | ChunkFailure>);
      // a chunk that fails stops the merge; the others' outcomes must not surface as unhandled
      for (const promise of pending) promise.catch(() => undefined);
      for (const promise of pending) {
        const outcome = await promise;
        if ("failure" in outcome) {
          throw new LinkageError(outcome.failure.code, outcome.failure.message);
        }
        accept(outcome);
      }
    },
  };
}
