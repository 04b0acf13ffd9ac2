import { LinkageError } from "../errors/LinkageError.js";
// type-only: no runtime dependency of math/ on scenario/
import type { Prior } from "../scenario/scenarioSchema.js";
import { betaQuantile } from "./betaQuantile.js";
import { normalQuantile } from "./normalQuantile.js";

// W. J. Cody (1969), rational Chebyshev approximations for erf on |x| ≤ 0.5 …
const ERF_A = [
  3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315,
] as const;
const ERF_B = [
  23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171,
] as const;
// … erfc on 0.5 ≤ x ≤ 4 …
const ERFC_C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
] as const;
const ERFC_D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
] as const;
// … and x²·e^{x²}·erfc(x)·x − 1/√π on x ≥ 4.
const ERFC_P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275,
  0.0006587491615298378, 0.016315387137302097,
] as const;
const ERFC_Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132,
  0.0023352049762686918,
] as const;
const INV_SQRT_PI = 0.5641895835477563;
const SQRT_HALF = Math.SQRT1_2;
const SQRT_TWO_PI = 2.5066282746310002;
/** From here on erfc(x) < 2⁻¹⁰⁷⁴ rounds to 0 (and ±∞ is handled without NaN). */
const ERFC_ZERO_FROM = 27.3;

/** e^{−x²} with x² split as (⌊16x⌋/16)² + δ, so the large part is exact (Cody's device). */
function expMinusSquare(x: number): number {
  const hi = Math.trunc(x * 16) / 16;
  const del = (x - hi) * (x + hi);
  return Math.exp(-hi * hi) * Math.exp(-del);
}

/**
 * The complementary error function erfc(x) = (2/√π)∫ₓ^∞ e^{−t²} dt.
 *
 * Three rational Chebyshev approximations: erf(x) = x·R₁(x²) for |x| ≤ 0.5;
 * erfc(x) = e^{−x²}·R₂(x) for 0.5 < x ≤ 4; erfc(x) = (e^{−x²}/x)·(1/√π + R₃(1/x²)/x²) for
 * x > 4; erfc(−x) = 2 − erfc(x). Relative error below about 1e-15 (tests ask 1e-13).
 *
 * Source: W. J. Cody, "Rational Chebyshev approximations for the error function",
 * Mathematics of Computation 23 (1969), 631–637; the coefficients and the exact
 * splitting of e^{−x²} follow Cody's published approximations (SPECFUN CALERF).
 *
 * @example erfc(1) // => 0.15729920705028516 (exact: 0.15729920705028513…)
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  let r: number;
  if (y <= 0.5) {
    const z = y * y;
    let num = ERF_A[4] * z;
    let den = z;
    for (let i = 0; i < 3; i++) {
      num = (num + ERF_A[i]!) * z;
      den = (den + ERF_B[i]!) * z;
    }
    return 1 - (x * (num + ERF_A[3])) / (den + ERF_B[3]);
  }
  if (y <= 4) {
    let num = ERFC_C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_C[i]!) * y;
      den = (den + ERFC_D[i]!) * y;
    }
    r = ((num + ERFC_C[7]) / (den + ERFC_D[7])) * expMinusSquare(y);
  } else if (y >= ERFC_ZERO_FROM) {
    r = 0;
  } else {
    const z = 1 / (y * y);
    let num = ERFC_P[5] * z;
    let den = z;
    for (let i = 0; i < 4; i++) {
      num = (num + ERFC_P[i]!) * z;
      den = (den + ERFC_Q[i]!) * z;
    }
    r = ((INV_SQRT_PI - (z * (num + ERFC_P[4])) / (den + ERFC_Q[4])) / y) * expMinusSquare(y);
  }
  return x < 0 ? 2 - r : r;
}

/**
 * The standard normal CDF Φ(z) = ½·erfc(−z/√2), accurate in relative terms in the lower tail
 * (relative error below 1e-13 for z ≥ −37; use Φ(−z) for the upper tail, 1 − Φ(z)).
 *
 * Source: W. J. Cody (1969), see {@link erfc}; Φ(z) = ½erfc(−z/√2) is DLMF 7.18 / 26.2.29 A&S.
 *
 * @example normalCdf(-1.959963984540054) // => 0.024999999999999994 (R: pnorm(qnorm(0.025)))
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z * SQRT_HALF);
}

/** Φ⁻¹(p) for 0 < p ≤ ½ to full precision: Acklam's value refined by one Halley step on Φ. */
function lowerNormalQuantile(p: number): number {
  const x = normalQuantile(p);
  const e = normalCdf(x) - p;
  const u = e * SQRT_TWO_PI * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}

/** z with Φ(z) = p (lower-tail probability); p = 0 or 1 give ∓∞. */
function normalFromLower(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  return p <= 0.5 ? lowerNormalQuantile(p) : -lowerNormalQuantile(1 - p);
}

/**
 * Quantile of the standard normal truncated to [zLo, zHi] at u ∈ [0, 1]: maps u into
 * [Φ(zLo), Φ(zHi)] and inverts. When the whole interval lies in the upper half it works with
 * upper-tail probabilities Φ(−z), so far-tail truncations keep their accuracy.
 */
