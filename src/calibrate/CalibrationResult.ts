import type { Prior } from "../scenario/Scenario.js";
import type { EventProvenance } from "./DatedEvents.js";
import type { ParameterEstimate } from "./fitCountHawkes.js";
import type { HawkesSpec } from "./HawkesModel.js";
import type { RollingOriginScore } from "./RollingOriginScore.js";
import type { ScenarioAttackProcess } from "./scenarioAttackProcess.js";

/** A fitted model's in-sample and out-of-sample scores, one row of the comparison table. */
export interface ModelScore {
  /** "Hawkes", "Poisson, constant" or "Poisson, piecewise". */
  readonly model: string;
  readonly logLikelihood: number;
  readonly parameterCount: number;
  readonly aic: number;
  readonly bic: number;
  /** Rolling-origin log-likelihood per event on the same folds as the other rows. */
  readonly outOfSample: RollingOriginScore;
}

/** A goodness-of-fit verdict on residuals that are Exp(1) under the fitted model. */
export interface ResidualChecks {
  readonly ks: { readonly statistic: number; readonly pValue: number; readonly n: number };
  readonly ljungBox: {
    readonly statistic: number;
    readonly lags: number;
    readonly degreesOfFreedom: number;
    readonly pValue: number;
  };
  /** Exp(1) QQ plot: theoretical quantiles, sorted residuals, the 95% KS band (≤ 1,000 points, evenly spaced in rank). */
  readonly qq: {
    readonly theoretical: number[];
    readonly sample: number[];
    readonly lower: number[];
    readonly upper: (number | null)[];
  };
  /** Residual autocorrelations r₀ … r_h and the ±1.96/√n bound. */
  readonly acf: { readonly values: number[]; readonly bound: number };
}

/** The discrete-time (count) Hawkes fit at one step length (a week, or a day). */
export interface CountCalibration {
  readonly stepDays: number;
  readonly steps: number;
  readonly events: number;
  /** First step of each background segment. */
  readonly segmentStarts: number[];
  readonly counts: number[];
  /** The fitted mean count of each step, μ + H_t. */
  readonly fittedMeans: number[];
  readonly background: ParameterEstimate[];
  readonly branchingRatio: ParameterEstimate;
  /** τ in steps. */
  readonly decay: ParameterEstimate;
  readonly converged: boolean;
  /**
   * Randomised PIT residuals mapped to Exp(1) (−ln(1 − u)), checked as time-rescaling gaps are
   * (docs/calibration.md).
   */
  readonly residuals: ResidualChecks;
  /** Hawkes against the Poisson baselines: in-sample (AIC, BIC) and out of sample. */
  readonly models: ModelScore[];
}

/** One estimate of the continuous-time fit (background coefficients, n, decay rates, τ, weights). */
export interface ContinuousEstimate {
  readonly name: string;
  readonly estimate: number;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
  /** How the interval was formed. */
  readonly interval: string;
  readonly note: string;
}

/** The continuous-time Hawkes fit of the jittered event times (`--time jitter`), in days. */
export interface ContinuousCalibration {
  readonly unit: "day";
  readonly events: number;
  readonly duration: number;
  /** The kernel and background fitted. */
  readonly spec: HawkesSpec;
  readonly estimates: ContinuousEstimate[];
  /** n with its profile-likelihood interval. */
  readonly branchingRatio: {
    readonly estimate: number;
    readonly standardError: number;
    readonly lower: number;
    readonly upper: number;
    readonly atBound: "lower" | "upper" | null;
  };
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly warnings: string[];
  /** Time-rescaling residuals (the compensator's gaps), Exp(1) if the model is right. */
  readonly residuals: ResidualChecks;
  readonly models: ModelScore[];
  /** The fitted intensity (events a day) on a grid of times (days), for the plot. */
  readonly intensity: { readonly time: number[]; readonly rate: number[] };
  /** Events on each day of the window, for the plot. */
  readonly dailyCounts: number[];
}

/** One scenario parameter as the calibration would write it. */
export interface CalibratedParameter {
  readonly id: string;
  readonly label: string | null;
  /** The scenario's value before. */
  readonly was: number;
  /** The estimate mapped onto the parameter; null when it is not written (see `note`). */
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly prior: Prior | null;
  readonly source: string;
  /** Why a parameter is left as it was, when it is. */
  readonly note: string | null;
}

/** Everything `linkage calibrate` finds (calibration.json). */
export interface CalibrationResult {
  readonly data: {
    readonly provenance: EventProvenance;
    readonly origin: string;
    readonly dayCount: number;
    /** The last day of the window (ISO). */
    readonly end: string;
    readonly events: number;
    /** Σ fatalities, null when the file has none. */
    readonly fatalities: number | null;
    readonly changePoints: { readonly date: string; readonly day: number }[];
    readonly time: "jitter" | "discrete-day";
    readonly seed: number;
  };
  /** The weekly fit: the simulation's own model, the one written back. */
  readonly weekly: CountCalibration;
  /** With `--time discrete-day`: the same model on daily counts. */
  readonly daily: CountCalibration | null;
  /** With `--time jitter`: the continuous-time fit of the jittered times. */
  readonly continuous: ContinuousCalibration | null;
  readonly scenario: {
    readonly file: string;
    readonly process: ScenarioAttackProcess;
    readonly parameters: CalibratedParameter[];
  };
  /** The findings in sentences, most important first. */
  readonly verdict: string[];
}
