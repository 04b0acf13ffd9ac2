/**
 * The one error type Linkage throws on purpose. Its `code` says what kind of failure it is,
 * so each interface (CLI exit codes, HTTP statuses) maps codes to outcomes in one place.
 *
 * - `E_INPUT`: a file, flag or value supplied by the user is missing or malformed;
 * - `E_SCENARIO`: a scenario file parses but breaks a rule of the scenario language;
 * - `E_DOMAIN`: a function was called with arguments outside its mathematical domain;
 * - `E_SOLVER`: an algorithm could not finish (never for valid input, by design).
 */
export type LinkageErrorCode = "E_INPUT" | "E_SCENARIO" | "E_DOMAIN" | "E_SOLVER";

/** Where in a source file an error was found (1-based line and column). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export class LinkageError extends Error {
  override readonly name = "LinkageError";
  constructor(
    readonly code: LinkageErrorCode,
    message: string,
    readonly location?: SourceLocation,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** True when `error` is a {@link LinkageError}, so callers can report it without a stack trace. */
export function isLinkageError(error: unknown): error is LinkageError {
  return error instanceof LinkageError;
}
