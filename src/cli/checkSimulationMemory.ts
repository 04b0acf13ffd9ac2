import { LinkageError } from "../errors/LinkageError.js";
import type { Scenario } from "../scenario/Scenario.js";
import { scenarioSimulationMemoryMb } from "../sim/scenarioSimulationMemoryMb.js";

/** `--max-memory` when not given, in MiB: well inside this kind of machine and Node's heap. */
export const DEFAULT_MAX_MEMORY_MB = 2048;

/**
 * Refuses, before any work, a simulation whose estimated peak memory exceeds `maxMemoryMb`.
 * @throws {LinkageError} E_INPUT saying what it would need and which flags lower it
 */
export function checkSimulationMemory(
  scenario: Scenario,
  size: { policies: number; runs: number; weeks: number; paths: boolean },
  maxMemoryMb: number = DEFAULT_MAX_MEMORY_MB,
): void {
  const mb = scenarioSimulationMemoryMb(scenario, size);
  if (mb !== null && mb > maxMemoryMb) {
    throw new LinkageError(
      "E_INPUT",
      `${size.runs.toLocaleString("en-US")} runs × ${size.weeks.toLocaleString("en-US")} weeks × ${size.policies} policies${size.paths ? " with --paths" : ""} needs about ${mb.toLocaleString("en-US")} MB, above --max-memory ${maxMemoryMb} MB; lower --runs or --weeks${size.paths ? ", drop --paths" : ""}, or raise --max-memory`,
    );
  }
}
