import type { HawkesParameters, HawkesSpec } from "./HawkesModel.js";

/** One estimated quantity with its standard error and confidence interval. */
export interface HawkesParameterEstimate {
  /** `mu`, `mu_1` …, `c_1` …, `n`, `beta` / `beta_k`, `w_k` (two or more components), `tau` / `tau_k`. */
  readonly name: string;
  readonly estimate: number;
  /** From the observed information, on the natural scale; NaN where it does not exist (see `note`). */
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
  /** How the interval was formed. */
  readonly interval:
    | "log-scale Wald"
    | "logit-scale Wald"
    | "profile likelihood"
    | "reciprocal of beta's";
  /** Why the standard error or an end is missing or special (an estimate on a bound, …); "" otherwise. */
  readonly note: string;
}

/** The branching ratio's estimate with both kinds of interval. */
export interface BranchingRatioEstimate {
  readonly estimate: number;
  readonly standardError: number;
  /** Wald interval on the logit scale, logit(n̂) ± z·se/(n̂(1 − n̂)), mapped back; NaN without a standard error. */
  readonly wald: readonly [number, number];
  /** Profile-likelihood interval ({@link profileLikelihoodInterval}); NaN when not computed. */
  readonly profile: readonly [number, number];
  /** Whether each profile end is the bound of n's range (0 or the maximum branching ratio). */
  readonly profileAtBound: readonly [boolean, boolean];
}

/** The maximum-likelihood fit of a continuous-time Hawkes model ({@link fitHawkes}). */
export interface HawkesFit {
  readonly spec: HawkesSpec;
  /** The estimates as a parameter set; components ordered by decay rate, fastest first. */
  readonly parameters: HawkesParameters;
  /** The same as the likelihoods' θ (background, n, β_1 … β_K, w_1 … w_K). */
  readonly theta: Float64Array;
  /** Every background coefficient, n, each β_k, each w_k (two or more components) and each τ_k = 1/β_k. */
  readonly estimates: readonly HawkesParameterEstimate[];
  readonly branchingRatio: BranchingRatioEstimate;
  /** ℓ(θ̂) = Σ log λ(t_i) − ∫_0^T λ. */
  readonly logLikelihood: number;
  /** Free parameters: background coefficients + 1 + K decay rates + (K − 1) weights. */
  readonly parameterCount: number;
  readonly eventCount: number;
  readonly duration: number;
  /** Whether the best start's optimisation met its convergence test. */
  readonly converged: boolean;
  /** Iterations of the best start. */
  readonly iterations: number;
  /** Starts tried. */
  readonly starts: number;
  /** Starts whose maximum is within 10⁻³ of the best log-likelihood (1 means the others found worse maxima). */
  readonly startsAtBest: number;
  /** Confidence level of the intervals. */
  readonly level: number;
  /** What the reader should know: a singular information, estimates on bounds, … */
  readonly warnings: readonly string[];
}
