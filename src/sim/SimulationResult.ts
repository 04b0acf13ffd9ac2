/** Summary of one outcome over the runs. */
export interface OutcomeSummary {
  readonly mean: number;
  readonly sd: number;
  readonly q05: number;
  readonly q25: number;
  readonly q50: number;
  readonly q75: number;
  readonly q95: number;
}

/** One week of a series, over the runs. */
export interface WeeklyPoint {
  readonly mean: number;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
}

export interface PolicySimulation {
  readonly label: string;
  /** Per outcome: attacks, fatalities, surge, evacuatedShare, alqaedaSuspendedShare, supportWeeks, escalationWeeks, senderUtility, targetUtility, leverageValue, sequentialRationality, … */
  readonly outcomes: Record<string, OutcomeSummary>;
  /** Per series, one point per week. */
  readonly weekly: Record<string, WeeklyPoint[]>;
  /** The target's quantal response at the base parameter values: type → automaton state → choice → probability. */
  readonly target: Record<
    string,
    { readonly choiceProbabilities: Record<string, Record<string, number>> }
  >;
}

/**
 * What `linkage simulate --json` prints (the keys named in the CLI contract: scenario, seed, runs,
 * weeks, policies with outcomes, weekly and target; the others are extensions).
 */
export interface SimulationResult {
  readonly scenario: string;
  readonly seed: number;
  readonly runs: number;
  readonly weeks: number;
  /** Parameters fixed at their values (`--fixed`) or drawn from their priors by Latin hypercube. */
  readonly sampling: "fixed" | "latin-hypercube" | "mean-field";
  readonly policies: Record<string, PolicySimulation>;
  /** Share of runs in which each simulated policy gave the sender the highest senderUtility (common random numbers, ties to the first listed). */
  readonly bestPolicyShare?: Record<string, number>;
  /** The baseline of `leverageValue` (the first unconditional policy). */
  readonly leverageBaseline: string | null;
  /** With `paths`: every run's weekly series, `paths[policy][series][run][week]`. */
  readonly paths?: Record<string, Record<string, number[][]>>;
}
