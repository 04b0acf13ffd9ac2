import { readFileSync } from "node:fs";
import { LinkageError } from "../errors/LinkageError.js";
import { parseScenario } from "./parseScenario.js";
import type { Scenario } from "./Scenario.js";

/**
 * Reads and checks a scenario file.
 * @throws {LinkageError} E_INPUT when the file cannot be read, E_SCENARIO when it is invalid
 */
export function loadScenario(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory, expected a scenario file"
          : String((error as Error).message);
    throw new LinkageError("E_INPUT", `${path}: cannot read the scenario: ${why}`, undefined, {
      cause: error,
    });
  }
  return parseScenario(text, path);
}
