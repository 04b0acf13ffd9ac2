import { isLinkageError } from "linkage/errors/LinkageError";
import type { AnalysisProblem } from "./analysisMessages.js";

/**
 * The problems an error carries, for the page: each issue of a LinkageError with its location
 * (a scenario reports all of its problems at once), or its one message; any other error as a
 * fault, by its message only (never a stack trace).
 */
export function problemsOf(error: unknown): AnalysisProblem[] {
  if (isLinkageError(error)) {
    if (error.issues.length > 0) {
      return error.issues.map((issue) => ({
        path: issue.path,
        message: issue.message,
        ...(issue.location ? { line: issue.location.line, column: issue.location.column } : {}),
      }));
    }
    return [
      {
        path: "",
        message: error.message,
        ...(error.location ? { line: error.location.line, column: error.location.column } : {}),
      },
    ];
  }
  const message = error instanceof Error ? error.message : String(error);
  return [{ path: "", message: `internal error: ${message}` }];
}
