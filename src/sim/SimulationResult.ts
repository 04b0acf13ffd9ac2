import type { TimeStepUnit } from "../scenario/timeStep.js";

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

/** A policy's outcome minus the baseline's, run by run under common random numbers. */
export interface PairedDifference extends OutcomeSummary {
  /** 95% interval for the mean difference. */
  readonly meanLow: number;
  readonly meanHigh: number;
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
  /**
   * Every outcome minus the baseline's (`leverageBaseline`), paired run by run; absent for the
   * baseline itself and when there is none.
   */
  readonly versusBaseline?: Record<string, PairedDifference>;
  /**
   * Monte Carlo only: the weekly mean of μ_t (the sender's belief in the first type at the start
   * of week t) among the runs whose true type is each type. Averaged over all runs μ_t is a
   * martingale and stays at the prior; split by the truth it shows what the sender learns.
   */
  readonly beliefByType?: Record<string, number[]>;
  /**
   * Mean field only: outcomes and series the mean field cannot approximate (thresholds of the
   * continuous state, the sender's belief), with the reason; they are left out of `outcomes`
   * and `weekly`.
   */
  readonly notAvailable?: Record<string, string>;
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
  /** The unit of a step (`dynamics.step`): `weeks` counts these, `weekly` holds one point each. */
  readonly step?: TimeStepUnit;
  /** Parameters fixed at their values (`--fixed`) or drawn from their priors by Latin hypercube. */
  readonly sampling: "fixed" | "latin-hypercube" | "mean-field";
  readonly policies: Record<string, PolicySimulation>;
  /** Share of runs in which each simulated policy gave the sender the highest senderUtility (common random numbers, ties to the first listed). */
  readonly bestPolicyShare?: Record<string, number>;
  /** The baseline of `leverageValue` (the first unconditional policy). */
  readonly leverageBaseline: string | null;
  /**
   * With priors and a stated `dynamics.branchingRatio`: how many runs' parameter draws were
   * explosive and were redrawn from the priors (the priors conditioned on a stable process).
   */
  readonly redrawnRuns?: number;
  /** With `outcomeValues`: every run's outcomes, `outcomeValues[policy][output][run]`. */
  readonly outcomeValues?: Record<string, Record<string, number[]>>;
  /** With `paths`: every run's weekly series, `paths[policy][series][run][week]`. */
  readonly paths?: Record<string, Record<string, number[][]>>;
}
