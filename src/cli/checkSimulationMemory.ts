import { LinkageError } from "../errors/LinkageError.js";
import type { Scenario } from "../scenario/Scenario.js";
import { estimateSimulationMemory } from "../sim/estimateSimulationMemory.js";

/** `--max-memory` when not given, in MiB: well inside this kind of machine and Node's heap. */
export const DEFAULT_MAX_MEMORY_MB = 2048;

/** Built-in outcomes and weekly series a run adds to the scenario's own (an upper bound). */
const BUILT_IN_OUTCOMES = 10;
const BUILT_IN_SERIES = 4;

/**
 * Refuses, before any work, a simulation whose estimated peak memory exceeds `maxMemoryMb`.
 * @throws {LinkageError} E_INPUT saying what it would need and which flags lower it
 */
export function checkSimulationMemory(
  scenario: Scenario,
  size: { policies: number; runs: number; weeks: number; paths: boolean },
  maxMemoryMb: number = DEFAULT_MAX_MEMORY_MB,
): void {
  const dynamics = scenario.dynamics;
  if (!dynamics) return;
  const bytes = estimateSimulationMemory({
    ...size,
    outcomes: dynamics.outputs.length + BUILT_IN_OUTCOMES,
    series: dynamics.series.length + BUILT_IN_SERIES,
  });
  const mb = Math.ceil(bytes / 2 ** 20);
  if (mb > maxMemoryMb) {
    throw new LinkageError(
      "E_INPUT",
      `${size.runs.toLocaleString("en-US")} runs × ${size.weeks.toLocaleString("en-US")} weeks × ${size.policies} policies${size.paths ? " with --paths" : ""} needs about ${mb.toLocaleString("en-US")} MB, above --max-memory ${maxMemoryMb} MB; lower --runs or --weeks${size.paths ? ", drop --paths" : ""}, or raise --max-memory`,
    );
  }
}
