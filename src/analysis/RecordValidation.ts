import type { ObservationSpec, SourceSpec } from "../scenario/Scenario.js";

/** Where a simulated statistic lies against an observed range [low, high]. */
export type RecordVerdict = "within" | "above" | "below";

/** One simulated statistic of an output over the runs, and how it compares with the record. */
export interface SimulatedStatistic {
  /** The statistic the observation names (the median, or the mean) over the runs. */
  readonly central: number;
  /** 80% interval over the runs: the 10th and 90th percentiles. */
  readonly q10: number;
  readonly q90: number;
  /** 95% interval over the runs: the 2.5th and 97.5th percentiles. */
  readonly q025: number;
  readonly q975: number;
  /** `central` against the observed range. */
  readonly verdict: RecordVerdict;
  /** Do the 80% and 95% intervals meet the observed range? */
  readonly overlaps80: boolean;
  readonly overlaps95: boolean;
}

/**
 * One observation of the record against the model: the observation as the scenario states it
 * (its published figure and range gathered under `observed`), and the simulated statistics.
 */
export interface RecordRow extends Omit<ObservationSpec, "value" | "low" | "high"> {
  readonly observed: Pick<ObservationSpec, "value" | "low" | "high">;
  /** The parameters held at their values. */
  readonly fixed: SimulatedStatistic;
  /** The parameters drawn from their priors. */
  readonly priors: SimulatedStatistic;
}

/**
 * "Does the model reproduce what happened?": the policy actually followed, simulated over each
 * observation's window, with the parameters fixed and drawn from their priors, against the
 * scenario's observations (`results.json`: `record`).
 */
export interface RecordValidation {
  /** The id of the policy actually followed. */
  readonly policy: string;
  readonly policyLabel: string;
  readonly period: string | null;
  readonly runs: number;
  readonly seed: number;
  /** Runs (of `runs`) whose draw from the priors was explosive and was redrawn (the same draws for every window). */
  readonly redrawnRuns: number;
  readonly rows: readonly RecordRow[];
  /** The sources the rows cite, in the order first cited, as the scenario gives them. */
  readonly sources: readonly SourceSpec[];
}
