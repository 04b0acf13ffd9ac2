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

/** One problem of several found in one input (zod-style): where it is and what is wrong. */
export interface LinkageIssue {
  /** Path inside the document, formatted (`demands[1].costToTarget.committed`). */
  readonly path: string;
  readonly message: string;
  readonly location?: SourceLocation;
}

export class LinkageError extends Error {
  override readonly name = "LinkageError";
  /**
   * Every problem found, in document order, when the input had several (a scenario reports all
   * of its problems at once); the message then has one line per issue and `location` is the first.
   */
  readonly issues: readonly LinkageIssue[];
  constructor(
    readonly code: LinkageErrorCode,
    message: string,
    readonly location?: SourceLocation,
    options?: ErrorOptions & { readonly issues?: readonly LinkageIssue[] },
  ) {
    super(message, options);
    this.issues = options?.issues ?? [];
  }
}

/** True when `error` is a {@link LinkageError}, so callers can report it without a stack trace. */
export function isLinkageError(error: unknown): error is LinkageError {
  return error instanceof LinkageError;
}
