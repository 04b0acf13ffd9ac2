import { LinkageError } from "../errors/LinkageError.js";
import { covarianceFromInformation } from "../math/covarianceFromInformation.js";
import { minimizeBounded } from "../math/minimizeBounded.js";
import { normalQuantile } from "../math/normalQuantile.js";
import { observedInformation } from "../math/observedInformation.js";
import { profileLikelihoodInterval } from "../math/profileLikelihoodInterval.js";
import { randomStream } from "../math/randomStream.js";
import {
  type CountHawkesModel,
  checkCountHawkesModel,
  countHawkesLogLikelihood,
  countHawkesMeans,
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
  /**
   * A profile interval that runs to the edge of the search range (the data cannot rule out
   * values beyond it): which end. Absent when both ends are inside.
   */
  readonly atBound?: "lower" | "upper" | "both";
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

export interface FitCountHawkesOptions {
  /** Starting points of the maximisation (the first from moments, the rest seeded draws). @default 10 */
  readonly starts?: number;
  /** Seed of the starting points. @default 1 */
  readonly seed?: number;
  /** Confidence level of the intervals. @default 0.95 */
  readonly level?: number;
  /**
   * Compute standard errors and intervals (false: the point estimate only, NaN for the rest;
   * what a rolling-origin refit needs). @default true
   */
  readonly intervals?: boolean;
}

/** Upper bound of the branching ratio in the fit (n ≥ 1 is explosive). */
export const MAX_BRANCHING_RATIO = 0.999;
/** Decay times searched, in steps: from a twentieth of a step to the whole series. */
const MIN_DECAY_STEPS = 0.05;

/**
 * Maximum-likelihood fit of the discrete-time Hawkes count model ({@link CountHawkesModel}: the
 * simulation's own attack process), by {@link minimizeBounded} from several starts (the first
 * from the counts' moments, the others drawn from a seeded stream: n uniform on [0.05, 0.9], τ
 * log-uniform on [0.3, 30] steps, μ_j the segment's mean × (1 − n)); the best end point is kept.
 *
 * Bounds: μ_j ∈ [1e-9, 10 × the largest count + 1], n ∈ [0, 0.999], τ ∈ [0.05, steps] steps
 * (τ → 0 is the limit where all of an event's excitation falls in the next step).
 * Standard errors come from the observed information at the estimate (an estimate on its bound
 * has none, NaN). The background's intervals are log-scale Wald intervals
 * exp(log μ̂ ± z·se/μ̂); the branching ratio's and the decay time's are profile-likelihood
 * intervals, which stay valid near the edges (n̂ near 0, τ̂ shorter than a step) where a Wald
 * interval is not; an interval that reaches the edge of the search range says so (`atBound`;
 * "both": the data do not bound it at all). With n̂ = 0 the decay time is not identified and is
 * left out of the information, so the background keeps its standard error.
 *
 * @throws {LinkageError} E_DOMAIN on a model {@link checkCountHawkesModel} refuses, a series
 * with no events, or options out of range
 */
export function fitCountHawkes(
  model: CountHawkesModel,
  options: FitCountHawkesOptions = {},
): CountHawkesFit {
  checkCountHawkesModel(model);
  const starts = options.starts ?? 10;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  if (!(Number.isInteger(starts) && starts >= 1 && starts <= 1000)) {
    throw new LinkageError(
      "E_DOMAIN",
      `starts must be a whole number from 1 to 1000, got ${starts}`,
    );
  }
  if (!(level > 0 && level < 1)) {
    throw new LinkageError("E_DOMAIN", `level must lie in (0, 1), got ${level}`);
  }
  const { counts, segmentStarts } = model;
  const segments = segmentStarts.length;
  const steps = counts.length;
  let events = 0;
  let largest = 0;
  for (let t = 0; t < steps; t++) {
    events += counts[t]!;
    largest = Math.max(largest, counts[t]!);
  }
  if (events === 0) {
    throw new LinkageError("E_DOMAIN", "the series has no events: there is nothing to fit");
  }
  const k = countHawkesParameterCount(model);
  const lower = new Float64Array(k).fill(1e-9);
  const upper = new Float64Array(k).fill(10 * largest + 1);
  lower[segments] = 0;
  upper[segments] = MAX_BRANCHING_RATIO;
  lower[segments + 1] = MIN_DECAY_STEPS;
  upper[segments + 1] = Math.max(steps, 1);
  const logFactorials = logFactorialSum(counts);
  const objective = (theta: Float64Array, gradient: Float64Array) => {
    const value = -countHawkesLogLikelihood(model, theta, logFactorials, gradient);
    for (let i = 0; i < k; i++) gradient[i] = -gradient[i]!;
    return value;
  };
  const segmentMeans = segmentStarts.map((start, j) => {
    const end = j + 1 < segments ? segmentStarts[j + 1]! : steps;
    let sum = 0;
    for (let t = start; t < end; t++) sum += counts[t]!;
    return sum / (end - start);
  });
  const rng = randomStream(seed, 0);
  const inside = (v: number, i: number) =>
    Math.min(upper[i]! - 1e-6 * (upper[i]! - lower[i]!), Math.max(lower[i]! + 1e-9, v));
  let best: { x: Float64Array; value: number; converged: boolean } | null = null;
  for (let s = 0; s < starts; s++) {
    const n = s === 0 ? 0.3 : 0.05 + 0.85 * rng.next();
    const tau = s === 0 ? 2 : 0.3 * 100 ** rng.next();
    const start = new Float64Array(k);
    segmentMeans.forEach((m, j) => {
      start[j] = inside(Math.max(m, 0.01) * (1 - n), j);
    });
    start[segments] = inside(n, segments);
    start[segments + 1] = inside(tau, segments + 1);
    const result = minimizeBounded(objective, start, { lower, upper });
    if (Number.isFinite(result.value) && (best === null || result.value < best.value)) {
      best = { x: result.x, value: result.value, converged: result.converged };
    }
  }
  if (best === null) {
    throw new LinkageError("E_DOMAIN", "no start reached a finite likelihood");
  }
  const theta = best.x;
  const common = {
    logLikelihood: -best.value,
    parameterCount: k,
    steps,
    events,
    fittedMeans: countHawkesMeans(model, theta),
    converged: best.converged,
    starts,
    level,
  };
  if (options.intervals === false) {
    const pointOnly = (name: string, i: number, interval: ParameterEstimate["interval"]) => ({
      name,
      estimate: theta[i]!,
      standardError: Number.NaN,
      lower: Number.NaN,
      upper: Number.NaN,
      interval,
    });
    return {
      background: segmentStarts.map((_, j) => pointOnly(`mu${j + 1}`, j, "log-scale Wald")),
      branchingRatio: pointOnly("n", segments, "profile likelihood"),
      decay: pointOnly("tau", segments + 1, "profile likelihood"),
      ...common,
    };
  }
  const z = normalQuantile(0.5 + level / 2);
  const critical = z * z; // χ²₁ quantile at the level
  const onBound = (i: number) =>
    theta[i]! <= lower[i]! * (1 + 1e-6) + 1e-9 || theta[i]! >= upper[i]! * (1 - 1e-6);
  // standard errors over the coordinates off their bounds
  // with n on 0 there is no excitation, and its decay time is not identified: leave it out too
  const noExcitation = theta[segments]! <= 1e-9;
  const interior = Array.from({ length: k }, (_, i) => i).filter(
    (i) => !onBound(i) && !(noExcitation && i === segments + 1),
  );
  const standardErrors = new Float64Array(k).fill(Number.NaN);
  try {
    const info = observedInformation(objective, theta, { lower, upper, indices: interior });
    const covariance = covarianceFromInformation(info, interior.length);
    interior.forEach((i, a) => {
      standardErrors[i] = Math.sqrt(covariance[a * interior.length + a]!);
    });
  } catch (error) {
    if (!(error instanceof LinkageError)) throw error;
  }
  const logWald = (name: string, i: number): ParameterEstimate => {
    const estimate = theta[i]!;
    const se = standardErrors[i]!;
    const spread = Number.isFinite(se) ? Math.exp((z * se) / estimate) : Number.NaN;
    return {
      name,
      estimate,
      standardError: se,
      lower: estimate / spread,
      upper: estimate * spread,
      interval: "log-scale Wald",
    };
  };
  const profiled = (name: string, i: number): ParameterEstimate => {
    const profile = profileLikelihoodInterval(objective, theta, best.value, i, {
      lower,
      upper,
      critical,
      ...(Number.isFinite(standardErrors[i]!) ? { standardError: standardErrors[i]! } : {}),
    });
    return {
      name,
      estimate: theta[i]!,
      standardError: standardErrors[i]!,
      lower: profile.lower,
      upper: profile.upper,
      interval: "profile likelihood",
      ...(profile.lowerAtBound || profile.upperAtBound
        ? {
            atBound:
              profile.lowerAtBound && profile.upperAtBound
                ? ("both" as const)
                : profile.lowerAtBound
                  ? ("lower" as const)
                  : ("upper" as const),
          }
        : {}),
    };
  };
  return {
    background: segmentStarts.map((_, j) => logWald(`mu${j + 1}`, j)),
    branchingRatio: profiled("n", segments),
    decay: profiled("tau", segments + 1),
    ...common,
  };
}
