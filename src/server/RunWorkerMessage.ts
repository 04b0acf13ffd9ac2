/** What a run's worker is given: everything `runScenario` needs, as plain data. */
export interface RunJob {
  readonly text: string;
  readonly source: string;
  readonly overrides: Readonly<Record<string, number>>;
  readonly seed: number;
  readonly runs: number;
  /** Worker threads of the simulation (never changes the numbers). */
  readonly threads: number;
  /** The command line that reproduces the run, recorded in its results. */
  readonly command: string;
  readonly version: string;
  readonly scenarioHash: string;
}

/**
 * What a run's worker posts back: each stage of `runScenario` as it starts, the work done within
 * it (the simulation's runs, the sensitivity analysis's outputs), then either the results (results.json's text and the verdict's summary) or why it failed.
 */
export type RunWorkerMessage =
  | { readonly type: "stage"; readonly stage: string }
  | { readonly type: "within"; readonly done: number; readonly total: number }
  | {
      readonly type: "done";
      readonly resultsJson: string;
      readonly recommendedPolicy: string;
      readonly headline: string;
    }
  /** `internal`: a bug, whose message (with its stack) goes to the server's log, not to the user. */
  | { readonly type: "failed"; readonly message: string; readonly internal: boolean };
