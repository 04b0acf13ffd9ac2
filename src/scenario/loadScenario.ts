import { parseScenario } from "./parseScenario.js";
import { readTextFile } from "./readTextFile.js";
import type { Scenario } from "./Scenario.js";

/** Largest scenario file read, in bytes (the flagship is 24 KB; parsing is linear, about 1.5 s at this size; docs/limits.md). */
export const MAX_SCENARIO_BYTES = 2 ** 20;

/**
 * Reads and checks a scenario file.
 * @throws {LinkageError} E_INPUT when the file cannot be read or is over {@link MAX_SCENARIO_BYTES}, E_SCENARIO when it is invalid
 */
export function loadScenario(path: string): Scenario {
  return parseScenario(readTextFile(path, MAX_SCENARIO_BYTES, "scenario"), path);
}
