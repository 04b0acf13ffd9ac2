import { join } from "node:path";
import { runScenario } from "../analysis/runScenario.js";
import { LinkageError } from "../errors/LinkageError.js";
import { runReportHtml } from "../report/runReportHtml.js";
import { runReportMarkdown } from "../report/runReportMarkdown.js";
import { runVerdict } from "../report/runVerdict.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { parseAssignments } from "../scenario/parameterValues.js";
import { closeSimulationPool } from "../sim/simulate.js";
import type { CliIo } from "./cliIo.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

export interface RunCommandOptions {
  readonly out?: string;
  readonly runs?: string;
  readonly seed?: string;
  readonly threads?: string;
  readonly set: string[];
}

/**
 * `linkage run FILE [--out DIR] [--runs N] [--seed S] [--threads T] [--set id=value]...`: the
 * one-shot analysis, the weekly simulation and the sensitivity analysis, written as
 * DIR/report.html (self-contained), DIR/report.md and DIR/results.json.
 */
export async function runCommand(
  file: string,
  options: RunCommandOptions,
  io: CliIo,
): Promise<void> {
  const scenario = loadScenario(file);
  const overrides = parseAssignments(options.set);
  const whole = (flag: string, text: string | undefined, min: number) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < min)
      throw new LinkageError("E_INPUT", `${flag} ${text}: expected a whole number ≥ ${min}`);
    return n;
  };
  const runs = whole("--runs", options.runs, 1) ?? 2000;
  const seed = whole("--seed", options.seed, 0) ?? 1;
  const threads = whole("--threads", options.threads, 1);
  const out = options.out ?? join("out", scenario.id);
  const command = [
    "npx linkage run",
    file,
    `--runs ${runs}`,
    `--seed ${seed}`,
    ...options.set.map((s) => `--set ${s}`),
  ].join(" ");
  const started = Date.now();
  let run: Awaited<ReturnType<typeof runScenario>>;
  try {
    run = await runScenario(scenario, {
      runs,
      seed,
      overrides,
      command,
      ...(threads ? { threads } : {}),
      onProgress: (stage) => io.stderr(`linkage: ${stage}…\n`),
    });
  } finally {
    await closeSimulationPool();
  }
  const verdict = runVerdict(run);
  writeFileAtomic(join(out, "results.json"), `${JSON.stringify({ ...run, verdict }, null, 2)}\n`);
  writeFileAtomic(join(out, "report.md"), runReportMarkdown(run, scenario, verdict));
  writeFileAtomic(join(out, "report.html"), runReportHtml(run, scenario, verdict));
  io.stdout(`${run.scenario.title}\n\nVerdict\n${verdict.map((s) => `  - ${s}`).join("\n")}\n\n`);
  io.stdout(
    `Wrote ${join(out, "report.html")}, ${join(out, "report.md")} and ${join(out, "results.json")} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