function truncatedStandardNormalQuantile(u: number, zLo: number, zHi: number): number {
  if (zLo > 0) return -truncatedStandardNormalQuantile(1 - u, -zHi, -zLo);
  const pLo = normalCdf(zLo);
  const pHi = normalCdf(zHi);
  if (!(pHi > pLo)) {
    throw new LinkageError(
      "E_DOMAIN",
      `truncation interval [${zLo}, ${zHi}] (in standard deviations) has no probability mass`,
    );
  }
  const z = normalFromLower(pLo + u * (pHi - pLo));
  return Math.min(Math.max(z, zLo), zHi);
}

function badPrior(message: string): LinkageError {
  return new LinkageError("E_DOMAIN", `priorQuantile: ${message}`);
}

function checkBounds(min: number, max: number): void {
  if (!(min < max)) throw badPrior(`expected max greater than min (${min}), found ${max}`);
}

/**
 * The prior's quantile function (inverse CDF) F⁻¹(u), for sampling parameters by inversion
 * (for instance from a Latin hypercube).
 *
 * - uniform: min + u·(max − min);
 * - triangular: min + √(u(max−min)(mode−min)) for u < (mode−min)/(max−min), else
 *   max − √((1−u)(max−min)(max−mode));
 * - normal: mean + sd·Φ⁻¹(Φ(a) + u·(Φ(b) − Φ(a))) with a, b the standardised optional bounds
 *   (±∞ when absent), Φ from Cody's erfc and Φ⁻¹ Acklam's approximation refined by one Halley
 *   step (relative error ≈ 1e-15);
 * - lognormal: the same on the log scale, exp(meanlog + sdlog·z), bounds log(min), log(max);
 * - beta: min + (max − min)·betaQuantile(u, a, b), [min, max] = [0, 1] by default.
 *
 * u = 0 and u = 1 give the lower and upper bound (±∞ for an unbounded normal, 0 and +∞ for
 * an unbounded lognormal).
 *
 * Source: inversion method (L. Devroye, Non-Uniform Random Variate Generation, 1986, §II.2);
 * truncation by CDF mapping (Devroye §I.3); W. J. Cody, Math. Comp. 23 (1969);
 * P. J. Acklam (2003) and Halley refinement as Acklam describes.
 *
 * @throws {LinkageError} E_DOMAIN if u ∉ [0, 1], the prior's parameters are invalid
 * (sd ≤ 0, min ≥ max, mode outside [min, max], a or b ≤ 0, lognormal min < 0), or the
 * truncation interval has no probability mass in double precision
 * @example priorQuantile({ dist: "normal", mean: 0, sd: 1 }, 0.975) // => 1.9599639845400538 (R: qnorm(0.975) = 1.959963984540054)
 */
export function priorQuantile(prior: Prior, u: number): number {
  if (!(u >= 0 && u <= 1)) throw badPrior(`u must lie in [0, 1], got ${u}`);
  switch (prior.dist) {
    case "uniform": {
      checkBounds(prior.min, prior.max);
      if (u === 1) return prior.max;
      return prior.min + u * (prior.max - prior.min);
    }
    case "triangular": {
      const { min, mode, max } = prior;
      checkBounds(min, max);
      if (!(mode >= min && mode <= max)) {
        throw badPrior(`expected mode within [${min}, ${max}], found ${mode}`);
      }
      const width = max - min;
      if (u < (mode - min) / width) return min + Math.sqrt(u * width * (mode - min));
      return Math.max(min, max - Math.sqrt((1 - u) * width * (max - mode)));
    }
    case "normal": {
      const { mean, sd } = prior;
      if (!(sd > 0)) throw badPrior(`expected sd > 0, found ${sd}`);
      const lo = prior.min ?? Number.NEGATIVE_INFINITY;
      const hi = prior.max ?? Number.POSITIVE_INFINITY;
      checkBounds(lo, hi);
      if (u === 0) return lo;
      if (u === 1) return hi;
      const z = truncatedStandardNormalQuantile(u, (lo - mean) / sd, (hi - mean) / sd);
      return Math.min(Math.max(mean + sd * z, lo), hi);
    }
    case "lognormal": {
      const { meanlog, sdlog } = prior;
      if (!(sdlog > 0)) throw badPrior(`expected sdlog > 0, found ${sdlog}`);
      const lo = prior.min ?? 0;
      const hi = prior.max ?? Number.POSITIVE_INFINITY;
      if (lo < 0) throw badPrior(`expected min ≥ 0 for a lognormal prior, found ${lo}`);
      checkBounds(lo, hi);
      if (u === 0) return lo;
      if (u === 1) return hi;
      const z = truncatedStandardNormalQuantile(
        u,
        (Math.log(lo) - meanlog) / sdlog,
        (Math.log(hi) - meanlog) / sdlog,
      );
      return Math.min(Math.max(Math.exp(meanlog + sdlog * z), lo), hi);
    }
    case "beta": {
      const lo = prior.min ?? 0;
      const hi = prior.max ?? 1;
      checkBounds(lo, hi);
      if (!(prior.a > 0 && prior.b > 0)) {
        throw badPrior(`expected a > 0 and b > 0, found a=${prior.a}, b=${prior.b}`);
      }
      if (u === 1) return hi;
      return Math.min(lo + (hi - lo) * betaQuantile(u, prior.a, prior.b), hi);
    }
  }
}
