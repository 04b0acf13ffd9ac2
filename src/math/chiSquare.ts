import { LinkageError } from "../errors/LinkageError.js";
import { logGamma } from "./betaQuantile.js";
import { normalQuantile } from "./normalQuantile.js";
import { logGammaDensityFactor, regularizedGammaP, regularizedGammaQ } from "./regularizedGamma.js";

/** Relative step at which the quantile iteration stops. */
const QUANTILE_REL_TOL = 1e-15;
const QUANTILE_MAX_ITER = 300;

function checkDegrees(name: string, k: number): void {
  if (!(k > 0 && Number.isFinite(k))) {
    throw new LinkageError(
      "E_DOMAIN",
      `${name} requires finite degrees of freedom k > 0, got ${k}`,
    );
  }
}

function checkStatistic(name: string, x: number): void {
  if (Number.isNaN(x)) throw new LinkageError("E_DOMAIN", `${name}: x is NaN`);
}

/**
 * The χ² distribution function with k degrees of freedom, P(X ≤ x) = P(k/2, x/2), the
 * regularised lower incomplete gamma function ({@link regularizedGammaP}); 0 for x ≤ 0.
 *
 * Source: DLMF 8.2.4 with the χ²ₖ = Gamma(k/2, scale 2) identity (M. Abramowitz &
 * I. A. Stegun, Handbook (1964), 26.4.19).
 *
 * @param k - degrees of freedom, finite and positive (need not be an integer)
 * @throws {LinkageError} E_DOMAIN if k is not finite and positive or x is NaN
 * @example chiSquareCdf(3.841458820694124, 1) // => 0.9499999999999998 (R: pchisq(3.841458820694124, 1))
 */
export function chiSquareCdf(x: number, k: number): number {
  checkDegrees("chiSquareCdf", k);
  checkStatistic("chiSquareCdf", x);
  return x <= 0 ? 0 : regularizedGammaP(k / 2, x / 2);
}

/**
 * The χ² survival function with k degrees of freedom, P(X > x) = Q(k/2, x/2), the upper
 * tail computed directly ({@link regularizedGammaQ}), so small p-values keep their relative
 * accuracy; 1 for x ≤ 0.
 *
 * Source: DLMF 8.2.4 with χ²ₖ = Gamma(k/2, scale 2) (Abramowitz & Stegun 26.4.19).
 *
 * @param k - degrees of freedom, finite and positive
 * @throws {LinkageError} E_DOMAIN if k is not finite and positive or x is NaN
 * @example chiSquareSurvival(18.307038053275146, 10) // => 0.049999999999999864 (R: pchisq(18.307038053275146, 10, lower = FALSE) = 0.05)
 */
export function chiSquareSurvival(x: number, k: number): number {
  checkDegrees("chiSquareSurvival", k);
  checkStatistic("chiSquareSurvival", x);
  return x <= 0 ? 1 : regularizedGammaQ(k / 2, x / 2);
}

/**
 * Quantile function of the χ² distribution with k degrees of freedom: the x ≥ 0 with
 * P(X ≤ x) = p.
 *
 * Method: start from the Wilson–Hilferty approximation x ≈ k(1 − 2/(9k) + z√(2/(9k)))³,
 * z = Φ⁻¹(p), or, in the lower tail of small k, from P(k/2, x/2) ≈ (x/2)^{k/2}/Γ(k/2 + 1);
 * then Newton steps x ← x − r/f on the residual r taken in the tail that holds p (so
 * χ²ₖ(1 − 1e-12) keeps its digits), f the χ² density, with bisection whenever a step leaves
 * the bracket. Relative accuracy about 1e-14.
 *
 * Source: E. B. Wilson & M. M. Hilferty, "The distribution of chi-square", PNAS 17 (1931)
 * 684–688 (the starting value); DLMF 8.2.4 / 8.7.1 / 8.9.2 for the CDF.
 *
 * @param p - probability in [0, 1]; 1 gives +∞
 * @throws {LinkageError} E_DOMAIN if p is outside [0, 1] or k is not finite and positive
 * @example chiSquareQuantile(0.95, 1) // => 3.841458820694129 (R: qchisq(0.95, 1) = 3.841458820694124; exact z₀.₉₇₅² = 3.8414588206941245…)
 */
export function chiSquareQuantile(p: number, k: number): number {
  checkDegrees("chiSquareQuantile", k);
  if (!(p >= 0 && p <= 1)) {
    throw new LinkageError("E_DOMAIN", `chiSquareQuantile requires 0 ≤ p ≤ 1, got ${p}`);
  }
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const a = k / 2;
  const useLower = p <= 0.5;
  const q = 1 - p;
  // increasing in x in both tails
  const residual = (x: number): number =>
    useLower ? regularizedGammaP(a, x / 2) - p : q - regularizedGammaQ(a, x / 2);
  const density = (x: number): number => Math.exp(logGammaDensityFactor(a, x / 2)) / x;

  let x: number;
  const z = normalQuantile(p);
  const c = 2 / (9 * k);
  const wilsonHilferty = k * (1 - c + z * Math.sqrt(c)) ** 3;
  const lowerTail = 2 * Math.exp((Math.log(p) + logGamma(a + 1)) / a);
  if (useLower && (wilsonHilferty <= 0 || lowerTail < wilsonHilferty)) x = lowerTail;
  else x = wilsonHilferty;
  if (!(x > 0 && Number.isFinite(x))) x = k;

  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  for (let iter = 0; iter < QUANTILE_MAX_ITER; iter++) {
    const r = residual(x);
    if (r === 0) return x;
    if (r < 0) lo = x;
    else hi = x;
    let next = x - r / density(x);
    // far in a tail the density is tiny and a Newton step can leap orders of magnitude
    if (next > 4 * x) next = 4 * x;
    if (!(next > lo && next < hi)) {
      // bisect (geometrically while the bracket spans orders of magnitude)
      if (hi === Number.POSITIVE_INFINITY) next = 2 * x;
      else if (lo === 0) next = hi / 16;
      else next = hi > 16 * lo ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
      if (!(next > lo && next < hi)) return x; // bracket collapsed to adjacent doubles
    }
    if (Math.abs(next - x) <= QUANTILE_REL_TOL * next) return next;
    x = next;
  }
  return x;
}
