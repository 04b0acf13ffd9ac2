import * as z from "zod";
import { ScenarioDocument } from "./scenarioSchema.js";

/**
 * A JSON Schema (draft 2020-12) of the scenario language, for editors that check YAML files
 * (e.g. the YAML language server's `# yaml-language-server: $schema=…`). It covers the shape;
 * references between sections are checked by `parseScenario`.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ScenarioDocument, { io: "input" }),
    title: "Linkage scenario (version 1)",
  };
}
