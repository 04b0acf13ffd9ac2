import { describe, expect, it } from "vitest";
import type { ChunkSpan } from "../sim/ChunkEngine.js";
import { jobGroups } from "./jobGroups.js";

/** A batch's chunks as simulate cuts them: 250 runs each, the last shorter; the first 2,000 runs keep their series. */
function chunksOf(runs: number): ChunkSpan[] {
  return Array.from({ length: Math.ceil(runs / 250) }, (_, k) => ({
    firstRun: 250 * k,
    runs: Math.min(250, runs - 250 * k),
    keepSeries: 250 * k < 2000,
  }));
}

/** The runs in each job. */
function jobRunsOf(runs: number, jobRuns: number): number[] {
  const chunks = chunksOf(runs);
  const groups = jobGroups(chunks, jobRuns);
  // in order, contiguous, every chunk once
  expect(groups[0]!.from).toBe(0);
  groups.forEach((g, i) => {
    expect(g.from).toBe(i === 0 ? 0 : groups[i - 1]!.to);
  });
  expect(groups.at(-1)!.to).toBe(chunks.length);
  return groups.map((g) => chunks.slice(g.from, g.to).reduce((sum, c) => sum + c.runs, 0));
}

describe("jobGroups", () => {
  it("ends a large batch in jobs a quarter the size: the last two full jobs' runs", () => {
    // the first 2,000 runs (their weekly series kept) apart; a full job cut short at the tail
    expect(jobRunsOf(100_000, 5000)).toEqual([
      2000,
      ...Array(17).fill(5000),
      3000,
      ...Array(8).fill(1250),
    ]);
    expect(jobRunsOf(100_000, 1000)).toEqual([...Array(98).fill(1000), ...Array(8).fill(250)]);
  });

  it("leaves a batch of fewer than eight full jobs as it was, and never mixes kept series with others", () => {
    expect(jobRunsOf(2000, 1000)).toEqual([1000, 1000]);
    expect(jobRunsOf(7000, 1000)).toEqual(Array(7).fill(1000));
    expect(jobRunsOf(2600, 1000)).toEqual([1000, 1000, 600]);
    expect(jobRunsOf(3000, 2500)).toEqual([2000, 1000]);
  });
});
