/**
 * Random variate samplers, each a free function of an injected {@link RandomStream}.
 *
 * Every sampler consumes a documented number of uniforms per call (fixed, except for the
 * rejection step of large-mean Poisson), so common-random-number experiments stay aligned.
 * Arguments are checked on every call (cheap comparisons) and bad ones raise
 * `LinkageError("E_DOMAIN")`.
 *
 * @module
 */
import { LinkageError } from "../errors/LinkageError.js";
import { logGamma } from "./betaQuantile.js";
import type { RandomStream } from "./randomStream.js";
import { standardNormal } from "./standardNormal.js";

/** Means below this use sequential-search inversion; from here on, PTRS. */
export const POISSON_INVERSION_LIMIT = 30;

/** Above this many events, {@link severity} stops drawing every event (see there). */
export const SEVERITY_EXACT_EVENTS = 1000;

/** Means above this are refused by {@link poisson}: a count of 10⁹ events in one step is a runaway process, not a rate. */
export const MAX_POISSON_MEAN = 1e9;

function domain(message: string): LinkageError {
  return new LinkageError("E_DOMAIN", message);
}

/**
 * A uniform draw on [0, 1) (53 random bits). Consumes one `next()`.
 *
 * @example uniform(randomStream(0, 0)) // => 0.9662023203664082
 */
export function uniform(rng: RandomStream): number {
  return rng.next();
}

/**
 * A Bernoulli(p) draw: 1 with probability p, else 0; computed as [U < p]. Consumes one uniform.
 *
 * Source: definition (inversion of the two-point CDF).
 * @throws {LinkageError} E_DOMAIN if p ∉ [0, 1]
 * @example bernoulli(randomStream(0, 0), 0.5) // => 0 (U = 0.966…)
 */
export function bernoulli(rng: RandomStream, p: number): number {
  if (!(p >= 0 && p <= 1)) throw domain(`bernoulli requires 0 ≤ p ≤ 1, got ${p}`);
  return rng.next() < p ? 1 : 0;
}

/**
 * A normal draw N(mean, sd²): mean + sd·Z with Z from the ziggurat method ({@link standardNormal}).
 *
 * Source: G. Marsaglia & W. W. Tsang, Journal of Statistical Software 5(8), 2000.
 * @throws {LinkageError} E_DOMAIN if sd < 0 or sd is NaN
 * @example normal(randomStream(0, 0), 0, 1) // a standard normal draw
 */
export function normal(rng: RandomStream, mean: number, sd: number): number {
  if (!(sd >= 0)) throw domain(`normal requires sd ≥ 0, got ${sd}`);
  return mean + sd * standardNormal(rng);
}

/**
 * A lognormal draw exp(N(meanlog, sdlog²)); median e^meanlog, mean e^{meanlog + sdlog²/2}.
 * (see {@link normal}).
 *
 * Source: definition (N. L. Johnson, S. Kotz & N. Balakrishnan, Continuous Univariate
 * Distributions, vol. 1, ch. 14).
 * @throws {LinkageError} E_DOMAIN if sdlog < 0 or NaN
 * @example lognormal(randomStream(0, 0), Math.log(2), 1) // a draw with median 2
 */
export function lognormal(rng: RandomStream, meanlog: number, sdlog: number): number {
  if (!(sdlog >= 0)) throw domain(`lognormal requires sdlog ≥ 0, got ${sdlog}`);
  return Math.exp(normal(rng, meanlog, sdlog));
}

/** Inversion by sequential search from 0: one uniform. */
function poissonInversion(rng: RandomStream, mean: number): number {
  const u = rng.next();
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  while (u >= cdf) {
    k++;
    p *= mean / k;
    // past the point where terms no longer change the CDF: u lies in the rounding gap
    if (p <= cdf * Number.EPSILON) break;
    cdf += p;
  }
  return k;
}

/** Hörmann's PTRS: two uniforms per trial, acceptance above 0.89 for mean ≥ 10. */
function poissonPtrs(rng: RandomStream, mean: number): number {
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b);
    if (lhs <= -mean + k * logMean - logGamma(k + 1)) return k;
  }
}

/**
 * An exact Poisson(mean) draw.
 *
 * - mean = 0: returns 0 without consuming randomness;
 * - mean < 30: inversion by sequential search, k = min{k : F(k) > U} with
 *   F(k) = Σ_{j≤k} e^{−μ}μʲ/j!, one uniform (Devroye 1986, §X.3.2);
 * - mean ≥ 30: PTRS, transformed rejection with squeeze: k = ⌊(2a/uₛ + b)·U + μ + 0.43⌋,
 *   U ~ U(−½, ½), uₛ = ½ − |U|, b = 0.931 + 2.53√μ, a = −0.059 + 0.02483b; accept when
 *   uₛ ≥ 0.07 and V ≤ 0.9277 − 3.6224/(b − 2), else when
 *   ln(V·α⁻¹/(a/uₛ² + b)) ≤ −μ + k ln μ − ln k!, α⁻¹ = 1.1239 + 1.1328/(b − 3.4); two uniforms
 *   per trial, about 1.1 trials.
 *
 * Source: W. Hörmann, "The transformed rejection method for generating Poisson random
 * variables", Insurance: Mathematics and Economics 12 (1993), 39–45 (algorithm PTRS);
 * L. Devroye, Non-Uniform Random Variate Generation (1986), §X.3.
 * @throws {LinkageError} E_DOMAIN if mean is negative, NaN or infinite
 * @example poisson(randomStream(0, 0), 0) // => 0
 */
