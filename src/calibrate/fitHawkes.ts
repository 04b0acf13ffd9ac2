import { LinkageError } from "../errors/LinkageError.js";
import { covarianceFromInformation } from "../math/covarianceFromInformation.js";
import { type MinimizeBoundedResult, minimizeBounded } from "../math/minimizeBounded.js";
import { normalQuantile } from "../math/normalQuantile.js";
import { observedInformation } from "../math/observedInformation.js";
import { profileLikelihoodInterval } from "../math/profileLikelihoodInterval.js";
import { randomStream } from "../math/randomStream.js";
import { checkEventTimes, countBelow } from "./checkEventTimes.js";
import { checkHawkesSpec } from "./checkHawkesSpec.js";
import type { EventTimes } from "./DatedEvents.js";
import type { BranchingRatioEstimate, HawkesFit, HawkesParameterEstimate } from "./HawkesFit.js";
import type { HawkesSpec } from "./HawkesModel.js";
import { hawkesFitCoordinates } from "./hawkesFitCoordinates.js";
import {
  hawkesBackgroundSize,
  hawkesParameterCount,
  hawkesParameterNames,
  hawkesParametersOf,
} from "./hawkesParameterLayout.js";

export interface FitHawkesOptions {
  /** Random starting points. @default 10 */
  readonly starts?: number;
  /** Seed of the starting points (stream 0). @default 1 */
  readonly seed?: number;
  /** Confidence level of the intervals. @default 0.95 */
  readonly level?: number;
  /** Upper bound of the branching ratio n. @default 0.999 */
  readonly maxBranchingRatio?: number;
  /**
   * Range of the decay rates β_k (per time unit). @default [10/T, 1000·N/T]: decay times from a
   * tenth of the window (a slower kernel is a trend in the background, not excitation, and lets
   * n absorb it) down to a thousandth of the mean gap between events.
   */
  readonly decayRateRange?: readonly [number, number];
  /** Compute the branching ratio's profile-likelihood interval (the costliest step). @default true */
  readonly profile?: boolean;
  /** Iteration cap of each start's final optimisation. @default 500 */
  readonly maxIterations?: number;
}

/** Iterations every start gets before only the best few are run to convergence. */
const SCREEN_ITERATIONS = 10;
/** Starts run to convergence after screening. */
const FINALISTS = 3;
/** An estimate this close to a bound (relative for rates) is on it. */
const BOUND_TOL = 1e-9;
/** Starts whose ℓ is within this of the best count as having found it. */
const SAME_MAXIMUM_TOL = 1e-3;

/**
 * Maximum-likelihood fit of a continuous-time Hawkes model (see {@link HawkesSpec}) to event
 * times on [0, T): maximises ℓ(θ) = Σ log λ(t_i) − ∫_0^T λ ({@link hawkesLogLikelihood}, O(N)
 * with its analytic gradient) by the bounded quasi-Newton method {@link minimizeBounded}, in
 * the coordinates of {@link hawkesFitCoordinates} (log decay rates, stick-breaking weights).
 *
 * Starts: `starts` points drawn from stream 0 of `seed` (n ~ U(0.05, 0.9); β_k log-uniform
 * between the mean event rate r = N/T divided and multiplied by 100, within the range; each
 * background coefficient the empirical rate near it times (1 − n)·U(0.7, 1.3); fractions
 * v ~ U(0.2, 0.8)). Each start is improved for 10 iterations, the best 3 are run to convergence,
 * and the best maximum is kept: the same data, spec and seed give the same fit. Components are
 * then ordered by decay rate, fastest first.
 *
 * Uncertainty: the observed information I(ξ̂) (the Hessian of −ℓ by central differences of the
 * analytic gradient, {@link observedInformation}) in the natural free parameters ξ (background,
 * n, β_k, w_1 … w_{K−1}), inverted ({@link covarianceFromInformation}); standard errors are on
 * the natural scale. An estimate on a bound (a coefficient at 0, n at 0 or its maximum, a weight
 * at 0 or 1) has no standard error (NaN, with a note) and is left out of the information.
 * Intervals at the level: for rates (background coefficients, β_k) on the log scale,
 * exp(log x̂ ± z·se/x̂); for n and the weights on the logit scale, expit(logit x̂ ± z·se/(x̂(1−x̂)));
 * τ_k = 1/β_k with se_β/β̂² and the reciprocal of β_k's interval; and for n, in addition, the
 * profile-likelihood interval {v : 2(ℓ̂ − ℓ_p(v)) ≤ χ²₁(level)}, the other parameters
 * re-maximised at each v ({@link profileLikelihoodInterval}); an end where the profile stays
 * below the quantile is the bound (0 or the maximum), flagged in `profileAtBound`. The
 * per-parameter entry of n carries the profile interval.
 *
 * Sources: Y. Ogata, "The asymptotic behaviour of maximum likelihood estimators for stationary
 * point processes", Annals of the Institute of Statistical Mathematics 30 (1978) 243–261
 * (consistency and asymptotic normality of the MLE, covariance from the information);
 * T. Ozaki (1979), ibid. 31, 145–155 (the likelihood and its gradient); D. J. Venzon and
 * S. H. Moolgavkar, Applied Statistics 37 (1988) 87–94 (profile intervals).
 *
 * @throws {LinkageError} E_DOMAIN if the times are not ascending finite numbers in [0, T), T is
 * not finite and > 0, the spec is malformed or its change points or knots do not fit [0, T), or
 * an option is out of range; E_INPUT if there are fewer than 2 events or all lie at one time
 * @example fitHawkes(simulateHawkesEvents(randomStream(1, 0), spec, { background: Float64Array.of(1),
 *   branchingRatio: 0.5, decayRates: Float64Array.of(1), weights: Float64Array.of(1) }, 2000), spec)
 *   .branchingRatio.estimate // ≈ 0.5 (spec: constant background, one component)
 */
