import { HTTPException } from "hono/http-exception";
import { isLinkageError } from "../errors/LinkageError.js";
import { type ApiErrorStatus, ApiProblem } from "./ApiProblem.js";
import type { ApiError } from "./workbenchApi.js";

/** An error as the client receives it: a status and an `ApiError` body. */
export interface ApiErrorAnswer {
  readonly status: ApiErrorStatus;
  readonly body: ApiError;
}

/** The message every unexpected fault gets: its details go to the server's log only. */
export const INTERNAL_MESSAGE =
  "internal error, sorry — this is a bug in Linkage; the server's log has the details";

/**
 * Maps any error thrown while answering a request to the status and JSON body the client gets,
 * the one place where errors become HTTP answers: an `ApiProblem` as it says; a `LinkageError`
 * as 400 (`E_SCENARIO` with the scenario's line and column) or, for a solver failure, 500 with its
 * message; anything else as 500 with a generic message, the error itself passed to `log` (a stack
 * trace never reaches the client).
 */
export function apiErrorAnswer(error: unknown, log: (text: string) => void): ApiErrorAnswer {
  if (error instanceof ApiProblem) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, ...error.place } },
    };
  }
  if (isLinkageError(error)) {
    const location = error.location
      ? { line: error.location.line, column: error.location.column }
      : {};
    return {
      status: error.code === "E_SOLVER" ? 500 : 400,
      body: { error: { code: error.code, message: error.message, ...location } },
    };
  }
  if (error instanceof HTTPException && error.status < 500) {
    const status = error.status === 413 ? 413 : error.status === 404 ? 404 : 400;
    return {
      status,
      body: {
        error: {
          code: status === 413 ? "E_TOO_LARGE" : status === 404 ? "E_NOT_FOUND" : "E_INPUT",
          message: error.message || "bad request",
        },
      },
    };
  }
  log(
    `linkage serve: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return { status: 500, body: { error: { code: "E_INTERNAL", message: INTERNAL_MESSAGE } } };
}
