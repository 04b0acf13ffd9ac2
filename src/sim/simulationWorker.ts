import { isLinkageError, type LinkageErrorCode } from "../errors/LinkageError.js";
import { type ChunkResult, type ChunkTask, runChunk } from "./runChunk.js";

/**
 * A chunk that stopped on a user-facing error. Sent back as data, because an error thrown in a
 * worker thread loses its class and code on the way: the caller rethrows it as a LinkageError.
 */
export interface ChunkFailure {
  readonly failure: { readonly code: LinkageErrorCode; readonly message: string };
}

/** Worker-thread entry point (Piscina): simulates one chunk of runs. */
export default function simulationWorker(task: ChunkTask): ChunkResult | ChunkFailure {
  try {
    return runChunk(task);
  } catch (error) {
    if (isLinkageError(error)) return { failure: { code: error.code, message: error.message } };
    throw error;
  }
}