export function fitHawkes(
  events: EventTimes,
  spec: HawkesSpec,
  options: FitHawkesOptions = {},
): HawkesFit {
  checkEventTimes(events);
  checkHawkesSpec(spec, events.duration);
  const { times, duration } = events;
  const count = times.length;
  if (count < 2) {
    throw new LinkageError("E_INPUT", `a Hawkes fit needs at least 2 events, got ${count}`);
  }
  if (times[0] === times[count - 1]) {
    throw new LinkageError(
      "E_INPUT",
      `all ${count} events lie at one time (${times[0]}): a Hawkes fit needs events spread in time (jitter day dates first)`,
    );
  }
  const starts = options.starts ?? 10;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  const maxN = options.maxBranchingRatio ?? 0.999;
  const rate = count / duration;
  const [betaMin, betaMax] = options.decayRateRange ?? [10 / duration, (1000 * count) / duration];
  const maxIterations = options.maxIterations ?? 500;
  if (!(Number.isInteger(starts) && starts >= 1)) {
    throw new LinkageError("E_DOMAIN", `fitHawkes: starts must be an integer ≥ 1, got ${starts}`);
  }
  if (!(level > 0 && level < 1))
    throw new LinkageError("E_DOMAIN", `fitHawkes: level must be in (0, 1), got ${level}`);
  if (!(maxN > 0 && maxN < 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `fitHawkes: maxBranchingRatio must be in (0, 1), got ${maxN}`,
    );
  }
  if (!(betaMin > 0 && betaMax > betaMin && Number.isFinite(betaMax))) {
    throw new LinkageError(
      "E_DOMAIN",
      `fitHawkes: decayRateRange must be 0 < min < max < ∞, got [${betaMin}, ${betaMax}]`,
    );
  }
  const b = hawkesBackgroundSize(spec.background);
  const k = spec.components;
  const coordinates = hawkesFitCoordinates(events, spec);
  const size = coordinates.size;
  // bounds and scales in ψ
  const lower = new Float64Array(size);
  const upper = new Float64Array(size);
  const scale = new Float64Array(size).fill(1);
  for (let j = 0; j < b; j++) {
    upper[j] = Number.POSITIVE_INFINITY;
    scale[j] = rate;
  }
  upper[b] = maxN;
  for (let j = 0; j < k; j++) {
    lower[b + 1 + j] = Math.log(betaMin);
    upper[b + 1 + j] = Math.log(betaMax);
  }
  for (let j = 0; j < k - 1; j++) upper[b + 1 + k + j] = 1;

  // starts, screened, the best few run to convergence
  const localRates = backgroundStartRates(events, spec);
  const rng = randomStream(seed, 0);
  const screened: MinimizeBoundedResult[] = [];
  for (let s = 0; s < starts; s++) {
    const psi = new Float64Array(size);
    const n0 = 0.05 + 0.85 * rng.next();
    psi[b] = n0;
    for (let j = 0; j < b; j++) psi[j] = localRates[j]! * (1 - n0) * (0.7 + 0.6 * rng.next());
    const logLow = Math.max(lower[b + 1]!, Math.log(rate / 100));
    const logHigh = Math.min(upper[b + 1]!, Math.log(rate * 100));
    for (let j = 0; j < k; j++) {
      psi[b + 1 + j] =
        logHigh > logLow
          ? logLow + (logHigh - logLow) * rng.next()
          : (lower[b + 1]! + upper[b + 1]!) / 2;
    }
    for (let j = 0; j < k - 1; j++) psi[b + 1 + k + j] = 0.2 + 0.6 * rng.next();
    screened.push(
      minimizeBounded(coordinates.psiObjective, psi, {
        lower,
        upper,
        scale,
        maxIterations: SCREEN_ITERATIONS,
      }),
    );
  }
  const order = screened.map((_, s) => s).sort((x, y) => screened[x]!.value - screened[y]!.value);
  let best: MinimizeBoundedResult | undefined;
  let bestIterations = 0;
  const finalValues: number[] = [];
  for (const s of order.slice(0, FINALISTS)) {
    const first = screened[s]!;
    const result = first.converged
      ? first
      : minimizeBounded(coordinates.psiObjective, first.x, {
          lower,
          upper,
          scale,
          maxIterations,
          inverseHessian: first.inverseHessian,
        });
    finalValues.push(result.value);
    if (!best || result.value < best.value) {
      best = result;
      bestIterations = first.iterations + (result === first ? 0 : result.iterations);
    }
  }
  if (!best) throw new LinkageError("E_SOLVER", "fitHawkes: no start was run");
  const psiHat = best.x;
  const minimum = best.value;
  const startsAtBest =
    finalValues.filter((v) => v - minimum <= SAME_MAXIMUM_TOL).length +
    order.slice(FINALISTS).filter((s) => screened[s]!.value - minimum <= SAME_MAXIMUM_TOL).length;

  // θ̂, components ordered fastest first
  const p = hawkesParameterCount(spec);
  const rawTheta = new Float64Array(p);
  coordinates.thetaOfPsi(psiHat, rawTheta);
  const theta = orderComponents(rawTheta, b, k);
  const warnings: string[] = [];
  if (!best.converged)
    warnings.push(
      `the best start did not converge (${best.reason} after ${bestIterations} iterations)`,
    );

  // observed information in ξ over the coordinates off their bounds
  const xi = coordinates.xiOfTheta(theta);
  const xiLower = new Float64Array(size);
  const xiUpper = new Float64Array(size);
  const xiScale = new Float64Array(size).fill(1e-3);
  for (let j = 0; j < b; j++) {
    xiUpper[j] = Number.POSITIVE_INFINITY;
    xiScale[j] = rate * 1e-3;
  }
  xiUpper[b] = maxN;
  for (let j = 0; j < k; j++) {
    xiLower[b + 1 + j] = betaMin;
    xiUpper[b + 1 + j] = betaMax;
    xiScale[b + 1 + j] = betaMin;
  }
  for (let j = 0; j < k - 1; j++) xiUpper[b + 1 + k + j] = 1;
  const names = hawkesParameterNames(spec);
  const xiNames = [...names.slice(0, b + 1 + k), ...names.slice(b + 1 + k, b + 2 * k)];
  // the optimiser projects onto bounds, so an estimate on one sits there to rounding
  const onBound = (j: number): boolean => {
    const x = xi[j]!;
    if (j < b) return x <= BOUND_TOL * rate;
    if (j === b) return x <= BOUND_TOL || x >= maxN - BOUND_TOL;
    if (j <= b + k)
      return (
        Math.abs(Math.log(x / betaMin)) <= BOUND_TOL || Math.abs(Math.log(betaMax / x)) <= BOUND_TOL
      );
    // a free weight: on a bound also when the last weight is 0
    return x <= BOUND_TOL || x >= 1 - BOUND_TOL || theta[b + 2 * k]! <= BOUND_TOL;
  };
  const interior = Array.from({ length: size }, (_, j) => j).filter((j) => !onBound(j));
  const standardError = new Float64Array(size).fill(Number.NaN);
  const covariance = new Float64Array(size * size).fill(Number.NaN);
  for (let j = 0; j < size; j++)
    if (onBound(j))
      warnings.push(`${xiNames[j]} is on a bound of its range (${xi[j]}): no standard error`);
  if (interior.length > 0) {
    try {
      const info = observedInformation(coordinates.xiObjective, xi, {
        lower: xiLower,
        upper: xiUpper,
        indices: interior,
        scale: xiScale,
      });
      const inverse = covarianceFromInformation(
        info,
        interior.length,
        interior.map((j) => xiNames[j]!),
      );
      interior.forEach((j, a) => {
        standardError[j] = Math.sqrt(inverse[a * interior.length + a]!);
        interior.forEach((m, c) => {
          covariance[j * size + m] = inverse[a * interior.length + c]!;
        });
      });
    } catch (error) {
      if (!(error instanceof LinkageError)) throw error;
      warnings.push(error.message);
    }
  }

  const z = normalQuantile(0.5 + level / 2);
  const nHat = theta[b]!;
  const nSe = standardError[b]!;
  let profile: [number, number] = [Number.NaN, Number.NaN];
  let profileAtBound: [boolean, boolean] = [false, false];
  if (options.profile ?? true) {
    const psiOrdered = psiOfTheta(theta, b, k);
    // the covariance in ψ (log β: divide by β), when complete, warm-starts the profile's
    // re-maximisations; with three or more components ψ's fractions are not ξ's weights
    const psiCovariance = new Float64Array(size * size);
    for (let x = 0; x < size; x++) {
      for (let y = 0; y < size; y++) {
        const dx = x > b && x <= b + k ? theta[x]! : 1;
        const dy = y > b && y <= b + k ? theta[y]! : 1;
        psiCovariance[x * size + y] = covariance[x * size + y]! / (dx * dy);
      }
    }
    const warmStart =
      k <= 2 && psiCovariance.every(Number.isFinite) ? { inverseHessian: psiCovariance } : {};
    const interval = profileLikelihoodInterval(coordinates.psiObjective, psiOrdered, minimum, b, {
      lower,
      upper,
      scale,
      critical: z * z,
      ...(Number.isFinite(nSe) && nSe > 0 ? { standardError: nSe } : {}),
      maxIterations,
      ...warmStart,
    });
    profile = [interval.lower, interval.upper];
    profileAtBound = [interval.lowerAtBound, interval.upperAtBound];
  }
  const branchingRatio: BranchingRatioEstimate = {
    estimate: nHat,
    standardError: nSe,
    wald: logitWald(nHat, nSe, z),
    profile,
    profileAtBound,
  };

  const estimates: HawkesParameterEstimate[] = [];
  const note = (j: number) => (onBound(j) ? "on a bound of its range: no standard error" : "");
  for (let j = 0; j < b; j++) {
    const [lo, hi] = logWald(theta[j]!, standardError[j]!, z);
    estimates.push({
      name: names[j]!,
      estimate: theta[j]!,
      standardError: standardError[j]!,
      lower: lo,
      upper: hi,
      interval: "log-scale Wald",
      note: note(j),
    });
  }
  if (options.profile ?? true) {
    estimates.push({
      name: "n",
      estimate: nHat,
      standardError: nSe,
      lower: profile[0],
      upper: profile[1],
      interval: "profile likelihood",
      note:
        profileAtBound[0] || profileAtBound[1]
          ? "the profile interval reaches a bound of n's range"
          : note(b),
    });
  } else {
    estimates.push({
      name: "n",
      estimate: nHat,
      standardError: nSe,
      lower: branchingRatio.wald[0],
      upper: branchingRatio.wald[1],
      interval: "logit-scale Wald",
      note: note(b),
    });
  }
  const betaIntervals: [number, number][] = [];
  for (let j = 0; j < k; j++) {
    const at = b + 1 + j;
    const interval = logWald(theta[at]!, standardError[at]!, z);
    betaIntervals.push(interval);
    estimates.push({
      name: names[at]!,
      estimate: theta[at]!,
      standardError: standardError[at]!,
      lower: interval[0],
      upper: interval[1],
      interval: "log-scale Wald",
      note: note(at),
    });
  }
  if (k > 1) {
    for (let j = 0; j < k; j++) {
      const at = b + 1 + k + j;
      let se: number;
      if (j < k - 1) se = standardError[at]!;
      else {
        // w_K = 1 − Σ_{j<K} w_j: var = 1ᵀ Σ_w 1
        let variance = 0;
        for (let x = b + 1 + k; x < size; x++)
          for (let y = b + 1 + k; y < size; y++) variance += covariance[x * size + y]!;
        se = Math.sqrt(variance);
      }
      const [lo, hi] = logitWald(theta[at]!, se, z);
      estimates.push({
        name: names[at]!,
        estimate: theta[at]!,
        standardError: se,
        lower: lo,
        upper: hi,
        interval: "logit-scale Wald",
        note: Number.isNaN(se)
          ? "no standard error (a weight on a bound, or a singular information)"
          : "",
      });
    }
  }
  for (let j = 0; j < k; j++) {
    const at = b + 1 + j;
    const beta = theta[at]!;
    const [lo, hi] = betaIntervals[j]!;
    estimates.push({
      name: k === 1 ? "tau" : `tau_${j + 1}`,
      estimate: 1 / beta,
      standardError: standardError[at]! / (beta * beta),
      lower: 1 / hi,
      upper: 1 / lo,
      interval: "reciprocal of beta's",
      note: note(at),
    });
  }

  return {
    spec,
    parameters: hawkesParametersOf(spec, theta),
    theta,
    estimates,
    branchingRatio,
    logLikelihood: -minimum,
    parameterCount: size,
    eventCount: count,
    duration,
    converged: best.converged,
    iterations: bestIterations,
    starts,
    startsAtBest,
    level,
    warnings,
  };
}

