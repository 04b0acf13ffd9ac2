import { LinkageError } from "../errors/LinkageError.js";

/**
 * Checks segment starts of a series of `steps` steps: they begin at 0 and ascend strictly inside.
 * @throws {LinkageError} E_DOMAIN naming the start at fault
 */
export function checkSegmentStarts(segmentStarts: readonly number[], steps: number): void {
  if (segmentStarts[0] !== 0) {
    throw new LinkageError("E_DOMAIN", "the first segment must start at step 0");
  }
  for (let j = 1; j < segmentStarts.length; j++) {
    const s = segmentStarts[j]!;
    if (!(Number.isInteger(s) && s > segmentStarts[j - 1]! && s < steps)) {
      throw new LinkageError(
        "E_DOMAIN",
        `segment ${j + 1} starts at step ${s}: segment starts must be whole steps that ascend strictly inside the ${steps} steps`,
      );
    }
  }
}

/** Checks a count series: at least one step, every count ≥ 0. */
export function checkCounts(counts: Int32Array): void {
  if (counts.length < 1) throw new LinkageError("E_DOMAIN", "the count series is empty");
  for (let t = 0; t < counts.length; t++) {
    if (!(counts[t]! >= 0)) {
      throw new LinkageError("E_DOMAIN", `count at step ${t} is ${counts[t]}, expected ≥ 0`);
    }
  }
}
