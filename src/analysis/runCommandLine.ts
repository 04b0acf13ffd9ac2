/**
 * The `linkage run` command line that reproduces a run, as results.json and the report's footer
 * record it: the scenario named by its source, then the runs, the seed and each `--set` as given.
 * The one place it is written, for the command line, the workbench's runs and `runScenario`'s
 * default.
 *
 * @example runCommandLine("scenarios/kabul-2021.yaml", 300, 1, ["sigma_sub=0.1"])
 * // => "node bin/linkage.js run scenarios/kabul-2021.yaml --runs 300 --seed 1 --set sigma_sub=0.1"
 */
export function runCommandLine(
  source: string,
  runs: number,
  seed: number,
  sets: readonly string[] = [],
): string {
  return [
    "node bin/linkage.js run",
    source,
    `--runs ${runs}`,
    `--seed ${seed}`,
    ...sets.map((s) => `--set ${s}`),
  ].join(" ");
}
