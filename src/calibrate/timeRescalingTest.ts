import { LinkageError } from "../errors/LinkageError.js";
import { autocorrelation } from "../math/autocorrelation.js";
import { type KolmogorovSmirnovResult, kolmogorovSmirnov } from "../math/kolmogorovSmirnov.js";
import { kolmogorovSmirnovCritical } from "../math/kolmogorovSmirnovDistribution.js";
import { type LjungBoxResult, ljungBox } from "../math/ljungBox.js";
import { normalQuantile } from "../math/normalQuantile.js";
import { rescaledGaps } from "./rescaledGaps.js";

/** Fewest events the diagnostics accept (Ljung–Box needs ⌊n/5⌋ ≥ 1 lags). */
export const TIME_RESCALING_MIN_EVENTS = 5;
/** Most lags the Ljung–Box test and the ACF look at by default. */
export const TIME_RESCALING_MAX_LAGS = 20;
/** Level of the QQ band and of the ACF bounds. */
const BAND_LEVEL = 0.95;

/** Points of an Exp(1) QQ plot of the rescaled gaps, with a simultaneous band. */
export interface RescaledQq {
  /** Exp(1) quantiles at the plotting positions (i − ½)/n: −ln(1 − (i − ½)/n). */
  readonly theoretical: Float64Array;
  /** The gaps, sorted ascending. */
  readonly sample: Float64Array;
  /**
   * The 95% Kolmogorov–Smirnov band for the i-th sorted gap: F⁻¹(max(0, i/n − c)) and
   * F⁻¹(min(1, (i − 1)/n + c)), F(τ) = 1 − e^{−τ}, c the test's 5% critical value. Every gap lies
   * inside exactly when the KS test does not reject at 5%. `upper` is +∞ where the band reaches 1.
   */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** c, the band's half-width on the probability scale. */
  readonly halfWidth: number;
}

/** The residual autocorrelations of the gaps with the white-noise bounds. */
export interface RescaledAcf {
  /** r₀ … r_h (index = lag; r₀ = 1). */
  readonly values: Float64Array;
  /** ±z₀.₉₇₅/√n ≈ 1.96/√n: each r_k (k ≥ 1) of white noise lies inside with probability 95%. */
  readonly bound: number;
}

/** Everything the calibration report says about a fit's time-rescaling residuals. */
export interface TimeRescalingResult {
  /** τᵢ = Λ(tᵢ) − Λ(tᵢ₋₁), Exp(1) under the fitted model. */
  readonly gaps: Float64Array;
  /** Kolmogorov–Smirnov test of the gaps against Exp(1). */
  readonly ks: KolmogorovSmirnovResult;
  /** Ljung–Box test that the gaps are uncorrelated, at `lags` lags. */
  readonly ljungBox: LjungBoxResult;
  readonly qq: RescaledQq;
  readonly acf: RescaledAcf;
}

/** Options of {@link timeRescalingTest}. */
export interface TimeRescalingOptions {
  /** Lags of the Ljung–Box test and the ACF. @default min(20, ⌊n/5⌋) */
  readonly lags?: number;
}

const exponentialCdf = (tau: number): number => -Math.expm1(-Math.max(0, tau));
const exponentialQuantile = (p: number): number =>
  p >= 1 ? Number.POSITIVE_INFINITY : -Math.log1p(-p);

/**
 * The goodness-of-fit diagnostics of a fitted point process by time rescaling: the gaps
 * τᵢ = Λ(tᵢ) − Λ(tᵢ₋₁) ({@link rescaledGaps}) are i.i.d. Exp(1) under a correct model, so
 * - their distribution is tested by Kolmogorov–Smirnov against F(τ) = 1 − e^{−τ} (equivalently
 *   uᵢ = 1 − e^{−τᵢ} against U(0, 1), the uniform QQ test of Brown et al.), and shown in an
 *   Exp(1) QQ plot with the simultaneous 95% KS band;
 * - their independence is tested by Ljung–Box on the gaps and shown by their ACF with
 *   ±1.96/√n bounds.
 *
 * Lags: h = min(20, ⌊n/5⌋). Twenty lags span the several decay times over which a missed
 * self-excitation correlates successive gaps (a Hawkes cluster holds a handful of events), while
 * h ≤ n/5 keeps Q near its χ²_h reference for short series (Ljung & Box 1978 studied h up to
 * about n/4; G. E. P. Box et al., Time Series Analysis, use about 20). No degrees of freedom are
 * subtracted: the fitted intensity is not a model of the gaps' serial dependence, and the
 * p-values (like the KS one, with parameters estimated from the same events) are conservative.
 *
 * Source: E. N. Brown, R. Barbieri, V. Ventura, R. E. Kass & L. M. Frank, Neural Computation 14
 * (2002) 325–346 (time rescaling, KS plot with band); Y. Ogata, JASA 83 (1988) 9–27 (residual
 * analysis of point processes); G. M. Ljung & G. E. P. Box, Biometrika 65 (1978) 297–303.
 *
 * @param compensatorAtEvents - Λ(t₁) … Λ(tₙ) of the fitted model, n ≥ 5
 * @throws {LinkageError} E_DOMAIN if fewer than 5 events, the compensator is not finite and
 * non-decreasing, `lags` is not in [1, n − 1], or all gaps are equal (no autocorrelation exists)
 * @example timeRescalingTest(Float64Array.of(0.5, 2, 2.25, 4, 4.1)).ks // => { statistic: 0.2065…, pValue: 0.9508…, n: 5 } (1 lag)
 */
export function timeRescalingTest(
  compensatorAtEvents: Float64Array,
  { lags }: TimeRescalingOptions = {},
): TimeRescalingResult {
  const n = compensatorAtEvents.length;
  if (n < TIME_RESCALING_MIN_EVENTS) {
    throw new LinkageError(
      "E_DOMAIN",
      `time-rescaling diagnostics need at least ${TIME_RESCALING_MIN_EVENTS} events, got ${n}`,
    );
  }
  const h = lags ?? Math.min(TIME_RESCALING_MAX_LAGS, Math.floor(n / 5));
  const gaps = rescaledGaps(compensatorAtEvents);
  const ks = kolmogorovSmirnov(gaps, exponentialCdf);
  const box = ljungBox(gaps, h);

  const sample = Float64Array.from(gaps).sort();
  const halfWidth = kolmogorovSmirnovCritical(n, 1 - BAND_LEVEL);
  const theoretical = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    theoretical[i] = exponentialQuantile((i + 0.5) / n);
    lower[i] = exponentialQuantile(Math.max(0, (i + 1) / n - halfWidth));
    upper[i] = exponentialQuantile(Math.min(1, i / n + halfWidth));
  }
  return {
    gaps,
    ks,
    ljungBox: box,
    qq: { theoretical, sample, lower, upper, halfWidth },
    acf: {
      values: autocorrelation(gaps, h),
      bound: normalQuantile(0.5 + BAND_LEVEL / 2) / Math.sqrt(n),
    },
  };
}