/** exp(log x ± z·se/x); NaN ends without a standard error. */
function logWald(x: number, se: number, z: number): [number, number] {
  if (!(se >= 0) || !(x > 0)) return [Number.NaN, Number.NaN];
  const half = (z * se) / x;
  return [x * Math.exp(-half), x * Math.exp(half)];
}

/** expit(logit x ± z·se/(x(1 − x))); NaN ends without a standard error. */
function logitWald(x: number, se: number, z: number): [number, number] {
  if (!(se >= 0) || !(x > 0 && x < 1)) return [Number.NaN, Number.NaN];
  const logit = Math.log(x / (1 - x));
  const half = (z * se) / (x * (1 - x));
  const expit = (v: number) => 1 / (1 + Math.exp(-v));
  return [expit(logit - half), expit(logit + half)];
}

/** θ with the components (β_k, w_k) sorted by β descending. */
function orderComponents(theta: Float64Array, b: number, k: number): Float64Array {
  const order = Array.from({ length: k }, (_, j) => j).sort(
    (x, y) => theta[b + 1 + y]! - theta[b + 1 + x]!,
  );
  const out = Float64Array.from(theta);
  order.forEach((from, to) => {
    out[b + 1 + to] = theta[b + 1 + from]!;
    out[b + 1 + k + to] = theta[b + 1 + k + from]!;
  });
  return out;
}

