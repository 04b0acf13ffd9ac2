import { CommanderError } from "commander";
import { isLinkageError } from "../errors/LinkageError.js";

/**
 * Exit codes of the `linkage` command: 0 success; 2 any problem with the user's input or
 * environment (files, flags, paths, a full disk); 1 only for a genuine internal fault.
 */
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
    // a scenario with several problems has one line per issue; runCli prints them one a line
    return { code: error.code === "E_SOLVER" ? EXIT_INTERNAL : EXIT_INPUT, message: error.message };
  }
  if (isEnvironmentError(error)) {
    // the machine said no (disk full, permission, too many open files): the user's to fix
    return { code: EXIT_INPUT, message: `${error.syscall}: ${error.message}` };
  }
  const text = error instanceof Error ? error.message : String(error);
  return {
    code: EXIT_INTERNAL,
    message: `internal error, sorry — this is a bug in Linkage: ${oneLine(text)}. Please report it with the command you ran (LINKAGE_DEBUG=1 shows the stack).`,
  };
}

/** A Node system error (ENOSPC, EACCES, EMFILE, …): it carries the failing system call. */
function isEnvironmentError(error: unknown): error is NodeJS.ErrnoException & { syscall: string } {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).syscall === "string" &&
    typeof (error as NodeJS.ErrnoException).code === "string"
  );
}

/** The first line of a message, so the apology stays one line. */
function oneLine(text: string): string {
  const first = text.split("\n", 1)[0] ?? "";
  return first.length > 300 ? `${first.slice(0, 300)}…` : first;
}
