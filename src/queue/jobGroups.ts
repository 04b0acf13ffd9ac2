import type { ChunkSpan } from "../sim/ChunkEngine.js";

/** A batch of at least this many full jobs ends in smaller ones (see {@link jobGroups}). */
const TAIL_FROM_JOBS = 8;
/** The runs of the batch's last two full jobs go in jobs of this fraction of their size. */
const TAIL_SHARE = 4;

/**
 * Cuts a batch's chunks into queue jobs of consecutive chunks: at most `jobRuns` runs each (and
 * at least one chunk), all of a job's chunks keeping their series alike, every chunk but a
 * job's last of the same size (a job says its chunks' size once). In a batch of at least
 * TAIL_FROM_JOBS full jobs, the runs of the last two go in jobs a quarter the size, so the
 * workers finish closer together (a worker that takes the last big job no longer computes alone
 * while the others wait); the cut depends on the batch alone, so a resumed batch finds its jobs.
 * @returns `[from, to)` chunk index ranges, in order, covering every chunk once
 * @example jobGroups(simulate's chunks of a 100,000-run batch, 1000) // 98 jobs of 1,000 runs, then 8 of 250
 */
export function jobGroups(
  chunks: readonly ChunkSpan[],
  jobRuns: number,
): { from: number; to: number }[] {
  const total = chunks.reduce((sum, chunk) => sum + chunk.runs, 0);
  const tailFrom = total >= TAIL_FROM_JOBS * jobRuns ? total - 2 * jobRuns : total;
  const limitOf = (chunk: ChunkSpan) =>
    chunk.firstRun >= tailFrom ? Math.floor(jobRuns / TAIL_SHARE) : jobRuns;
  const groups: { from: number; to: number }[] = [];
  let from = 0;
  let runs = 0;
  chunks.forEach((chunk, k) => {
    const first = chunks[from]!;
    const fits =
      k > from &&
      runs + chunk.runs <= limitOf(first) &&
      limitOf(chunk) === limitOf(first) &&
      chunk.keepSeries === first.keepSeries &&
      chunks[k - 1]!.runs === first.runs;
    if (k > from && !fits) {
      groups.push({ from, to: k });
      from = k;
      runs = 0;
    }
    runs += chunk.runs;
  });
  if (chunks.length > 0) groups.push({ from, to: chunks.length });
  return groups;
}