/** ψ of θ (the inverse of thetaOfPsi): log β, stick-breaking fractions. */
function psiOfTheta(theta: Float64Array, b: number, k: number): Float64Array {
  const psi = new Float64Array(b + 2 * k);
  for (let j = 0; j <= b; j++) psi[j] = theta[j]!;
  for (let j = 0; j < k; j++) psi[b + 1 + j] = Math.log(theta[b + 1 + j]!);
  let rest = 1;
  for (let j = 0; j < k - 1; j++) {
    const w = theta[b + 1 + k + j]!;
    psi[b + 1 + k + j] = rest > 0 ? Math.min(1, Math.max(0, w / rest)) : 0.5;
    rest -= w;
  }
  return psi;
}

/**
 * The empirical event rate near each background coefficient: per segment (piecewise), in a
 * window of one knot spacing around each knot (spline), overall (constant); at least a tenth of
 * the overall rate, so every start has a positive background.
 */
function backgroundStartRates(events: EventTimes, spec: HawkesSpec): Float64Array {
  const { times, duration } = events;
  const overall = times.length / duration;
  const bg = spec.background;
  const edges: [number, number][] =
    bg.kind === "constant"
      ? [[0, duration]]
      : bg.kind === "piecewise"
        ? [0, ...bg.changePoints].map((start, j) => [
            start,
            j < bg.changePoints.length ? bg.changePoints[j]! : duration,
          ])
        : bg.knots.map((knot, j) => {
            const before = j > 0 ? (knot - bg.knots[j - 1]!) / 2 : 0;
            const after = j + 1 < bg.knots.length ? (bg.knots[j + 1]! - knot) / 2 : 0;
            return [Math.max(0, knot - before - after), Math.min(duration, knot + before + after)];
          });
  return Float64Array.from(edges, ([a, z]) => {
    const local = z > a ? (countBelow(times, z) - countBelow(times, a)) / (z - a) : overall;
    return Math.max(local, 0.1 * overall);
  });
}
