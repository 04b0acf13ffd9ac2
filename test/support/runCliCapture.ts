/**
 * Running the command-line interface in-process, with its output captured instead of printed.
 */
import { runCli } from "../../src/cli/runCli.js";

/** What one run of the CLI did: its exit code and everything it wrote to stdout and stderr. */
export interface CliCapture {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `linkage ...args` through runCli, collecting stdout and stderr as strings. */
export async function runCliCapture(...args: string[]): Promise<CliCapture> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}
