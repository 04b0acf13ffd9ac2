import { join } from "node:path";
import { analyze } from "../analysis/analyze.js";
import { analysisMarkdown } from "../report/analysisMarkdown.js";
import { analysisText } from "../report/analysisText.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { parseAssignments } from "../scenario/parameterValues.js";
import { checkOutputFolder } from "./checkOutputPath.js";
import { nonEmptyFlag } from "./cliFlags.js";
import type { CliIo } from "./cliIo.js";
import { scenarioPath } from "./scenarioPath.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

export interface AnalyzeCommandOptions {
  readonly set: string[];
  readonly json?: boolean;
  readonly out?: string;
  readonly pivots: boolean;
}

/** `linkage analyze FILE [--set id=value]... [--json] [--out DIR] [--no-pivots]`. */
export function analyzeCommand(file: string, options: AnalyzeCommandOptions, io: CliIo): void {
  if (nonEmptyFlag("--out", options.out) !== undefined) checkOutputFolder("--out", options.out!);
  const scenario = loadScenario(scenarioPath(file, io));
  const overrides = parseAssignments(options.set);
  const result = analyze(scenario, { overrides, pivots: options.pivots });
  for (const warning of result.warnings) io.stderr(`linkage: note: ${warning}\n`);
  if (options.out !== undefined) {
    const command = [
      "node bin/linkage.js analyze",
      scenario.source,
      ...options.set.map((s) => `--set ${s}`),
      `--out ${options.out}`,
    ].join(" ");
    writeFileAtomic(
      join(options.out, "analysis.md"),
      analysisMarkdown(result, scenario, { command }),
    );
    writeFileAtomic(join(options.out, "analysis.json"), `${JSON.stringify(result, null, 2)}\n`);
  }
  if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    io.stdout(analysisText(result));
    if (options.out !== undefined)
      io.stdout(
        `\nWrote ${join(options.out, "analysis.md")} and ${join(options.out, "analysis.json")}\n`,
      );
  }
}
