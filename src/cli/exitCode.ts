import { CommanderError } from "commander";
import { isLinkageError } from "../errors/LinkageError.js";

/** Exit codes of the `linkage` command: 0 success, 1 internal error, 2 bad input. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

/**
 * Maps any error to an exit code and the one-line message to print (none when commander has
 * already printed it). The only place where errors become exit codes.
 */
export function exitCodeFor(error: unknown): { code: number; message: string | null } {
  if (error instanceof CommanderError) {
    if (
      error.code === "commander.helpDisplayed" ||
      error.code === "commander.version" ||
      error.code === "commander.help"
    ) {
      return { code: EXIT_OK, message: null };
    }
    return { code: EXIT_INPUT, message: null };
  }
  if (isLinkageError(error)) {
    return { code: error.code === "E_SOLVER" ? EXIT_INTERNAL : EXIT_INPUT, message: error.message };
  }
  const text = error instanceof Error ? error.message : String(error);
  return {
    code: EXIT_INTERNAL,
    message: `internal error: ${text} (set LINKAGE_DEBUG=1 to see the stack)`,
  };
}
