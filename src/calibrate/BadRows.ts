import { LinkageError } from "../errors/LinkageError.js";
import type { SkippedRow } from "./DatedEvents.js";

/**
 * What an event-file parser does with a bad row: throw a located error (the default: a bad row
 * is never skipped silently), or, when the user asked to skip bad rows, record it in
 * `provenance.skipped` and go on.
 *
 * @example new BadRows("ged.csv", false).report(12, 3, "best", 'found "-1", expected a whole number ≥ 0')
 * // throws LinkageError E_INPUT: ged.csv:12: best: found "-1", expected a whole number ≥ 0
 */
export class BadRows {
  /** The rows skipped so far, in file order. */
  readonly skipped: SkippedRow[] = [];
  constructor(
    private readonly file: string,
    private readonly skip: boolean,
  ) {}

  /**
   * One bad row: `column` is the column at fault (a header name, or `(row)` for the row as a
   * whole) and `reason` says what was found and what was expected.
   * @throws {LinkageError} E_INPUT `FILE:LINE: column: reason` unless bad rows are skipped
   */
  report(line: number, charColumn: number, column: string, reason: string): void {
    if (this.skip) {
      this.skipped.push({ line, column, reason });
      return;
    }
    throw locatedRowError(this.file, line, charColumn, column, reason);
  }
}

/** The error `FILE:LINE: column: reason`, with its location and one issue. */
export function locatedRowError(
  file: string,
  line: number,
  charColumn: number,
  column: string,
  reason: string,
): LinkageError {
  const location = { file, line, column: charColumn };
  return new LinkageError("E_INPUT", `${file}:${line}: ${column}: ${reason}`, location, {
    issues: [{ path: column, message: reason, location }],
  });
}

/** A value from the file quoted for a message: JSON escapes (no raw line breaks), at most 40 characters. */
export function quoteFound(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 37)}…` : value;
  return JSON.stringify(short);
}
