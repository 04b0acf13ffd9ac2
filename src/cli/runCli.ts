import { Command, Option } from "commander";
import { SOLVE_METHODS } from "../gambitSolve/solveMethods.js";
import { addEngineOptions } from "./addEngineOptions.js";
import type { AnalyzeCommandOptions } from "./analyzeCommand.js";
import type { CalibrateCommandOptions } from "./calibrateCommand.js";
import { type CliIo, processIo } from "./cliIo.js";
import { COMMAND_EXAMPLES, type ExampleCommand } from "./commandExamples.js";
import { EXIT_OK, exitCodeFor } from "./exitCode.js";
import type { ExportCommandOptions } from "./exportCommand.js";
import { LINKAGE_VERSION } from "./linkageVersion.js";
import type { RunCommandOptions } from "./runCommand.js";
import type { ServeCommandOptions } from "./serveCommand.js";
import type { SimulateCommandOptions } from "./simulateCommand.js";
import type { SolveCommandOptions } from "./solveCommand.js";
import type { SweepCommandOptions } from "./sweepCommand.js";
import type { WorkerCommandOptions } from "./workerCommand.js";

/**
 * Runs the `linkage` command line with `args` (without the node and script paths) and returns
 * the exit code: 0 success, 2 bad input (with one message on stderr, no stack trace), 1 internal error.
 */
