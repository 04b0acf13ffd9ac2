import { LinkageError } from "../errors/LinkageError.js";
import { randomStream } from "../math/randomStream.js";
import {
  type CountHawkesModel,
  checkCountHawkesModel,
  countHawkesLogLikelihood,
  countHawkesParameterCount,
  logFactorialSum,
} from "./countHawkesLogLikelihood.js";

/** One estimated parameter: the estimate, its standard error and a confidence interval. */
export interface ParameterEstimate {
  readonly name: string;
  readonly estimate: number;
  /** From the observed information; NaN when the estimate sits on a bound. */
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
  /** How the interval was formed. */
  readonly interval: "log-scale Wald" | "profile likelihood";
}

/** The maximum-likelihood fit of a {@link CountHawkesModel}. */
export interface CountHawkesFit {
  /** μ_j, one per segment (events per step). */
  readonly background: readonly ParameterEstimate[];
  readonly branchingRatio: ParameterEstimate;
  /** τ in steps. */
  readonly decay: ParameterEstimate;
  readonly logLikelihood: number;
  readonly parameterCount: number;
  readonly steps: number;
  readonly events: number;
  /** λ_t = μ + H_t at the estimate, one per step (the fitted mean count). */
  readonly fittedMeans: Float64Array;
  readonly converged: boolean;
  readonly starts: number;
  /** The confidence level of the intervals. */
  readonly level: number;
}
