import { isLinkageError, LinkageError, type LinkageErrorCode } from "../errors/LinkageError.js";

const CODES: readonly LinkageErrorCode[] = ["E_INPUT", "E_SCENARIO", "E_DOMAIN", "E_SOLVER"];

/**
 * A chunk's failure as the text BullMQ stores (`failedReason`): a LinkageError's code in
 * brackets, then its message, so the coordinator can rethrow it with its code
 * ({@link queueFailureError}); any other error is an internal fault.
 */
export function queueFailureText(error: unknown): string {
  if (isLinkageError(error)) return `[${error.code}] ${error.message}`;
  return `[internal] ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * The error a coordinator throws for a chunk that failed on a worker with `reason`
 * ({@link queueFailureText}): the LinkageError it was, with its code; a bug in the processor
 * (`[internal]`) as a plain Error; anything else BullMQ reports (a chunk whose workers kept dying
 * past the stall limit) as E_INPUT, a problem of the environment, naming the chunk.
 */
export function queueFailureError(reason: string, where: string): Error {
  // a worker of another linkage version refuses the job's format: this one's words (format 2
  // on) or an older worker's schema complaint about chunk.format
  if (/^\[E_INPUT\] chunk job refused: (.*another version|chunk\.format\b)/.test(reason)) {
    return new LinkageError(
      "E_INPUT",
      `${where} was refused by a linkage worker of another version (${reason.slice(10)}); run the same linkage version on the workers as on this machine`,
    );
  }
  const match = /^\[(E_[A-Z]+)\] ([\s\S]*)$/.exec(reason);
  const code = match?.[1] as LinkageErrorCode | undefined;
  if (match && code && CODES.includes(code)) return new LinkageError(code, match[2]!);
  if (reason.startsWith("[internal] "))
    return new Error(`a chunk failed on a worker (${where}): ${reason.slice(11)}`);
  return new LinkageError("E_INPUT", `${where} failed on the workers: ${reason}`);
}