export async function runCli(args: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = new Command("linkage")
    .description("Model, solve and simulate conditional leverage.")
    .version(LINKAGE_VERSION)
    .exitOverride()
    .showHelpAfterError("(run linkage --help for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .addHelpText("after", examplesHelp("linkage"));

  program
    .command("analyze")
    .addHelpText("after", examplesHelp("analyze"))
    .description(
      "One-shot analysis of a scenario: best responses, best policy, credibility, thresholds, pivots",
    )
    .argument(
      "<file>",
      "scenario file (YAML), or a scenario id: kabul-2021 reads scenarios/kabul-2021.yaml",
    )
    .addOption(
      new Option("--set <id=value>", "set a parameter (repeatable)")
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([], "none"),
    )
    .option("--json", "print one JSON object instead of the text report")
    .option("--out <dir>", "also write DIR/analysis.md and DIR/analysis.json")
    .option("--no-pivots", "skip the search for pivots")
    .exitOverride()
    .action(async (file: string, options: AnalyzeCommandOptions) =>
      (await import("./analyzeCommand.js")).analyzeCommand(file, options, io),
    );

  const run = program
    .command("run")
    .addHelpText("after", examplesHelp("run"))
    .description(
      "The main job: one-shot analysis, weekly simulation and sensitivity, written as a report; with several files, each scenario in turn and an index comparing their verdicts",
    )
    .argument(
      "<files...>",
      "scenario files (YAML) with a dynamics section, or scenario ids: kabul-2021 reads scenarios/kabul-2021.yaml",
    )
    .option(
      "--out <dir>",
      "output folder (default: out/<scenario id>; with several files, DIR/<scenario id>/ each and DIR/index.html, default out)",
    )
    .option("--runs <n>", "Monte Carlo runs per policy (default 2000)")
    .option("--seed <s>", "random seed (default 1; with several files, the same for each scenario)")
    .option("--threads <t>", "worker threads (default: all cores; results do not depend on it)")
    .option(
      "--max-memory <mb>",
      "refuse a run estimated to need more memory than this (MB, default 2048)",
    )
    .addOption(
      new Option(
        "--set <id=value>",
        "set a parameter (repeatable; with several files, in each scenario that declares it)",
      )
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([], "none"),
    );
  addEngineOptions(run, "where the weekly simulation's chunks execute: local (the default)")
    .exitOverride()
    .action(async (files: string[], options: RunCommandOptions) =>
      (await import("./runCommand.js")).runCommand(files, options, io),
    );

  const simulate = program
    .command("simulate")
    .addHelpText("after", examplesHelp("simulate"))
    .description("Monte Carlo simulation of the scenario's weekly dynamics under each policy")
    .argument(
      "<file>",
      "scenario file (YAML) with a dynamics section, or a scenario id: kabul-2021 reads scenarios/kabul-2021.yaml",
    )
    .option("--policies <ids>", "comma-separated policy ids (default: all)")
    .option("--runs <n>", "runs per policy (default 1000)")
    .option(
      "--weeks <n>",
      "horizon in steps, weeks unless the scenario's dynamics.step says otherwise (default: the scenario's)",
    )
    .option("--seed <s>", "random seed (default 1)")
    .option("--threads <t>", "worker threads (default: all cores; results do not depend on it)")
    .option(
      "--max-memory <mb>",
      "refuse a run estimated to need more memory than this (MB, default 2048)",
    )
    .option("--fixed", "keep parameters at their values instead of drawing them from their priors")
    .option("--mean-field", "propagate expected values deterministically instead of sampling")
    .addOption(
      new Option("--set <id=value>", "set a parameter (repeatable)")
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([], "none"),
    )
    .option("--json", "print one JSON object")
    .option(
      "--csv <dir>",
      "also write DIR/outcomes.csv and DIR/weekly.csv (and paths.csv with --paths)",
    )
    .option("--paths", "keep every run's weekly series");
  addEngineOptions(
    simulate,
    "where the chunks of runs execute: local (worker threads, the default)",
  )
    .exitOverride()
    .action(async (file: string, options: SimulateCommandOptions) =>
      (await import("./simulateCommand.js")).simulateCommand(file, options, io),
    );

  const sweep = program
    .command("sweep")
    .addHelpText("after", examplesHelp("sweep"))
    .description(
      "The weekly simulation of every policy over a grid of parameter values or a Latin hypercube over the priors, with the same seed at every point: sweep.csv, sweep.json and sweep.html",
    )
    .argument(
      "<file>",
      "scenario file (YAML) with a dynamics section, or a scenario id: kabul-2021 reads scenarios/kabul-2021.yaml",
    )
    .addOption(
      new Option(
        "--vary <id=lo:hi:n>",
        "vary a parameter over n evenly spaced values from lo to hi (repeatable: a full grid)",
      )
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([], "none"),
    )
    .option("--lhs <n>", "instead of --vary: N points by Latin hypercube over every prior")
    .option("--runs <n>", "runs per point and policy (default 1000)")
    .option("--seed <s>", "random seed, the same at every point (default 1)")
    .option("--threads <t>", "worker threads (default: all cores; results do not depend on it)")
    .option(
      "--points-in-flight <n>",
      "points simulated at once (default 1 here, 8 with --engine bullmq so every worker has jobs; results do not depend on it)",
    )
    .option(
      "--max-memory <mb>",
      "refuse a sweep whose points in flight are estimated to need more memory than this (MB, default 2048; on the queue engine the default 8 points in flight are lowered to fit)",
    )
    .option("--out <dir>", "output folder (default out/<scenario id>-sweep)")
    .option("--json", "print sweep.json's object instead of the text summary")
    .addOption(
      new Option("--set <id=value>", "hold a parameter at a value at every point (repeatable)")
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([], "none"),
    );
  addEngineOptions(sweep, "where each point's chunks execute: local (the default)")
    .exitOverride()
    .action(async (file: string, options: SweepCommandOptions) =>
      (await import("./sweepCommand.js")).sweepCommand(file, options, io),
    );

  program
    .command("calibrate")
    .addHelpText("after", examplesHelp("calibrate"))
    .description(
      "Fit the scenario's attack process (Hawkes n, τ, background) to event data: estimates, checks, a calibrated copy",
    )
    .argument(
      "<data>",
      "event file: UCDP GED CSV, or a CSV/JSONL table of date[,count][,fatalities]",
    )
    .option("--scenario <file>", "the scenario to calibrate (a path, or an id such as kabul-2021)")
    .addOption(
      new Option(
        "--format <format>",
        "how to read DATA (default: GED when its header has GED's columns, JSONL by extension, else CSV)",
      ).choices(["ged", "csv", "jsonl"]),
    )
    .option("--country <name>", "GED: keep events in this country, as GED spells it (Afghanistan)")
    .option("--actor <name>", "GED: keep events with this actor as side_a or side_b (IS)")
    .option("--side-a <name>", "GED: keep events whose side_a is this")
    .option("--side-b <name>", "GED: keep events whose side_b is this")
    .option("--dyad <name>", "GED: keep events of this dyad_name (IS - Civilians)")
    .option("--type-of-violence <k>", "GED: 1 state-based, 2 non-state, 3 one-sided")
    .option(
      "--max-date-precision <k>",
      "GED: keep events whose date_prec is at most K (1 = the exact day)",
    )
    .option("--from <date>", "first day of the window (inclusive; default: the first event's)")
    .option("--to <date>", "last day of the window (inclusive; default: the last event's)")
    .option("--date-column <name>", "table: the date column (default date)")
    .option("--count-column <name>", "table: a column of event counts (default: one event a row)")
    .option("--fatalities-column <name>", "table: a column of deaths")
    .option("--skip-bad-rows", "skip bad rows, listing each, instead of refusing the file")
    .addOption(
      new Option(
        "--time <treatment>",
        "events within a day: jitter (seeded uniform times) or discrete-day (daily counts)",
      )
        .choices(["jitter", "discrete-day"])
        .default("jitter"),
    )
    .addOption(
      new Option(
        "--change-point <date>",
        "a date where the background may jump (repeatable), e.g. 2021-08-15",
      )
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([], "none"),
    )
    .option(
      "--kernel-components <k>",
      "jitter: exponentials in the continuous fit's kernel (default 1; 2+ a sum of exponentials)",
    )
    .addOption(
      new Option(
        "--background <form>",
        "jitter: the continuous fit's background (default: piecewise with change points, else constant)",
      ).choices(["constant", "piecewise", "spline"]),
    )
    .option("--spline-knots <k>", "jitter, --background spline: evenly spaced knots (default 4)")
    .option("--seed <s>", "seed of the jitter, the starting points and the residuals (default 1)")
    .option("--starts <n>", "starting points of each maximisation (default 10)")
    .option("--folds <n>", "rolling-origin folds for the out-of-sample score (default 4)")
    .option(
      "--background-parameter <id>",
      "the scenario parameter the background rate maps onto (default: found)",
    )
    .option("--out <dir>", "output folder (default out/<scenario id>-calibration)")
    .option("--json", "print calibration.json's object instead of the text summary")
    .option(
      "--write-scenario <file>",
      "write a copy of the scenario with the estimates as values and priors",
    )
    .exitOverride()
    .action(async (data: string, options: CalibrateCommandOptions) =>
      (await import("./calibrateCommand.js")).calibrateCommand(data, options, io),
    );

  program
    .command("solve")
    .addHelpText("after", examplesHelp("solve"))
    .description("Solve a game in Gambit's .nfg or .efg format")
    .argument("<game>", "game file (.nfg or .efg)")
    .addOption(
      new Option("--method <method>", "solution method")
        .choices([...SOLVE_METHODS])
        .default("enumpure"),
    )
    .option("--rational", "print exact rationals (e.g. 1/3)")
    .option("--max-seconds <s>", "stop a long search after S seconds and print what it found")
    .addOption(
      new Option(
        "--start <start>",
        "lcp on an .efg: covering (gambit-lcp's path) or centroid (tracing path from uniform play; fast on large trees)",
      ).choices(["covering", "centroid"]),
    )
    .option(
      "--seed <n>",
      "gnm: seed of the random perturbation; liap: of the random starts (default 0); ipa: of a random start (default: the centroid)",
    )
    .option("--starts <n>", "liap: starting points of the minimisation (default 10)")
    .option(
      "--agent",
      "liap on an .efg: minimise over the agent form (behaviour strategies, as gambit-liap -A) instead of the reduced strategic form",
    )
    .option("--components", "enummixed: also list the connected components of the equilibrium set")
    .option(
      "--label <k>",
      "lh: follow the one Lemke–Howson path dropping label K (1…m: player 1's strategies, m+1…m+n: player 2's)",
    )
    .option("--all-labels", "lh: follow the path of every label, duplicates removed (the default)")
    .option(
      "--lambda <l>",
      "logit: the quantal response equilibrium at precision L on the principal branch (a QRE line, not NE)",
    )
    .option(
      "--branch",
      "logit: also print the traced branch, one line λ,probabilities… a point (as gambit-logit does)",
    )
    .option("--json", "print one JSON object instead of Gambit-style NE lines")
    .exitOverride()
    .action(async (file: string, options: SolveCommandOptions) =>
      (await import("./solveCommand.js")).solveCommand(file, options, io),
    );

  program
    .command("export")
    .addHelpText("after", examplesHelp("export"))
    .description("Write a scenario's one-shot game in Gambit's .efg or .nfg format")
    .argument(
      "<scenario>",
      "scenario file (YAML), or a scenario id: kabul-2021 reads scenarios/kabul-2021.yaml",
    )
    .addOption(
      new Option("--format <format>", "file format").choices(["efg", "nfg"]).makeOptionMandatory(),
    )
    .option(
      "--policy <id>",
      "only the game under this policy (default: the sender first chooses a policy)",
    )
    .addOption(
      new Option("--set <id=value>", "set a parameter (repeatable)")
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([], "none"),
    )
    .option("--out <file>", "write to FILE instead of standard output")
    .exitOverride()
    .action(async (file: string, options: ExportCommandOptions) =>
      (await import("./exportCommand.js")).exportCommand(file, options, io),
    );

  program
    .command("serve")
    .addHelpText("after", examplesHelp("serve"))
    .description(
      "The browser workbench: edit a scenario, move its priors, run, compare stored runs, solve Gambit games",
    )
    .option("--port <n>", "port to listen on (default 5173; 0 picks a free port)")
    .option(
      "--host <address>",
      "address to listen on (default 127.0.0.1, this machine only; another is warned about)",
    )
    .option("--db <file>", "the run registry, an SQLite file (default linkage-runs.sqlite)")
    .option(
      "--scenarios <dir>",
      "folder of the scenarios the page offers (default: ./scenarios, else Linkage's own)",
    )
    .option("--threads <t>", "worker threads of each run's simulation (default: all cores but one)")
    .option("--concurrent-runs <n>", "runs executed at once; the others wait (default 1)")
    .option("--check", "check the flags, the registry and the page, print the URL, and exit")
    .exitOverride()
    .action(async (options: ServeCommandOptions) =>
      (await import("./serveCommand.js")).serveCommand(options, io),
    );

  program
    .command("worker")
    .addHelpText("after", examplesHelp("worker"))
    .description(
      "Serve the simulation chunks queued in a Redis by simulate, run or sweep --engine bullmq, on this machine, until stopped",
    )
    .option("--redis <url>", "the Redis holding the queue, redis://[:PASSWORD@]HOST:PORT")
    .option("--concurrency <n>", "chunks computed at once, each in its own process (default 1)")
    .option(
      "--lock-duration <ms>",
      "how long a chunk stays with a worker that stopped answering before another takes it (default 30000)",
    )
    .option("--insecure", "accept a Redis on another machine without a password")
    .exitOverride()
    .action(async (options: WorkerCommandOptions) =>
      (await import("./workerCommand.js")).workerCommand(options, io),
    );

  program
    .command("schema")
    .addHelpText("after", examplesHelp("schema"))
    .description("Print the JSON Schema of the scenario language (for editors)")
    .exitOverride()
    .action(async () => {
      const { scenarioJsonSchema } = await import("../scenario/scenarioJsonSchema.js");
      io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });

  try {
    await program.parseAsync([...args], { from: "user" });
    return EXIT_OK;
  } catch (error) {
    const { code, message } = exitCodeFor(error);
    // several problems (a scenario's issues) are printed one a line, each with its location
    if (message !== null) for (const line of message.split("\n")) io.stderr(`linkage: ${line}\n`);
    if (process.env["LINKAGE_DEBUG"] && error instanceof Error && error.stack)
      io.stderr(`${error.stack}\n`);
    return code;
  }
}

/** The "Examples:" section that ends a command's --help: what each does, then the command line. */
function examplesHelp(command: ExampleCommand): string {
  const lines = COMMAND_EXAMPLES[command].flatMap((e) => [`  # ${e.does}`, `  ${e.line}`]);
  return `\nExamples:\n${lines.join("\n")}\n`;
}
