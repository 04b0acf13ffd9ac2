import { isLinkageError, LinkageError } from "../errors/LinkageError.js";
import { writeEfg } from "../games/gambit/writeEfg.js";
import { writeNfg } from "../games/gambit/writeNfg.js";
import { reducedStrategicForm } from "../games/reducedStrategicForm.js";
import { compileGameTree } from "../scenario/compileGameTree.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { parameterValues, parseAssignments } from "../scenario/parameterValues.js";
import { checkOutputFile } from "./checkOutputPath.js";
import { nonEmptyFlag } from "./cliFlags.js";
import type { CliIo } from "./cliIo.js";
import { scenarioPath } from "./scenarioPath.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/** Largest strategic form `export --format nfg` writes. */
export const MAX_EXPORTED_PROFILES = 200_000;

export interface ExportCommandOptions {
  readonly format: "efg" | "nfg";
  readonly policy?: string;
  readonly set: string[];
  readonly out?: string;
}

/** `linkage export SCENARIO --format efg|nfg [--policy ID] [--set id=value]... [--out FILE]`. */
export function exportCommand(file: string, options: ExportCommandOptions, io: CliIo): void {
  if (nonEmptyFlag("--out", options.out) !== undefined) checkOutputFile("--out", options.out!);
  nonEmptyFlag("--policy", options.policy);
  const scenario = loadScenario(scenarioPath(file, io));
  const { values, warnings } = parameterValues(scenario, parseAssignments(options.set));
  for (const warning of warnings) io.stderr(`linkage: note: ${warning}\n`);
  const tree = compileGameTree(
    scenario,
    values,
    options.policy === undefined ? {} : { policy: options.policy },
  );
  let text: string;
  if (options.format === "efg") text = writeEfg(tree);
  else {
    let rsf: ReturnType<typeof reducedStrategicForm>;
    try {
      rsf = reducedStrategicForm(tree, { maxProfiles: MAX_EXPORTED_PROFILES });
    } catch (error) {
      if (!isLinkageError(error)) throw error;
      throw new LinkageError(
        "E_INPUT",
        `${options.policy === undefined ? "the whole game" : `policy ${options.policy}`}: ${error.message}; export one policy with --policy ID, or use --format efg`,
      );
    }
    text = writeNfg(rsf.game);
  }
  if (options.out === undefined) io.stdout(text);
  else writeFileAtomic(options.out, text);
}
