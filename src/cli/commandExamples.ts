/** One example shown at the end of a command's `--help`. */
export interface CommandExample {
  /** The command line as typed in the project folder, starting with `linkage`. */
  readonly line: string;
  /** What it does, in a few words. */
  readonly does: string;
}

/**
 * The examples each command's `--help` ends with (`linkage` is the program's own help), run
 * against the shipped scenario by src/cli/commandExamples.test.ts. Each is a plain command line:
 * words separated by spaces, at most an output redirection `> FILE` at the end.
 */
export const COMMAND_EXAMPLES = {
  linkage: [
    {
      line: "linkage run kabul-2021",
      does: "the flagship end to end: writes out/kabul-2021/report.html, report.md and results.json",
    },
    {
      line: "linkage analyze scenarios/kabul-2021.yaml --set sigma_sub=0",
      does: "the one-shot game if no substitute provider could replace the support (sigma_sub = 0)",
    },
    {
      line: "linkage simulate kabul-2021 --policies U,KE --mean-field",
      does: "expected weekly outcomes of two policies, without sampling",
    },
    { line: "linkage analyze --help", does: "a command's options and examples" },
  ],
  run: [
    {
      line: "linkage run scenarios/kabul-2021.yaml",
      does: "analysis, 2,000 simulated runs per policy and sensitivity, in out/kabul-2021/",
    },
    {
      line: "linkage run kabul-2021 --runs 500 --seed 7 --out out/quick",
      does: "a quicker run with another seed, written elsewhere (a scenario id works for its file)",
    },
    {
      line: "linkage run kabul-2021 --set sigma_sub=0.1 --out out/sigma-0.1",
      does: "a what-if: substitute providers replace 10% of the support's value",
    },
    {
      line: "linkage run kabul-2021 jcpoa-2015 imf-programme --runs 500 --out out/compare",
      does: "three scenarios in turn, each in out/compare/<id>/, and out/compare/index.html comparing their verdicts",
    },
  ],
  analyze: [
    {
      line: "linkage analyze scenarios/kabul-2021.yaml",
      does: "best responses, best policy, credibility, thresholds and pivots, as text",
    },
    {
      line: "linkage analyze kabul-2021 --set sigma_sub=0 --set cA_C=3 --json",
      does: "with two parameters set, as one JSON object",
    },
    {
      line: "linkage analyze kabul-2021 --no-pivots --out out/analysis",
      does: "also write out/analysis/analysis.md and analysis.json, skipping the pivot search",
    },
  ],
  simulate: [
    {
      line: "linkage simulate scenarios/kabul-2021.yaml --runs 2000 --fixed",
      does: "2,000 runs per policy with the parameters held at their values",
    },
    {
      line: "linkage simulate kabul-2021 --policies U,KE --mean-field --json",
      does: "expected values for two policies, computed without sampling, as JSON",
    },
    {
      line: "linkage simulate kabul-2021 --runs 500 --csv out/sim --paths",
      does: "also write out/sim/outcomes.csv, weekly.csv and every run's series in paths.csv",
    },
  ],
  sweep: [
    {
      line: "linkage sweep kabul-2021 --vary sigma_sub=0.1:0.5:3 --runs 100",
      does: "every policy at three shares of the support that substitute providers can replace (100 runs each, the same seed at each), and where the best policy changes if it does: writes out/kabul-2021-sweep/",
    },
    {
      line: "linkage sweep kabul-2021 --vary sigma_sub=0:0.7:3 --vary cA_C=1.5:6:3 --runs 20 --out out/sweep-2d",
      does: "a 3 × 3 grid over two parameters: heatmaps of the best policy and of the leverage value",
    },
    {
      line: "linkage sweep kabul-2021 --lhs 6 --runs 20 --seed 2 --json",
      does: "six points by Latin hypercube over every prior, printed as JSON",
    },
  ],
  calibrate: [
    {
      line: "linkage calibrate test/fixtures/ged-synthetic.csv --scenario kabul-2021 --country Afghanistan --actor IS --change-point 2021-08-15",
      does: "fit the flagship's attack process to the shipped synthetic GED file; writes out/kabul-2021-calibration/",
    },
    {
      line: "linkage calibrate test/fixtures/ged-synthetic.csv --scenario kabul-2021 --actor IS --time discrete-day --json --out out/calibration",
      does: "also the daily-count fit, printed as JSON",
    },
    {
      line: "linkage calibrate test/fixtures/ged-synthetic.csv --scenario kabul-2021 --actor IS --write-scenario kabul-calibrated.yaml",
      does: "write a copy of the scenario with the estimates (then: linkage run kabul-calibrated.yaml)",
    },
  ],
  solve: [
    {
      line: "linkage export kabul-2021 --format efg --policy KE --out ke.efg",
      does: "first, a game to solve: the flagship's game under policy KE",
    },
    {
      line: "linkage solve ke.efg --method lcp --rational",
      does: "one equilibrium by Lemke's algorithm on the sequence form, in exact fractions",
    },
    {
      line: "linkage solve ke.efg --method logit --lambda 2",
      does: "the logit quantal response equilibrium at precision 2",
    },
    {
      line: "linkage solve ke.efg --method liap --starts 8 --seed 1",
      does: "equilibria by minimising a Lyapunov function from 8 seeded starting points",
    },
  ],
  export: [
    {
      line: "linkage export scenarios/kabul-2021.yaml --format efg --out kabul-2021.efg",
      does: "the whole one-shot game as a Gambit game tree",
    },
    {
      line: "linkage export kabul-2021 --format nfg --policy K --out k.nfg",
      does: "policy K's subgame as its reduced strategic form",
    },
    {
      line: "linkage export kabul-2021 --format efg --policy KE --set rho=0",
      does: "policy KE's subgame with no reputation stake, on standard output",
    },
  ],
  serve: [
    {
      line: "linkage serve --check",
      does: "check the run registry (linkage-runs.sqlite) and the page, print the URL, and exit; without --check it serves http://127.0.0.1:5173/ until Ctrl-C",
    },
    {
      line: "linkage serve --port 0 --db runs.sqlite --check",
      does: "any free port and another registry file (checked only; drop --check to serve)",
    },
  ],
  worker: [
    {
      line: "linkage worker --redis redis://127.0.0.1:6379",
      does: "serve the chunks queued in this machine's Redis, one at a time, until Ctrl-C",
    },
    {
      line: "linkage worker --redis redis://:PASSWORD@10.0.0.5:6379 --concurrency 2",
      does: "on another machine: two chunks at once from a shared Redis (with its password)",
    },
    {
      line: "linkage simulate kabul-2021 --runs 100000 --engine bullmq --redis redis://127.0.0.1:6379",
      does: "queue the chunks for the workers and aggregate: the same numbers as without --engine",
    },
  ],
  schema: [
    { line: "linkage schema", does: "print the JSON Schema of the scenario language" },
    {
      line: "linkage schema > linkage.schema.json",
      does: "save it for an editor: start a scenario with # yaml-language-server: $schema=./linkage.schema.json",
    },
  ],
} as const satisfies Readonly<Record<string, readonly CommandExample[]>>;

/** `linkage` (the program) or one of its commands. */
export type ExampleCommand = keyof typeof COMMAND_EXAMPLES;
