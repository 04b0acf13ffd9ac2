import type { AnalysisProblem } from "./analysisMessages.js";

/**
 * A problem in the CLI's words, without the `file:line:column: ` the page shows by placing it:
 * `path: message`, or the message alone for broken YAML (which has no path) and unlocated faults.
 */
export function problemText(problem: AnalysisProblem): string {
  return problem.path === "" || problem.path === "(document)"
    ? problem.message
    : `${problem.path}: ${problem.message}`;
}
