import { LinkageError } from "../errors/LinkageError.js";

/** What a queue batch id may be: 1–100 letters, digits, _ or - (a random UUID when new). */
export const QUEUE_BATCH_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** The words saying what a batch id must be. */
export const QUEUE_BATCH_ID_RULE = "expected 1–100 letters, digits, _ or -";

/**
 * Checks the id given to `--resume` before anything connects.
 * @throws {LinkageError} E_INPUT naming the flag and the id when it is not a batch id
 */
export function checkResumeId(id: string): void {
  if (!QUEUE_BATCH_ID_PATTERN.test(id)) {
    throw new LinkageError(
      "E_INPUT",
      `--resume ${id}: expected a batch id as printed when the command started (letters, digits, _ or -)`,
    );
  }
}