export function poisson(rng: RandomStream, mean: number): number {
  if (!(mean >= 0 && mean < Number.POSITIVE_INFINITY)) {
    throw domain(`poisson requires a finite mean ≥ 0, got ${mean}`);
  }
  if (mean > MAX_POISSON_MEAN) {
    throw domain(
      `poisson requires a mean ≤ ${MAX_POISSON_MEAN} (a rate of events a step, not a runaway process), got ${mean}`,
    );
  }
  if (mean === 0) return 0;
  return mean < POISSON_INVERSION_LIMIT ? poissonInversion(rng, mean) : poissonPtrs(rng, mean);
}

/**
 * A Pareto (power-law) draw with density ((α−1)/xmin)·(x/xmin)^{−α} for x ≥ xmin, by inversion:
 * X = xmin·(1 − U)^{−1/(α−1)}. One uniform. Mean xmin(α−1)/(α−2) for α > 2 (infinite
 * otherwise); variance finite only for α > 3.
 *
 * Source: A. Clauset, C. R. Shalizi & M. E. J. Newman, "Power-law distributions in empirical
 * data", SIAM Review 51 (2009), eq. (D.4).
 * @throws {LinkageError} E_DOMAIN unless xmin > 0 and α > 1 (both finite)
 * @example powerlaw(randomStream(0, 0), 10, 2.4) // a draw ≥ 10
 */
export function powerlaw(rng: RandomStream, xmin: number, alpha: number): number {
  if (!(xmin > 0 && xmin < Number.POSITIVE_INFINITY)) {
    throw domain(`powerlaw requires a finite xmin > 0, got ${xmin}`);
  }
  if (!(alpha > 1 && alpha < Number.POSITIVE_INFINITY)) {
    throw domain(`powerlaw requires a finite alpha > 1, got ${alpha}`);
  }
  return xmin * (1 - rng.next()) ** (-1 / (alpha - 1));
}

/**
 * Mean of a power law with density ∝ x^−α on [xmin, xmax] (xmax may be ∞):
 * (α−1)/(α−2)·xmin·(1 − r^(α−2))/(1 − r^(α−1)) with r = xmin/xmax, and
 * xmin·ln(xmax/xmin)/(1 − r) at α = 2; ∞ when xmax = ∞ and α ≤ 2.
 *
 * Source: A. Clauset, C. R. Shalizi & M. E. J. Newman (2009), §2, integrated on [xmin, xmax].
 * @example powerlawMean(10, 2.4) // => 35 = 10·1.4/0.4
 */
export function powerlawMean(xmin: number, alpha: number, xmax = Number.POSITIVE_INFINITY): number {
  if (xmax === Number.POSITIVE_INFINITY)
    return alpha > 2 ? (xmin * (alpha - 1)) / (alpha - 2) : Number.POSITIVE_INFINITY;
  if (xmax === xmin) return xmin;
  const r = xmin / xmax;
  if (Math.abs(alpha - 2) < 1e-12) return (xmin * Math.log(xmax / xmin)) / (1 - r);
  return (
    (((alpha - 1) / (alpha - 2)) * xmin * -Math.expm1((alpha - 2) * Math.log(r))) /
    -Math.expm1((alpha - 1) * Math.log(r))
  );
}

/**
 * Total severity of n independent events (fatalities of n attacks, MODEL.md §3): each event
 * is, with probability pmass, a mass-casualty draw powerlaw(xmin, α), otherwise a routine draw
 * lognormal(ln median, σ). Per event: one uniform for the choice, then one (power law) or two
 * (lognormal, by the ziggurat) draws. n = 0 gives 0.
 *
 * Formula: S = Σᵢ₌₁ⁿ Xᵢ, Xᵢ ~ pmass·Pareto(xmin, α) + (1 − pmass)·LogNormal(ln median, σ²);
 * E[S] = n·(pmass·xmin(α−1)/(α−2) + (1 − pmass)·median·e^{σ²/2}) for α > 2.
 *
 * Cost is bounded whatever n is. Up to {@link SEVERITY_EXACT_EVENTS} events every event is drawn
 * (exact). Beyond that: the number K of mass-casualty events is drawn from Binomial(n, pmass)
 * ({@link binomial}); the n − K routine events, when more than the limit, are summed by their
 * normal limit (central limit theorem with the lognormal's exact mean and variance, floored at
 * 0); the K power-law events, when more than the limit, are the sum of SEVERITY_EXACT_EVENTS
 * draws scaled by K / SEVERITY_EXACT_EVENTS (the same mean; the spread of a heavy-tailed sum is
 * understated). docs/limits.md states this cap.
 *
 * With a finite `xmax` the power law is truncated there (density ∝ x^−α on [xmin, xmax], drawn
 * by inversion, {@link truncatedPowerlaw}): every moment is then finite, where the untruncated
 * tail with α ≤ 3 has infinite variance (docs/model.md, "Fatalities").
 *
 * Source: mixture by composition (Devroye 1986, §II.4).
 * @throws {LinkageError} E_DOMAIN if n is not a whole number in [0, 2⁵³), pmass ∉ [0, 1],
 * median ≤ 0, σ < 0, xmin ≤ 0, α ≤ 1 or xmax < xmin
 * @example severity(randomStream(0, 0), 0, 0.05, 2, 1, 10, 2.4) // => 0
 */
