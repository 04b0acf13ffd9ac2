import { type ChunkResult, type ChunkTask, runChunk } from "./runChunk.js";

/** Worker-thread entry point (Piscina): simulates one chunk of runs. */
export default function simulationWorker(task: ChunkTask): ChunkResult {
  return runChunk(task);
}
