/** The HTTP statuses the workbench answers an error with. */
export type ApiErrorStatus = 400 | 403 | 404 | 409 | 413 | 415 | 500;

/** Where in the request an error was found: a zod path in the body, or a line and column in the scenario. */
export interface ApiProblemPlace {
  readonly path?: readonly (string | number)[];
  readonly line?: number;
  readonly column?: number;
}

/**
 * An error the server answers on purpose, with its HTTP status and `ApiError` code (`E_INPUT`,
 * `E_NOT_FOUND`, `E_CONFLICT`, `E_TOO_LARGE`, …). Its message is shown to the client as it is, so
 * it says what was wrong in plain words and never carries a stack trace.
 */
export class ApiProblem extends Error {
  override readonly name = "ApiProblem";
  constructor(
    readonly status: ApiErrorStatus,
    readonly code: string,
    message: string,
    readonly place: ApiProblemPlace = {},
  ) {
    super(message);
  }
}
