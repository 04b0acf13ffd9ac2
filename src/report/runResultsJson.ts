import type { ScenarioRun } from "../analysis/ScenarioRun.js";

/** What results.json states besides the run and its verdict. */
export interface RunResultsFacts {
  /** Linkage's version (package.json). */
  readonly version: string;
  /** The scenario text's SHA-256, hex. */
  readonly scenarioHash: string;
}

/**
 * A run's results.json text: the run, its verdict, Linkage's version and the scenario's hash,
 * as indented JSON ending with a newline. No date: the same seed gives the same file, whether
 * `linkage run` writes it or the workbench stores it.
 */
export function runResultsJson(
  run: ScenarioRun,
  verdict: readonly string[],
  facts: RunResultsFacts,
): string {
  const results = {
    ...run,
    verdict,
    linkageVersion: facts.version,
    scenarioHash: facts.scenarioHash,
  };
  return `${JSON.stringify(results, null, 2)}\n`;
}