export function severity(
  rng: RandomStream,
  n: number,
  pmass: number,
  median: number,
  sigma: number,
  xmin: number,
  alpha: number,
  xmax = Number.POSITIVE_INFINITY,
): number {
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw domain(`severity requires a whole count n from 0 to 2^53 − 1, got ${n}`);
  }
  if (!(pmass >= 0 && pmass <= 1)) throw domain(`severity requires 0 ≤ pmass ≤ 1, got ${pmass}`);
  if (!(median > 0)) throw domain(`severity requires median > 0, got ${median}`);
  if (!(sigma >= 0)) throw domain(`severity requires sigma ≥ 0, got ${sigma}`);
  if (!(xmin > 0 && alpha > 1)) {
    throw domain(`severity requires xmin > 0 and alpha > 1, got xmin=${xmin}, alpha=${alpha}`);
  }
  if (!(xmax >= xmin))
    throw domain(`severity requires xmax ≥ xmin, got xmax=${xmax}, xmin=${xmin}`);
  const meanlog = Math.log(median);
  // inversion constants of the (possibly truncated) power law: X = xmin·(1 − U·span)^(−1/(α−1))
  const span =
    xmax === Number.POSITIVE_INFINITY ? 1 : -Math.expm1((alpha - 1) * Math.log(xmin / xmax));
  const exponent = -1 / (alpha - 1);
  if (n <= SEVERITY_EXACT_EVENTS) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (rng.next() < pmass) {
        total += xmin * (1 - rng.next() * span) ** exponent;
        continue;
      }
      total += Math.exp(meanlog + sigma * standardNormal(rng));
    }
    return total;
  }
  const massive = binomial(rng, n, pmass);
  const routine = n - massive;
  let total = 0;
  if (routine <= SEVERITY_EXACT_EVENTS) {
    for (let i = 0; i < routine; i++) total += Math.exp(meanlog + sigma * standardNormal(rng));
  } else {
    const s2 = sigma * sigma;
    const mean = median * Math.exp(s2 / 2);
    const variance = median * median * Math.exp(s2) * Math.expm1(s2);
    total += Math.max(0, routine * mean + Math.sqrt(routine * variance) * standardNormal(rng));
  }
  const drawn = Math.min(massive, SEVERITY_EXACT_EVENTS);
  let heavy = 0;
  for (let i = 0; i < drawn; i++) heavy += xmin * (1 - rng.next() * span) ** exponent;
  return total + (drawn === 0 ? 0 : (heavy * massive) / drawn);
}

/**
 * A Binomial(n, p) draw in bounded time. With q = min(p, 1 − p): when n·q ≤ 100, the count of
 * successes by geometric waiting times (exact; about n·q + 1 uniforms); otherwise the normal
 * limit N(np, np(1 − p)) with continuity correction, rounded and clamped to [0, n] (its error
 * in distribution is O(1/√(np(1 − p))) ≤ 0.1 there).
 *
 * Source: Devroye (1986), §X.4 (waiting times), and the de Moivre–Laplace theorem.
 * @throws {LinkageError} E_DOMAIN unless n is a non-negative integer and p ∈ [0, 1]
 */
export function binomial(rng: RandomStream, n: number, p: number): number {
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw domain(`binomial requires a non-negative integer n, got ${n}`);
  }
  if (!(p >= 0 && p <= 1)) throw domain(`binomial requires 0 ≤ p ≤ 1, got ${p}`);
  const q = Math.min(p, 1 - p);
  if (q === 0 || n === 0) return p > 0.5 ? n : 0;
  let successes: number;
  if (n * q <= 100) {
    // the trials between successes of probability q are geometric: count the successes in n trials
    const logFail = Math.log1p(-q);
    successes = 0;
    let position = 0;
    for (;;) {
      position += Math.floor(Math.log1p(-rng.next()) / logFail) + 1;
      if (position > n) break;
      successes++;
    }
  } else {
    const draw = Math.round(n * q + Math.sqrt(n * q * (1 - q)) * standardNormal(rng));
    successes = Math.min(n, Math.max(0, draw));
  }
  return p > 0.5 ? n - successes : successes;
}
