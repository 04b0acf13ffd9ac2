import type { Scenario } from "../scenario/Scenario.js";
import { scenarioSimulationMemoryMb } from "../sim/scenarioSimulationMemoryMb.js";
import { ApiProblem } from "./ApiProblem.js";

/** The most memory a run's simulation may be estimated to need, in MiB (as `linkage run`'s default `--max-memory`). */
export const MAX_RUN_MEMORY_MB = 2048;

/**
 * Refuses, before a run starts, one whose simulation is estimated to need more than
 * {@link MAX_RUN_MEMORY_MB} (the estimate `linkage run --max-memory` uses), so the server never
 * starts a run it cannot hold.
 * @throws {ApiProblem} 400 `E_INPUT` at the body's `runs`, saying what it would need
 */
export function checkRunMemory(scenario: Scenario, runs: number): void {
  const dynamics = scenario.dynamics;
  if (!dynamics) return;
  const size = { policies: scenario.policies.length, runs, weeks: dynamics.weeks, paths: false };
  const mb = scenarioSimulationMemoryMb(scenario, size)!;
  if (mb > MAX_RUN_MEMORY_MB) {
    throw new ApiProblem(
      400,
      "E_INPUT",
      `runs: ${runs.toLocaleString("en-US")} runs × ${dynamics.weeks.toLocaleString("en-US")} weeks × ${scenario.policies.length} policies needs about ${mb.toLocaleString("en-US")} MB, above the server's ${MAX_RUN_MEMORY_MB} MB; lower runs or the scenario's weeks`,
      { path: ["runs"] },
    );
  }
}
