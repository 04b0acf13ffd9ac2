import type { Scenario } from "../scenario/Scenario.js";
import type { ChunkResult, ChunkTask } from "./runChunk.js";

/**
 * One simulation cut into chunks, as an engine receives it: the description every chunk shares
 * (enough to rebuild any chunk elsewhere from the scenario's text) and the chunks themselves.
 */
export interface ChunkBatch {
  readonly scenario: Scenario;
  /** Parameter values set by the user (id → value), as given to simulate. */
  readonly overrides: Readonly<Record<string, number>>;
  /** Indices into `scenario.policies` of the policies simulated (the baseline included). */
  readonly policies: readonly number[];
  readonly weeks: number;
  readonly seed: number;
  /** Runs in the whole batch. */
  readonly runs: number;
  readonly fixed: boolean;
  /** The chunks, in run order; chunk k holds runs `[k·CHUNK_RUNS, …)`. */
  readonly chunks: readonly ChunkSpan[];
  /**
   * Chunk k as runChunk takes it, with its rows of the batch's parameter draw: the draw is made
   * at the first call, so an engine whose workers redraw the parameters themselves (a queue's)
   * leaves it to the caller, who needs it later if at all.
   */
  task(k: number): ChunkTask;
}

/** Where a chunk lies in its batch: what an engine needs to hand it out and check its result. */
export interface ChunkSpan {
  /** Global index of the chunk's first run. */
  readonly firstRun: number;
  readonly runs: number;
  /** Whether the chunk returns every run's weekly series (see ChunkTask.keepSeries). */
  readonly keepSeries: boolean;
}

/**
 * Where a simulation's chunks execute: worker threads on this machine (the default engine), or
 * a job queue served by other processes. Whatever the engine, each chunk's numbers depend on the
 * chunk alone and are merged in chunk order, so the results are the same byte for byte.
 */
export interface ChunkEngine {
  /**
   * Executes every chunk of `batch` and hands each result to `accept` strictly in chunk order
   * (chunk 0 first); resolves when the last one has been accepted.
   * @throws {LinkageError} when a chunk fails or the engine cannot reach its workers
   */
  run(batch: ChunkBatch, accept: (result: ChunkResult) => void): Promise<void>;
}
