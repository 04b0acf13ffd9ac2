import type { Scenario } from "../scenario/Scenario.js";
import { estimateSimulationMemory } from "./estimateSimulationMemory.js";

/** Built-in outcomes and weekly series a run adds to the scenario's own (an upper bound). */
const BUILT_IN_OUTCOMES = 10;
const BUILT_IN_SERIES = 4;

/**
 * The estimated peak memory of simulating `scenario` at this size, in MiB (rounded up), counting
 * the scenario's own outputs and series and the built-in ones: the one estimate `linkage run
 * --max-memory` and the workbench's runs are checked against. Null without a dynamics section.
 */
export function scenarioSimulationMemoryMb(
  scenario: Scenario,
  size: { policies: number; runs: number; weeks: number; paths: boolean },
): number | null {
  const dynamics = scenario.dynamics;
  if (!dynamics) return null;
  const bytes = estimateSimulationMemory({
    ...size,
    outcomes: dynamics.outputs.length + BUILT_IN_OUTCOMES,
    series: dynamics.series.length + BUILT_IN_SERIES,
  });
  return Math.ceil(bytes / 2 ** 20);
}
