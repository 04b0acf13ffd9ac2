import { LinkageError } from "../errors/LinkageError.js";

/** Up to this sample size the distribution is computed exactly (Durbin's matrix, MTW 2003). */
export const KOLMOGOROV_EXACT_MAX_N = 1000;
/**
 * Below this upper-tail probability 2·P(D⁺ₙ ≥ d) is used: exact for d ≥ ½ and otherwise off
 * only by P(D⁺ₙ ≥ d, D⁻ₙ ≥ d), relatively about (p/2)³ (for the Brownian bridge
 * 2e^{−8x²} against 2e^{−2x²}), i.e. below 1e-10 here.
 */
const TAIL_SHORTCUT = 1e-3;
/** Matrix entries are rescaled by a power of two whenever the largest leaves [2⁻²⁵⁶, 2²⁵⁶]. */
const RESCALE_ABOVE = 2 ** 256;
const RESCALE_BELOW = 2 ** -256;
const PI2 = Math.PI * Math.PI;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const SERIES_EPS = 1e-17;

function checkSampleSize(name: string, n: number): void {
  if (!(Number.isSafeInteger(n) && n >= 1)) {
    throw new LinkageError("E_DOMAIN", `${name} requires a sample size n ≥ 1, got ${n}`);
  }
}

/** C = A·B for m×m row-major matrices (C must not alias A or B). */
function multiply(a: Float64Array, b: Float64Array, c: Float64Array, m: number): void {
  c.fill(0);
  for (let i = 0; i < m; i++) {
    const row = i * m;
    for (let l = 0; l < m; l++) {
      const ail = a[row + l]!;
      if (ail === 0) continue;
      const rowB = l * m;
      for (let j = 0; j < m; j++) c[row + j]! += ail * b[rowB + j]!;
    }
  }
}

/** Scales `x` by a power of two so its largest entry is near 1; returns the exponent removed. */
function rescale(x: Float64Array): number {
  let max = 0;
  for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i]!));
  if (max === 0 || (max <= RESCALE_ABOVE && max >= RESCALE_BELOW)) return 0;
  const e = Math.round(Math.log2(max));
  const factor = 2 ** -e;
  for (let i = 0; i < x.length; i++) x[i]! *= factor;
  return e;
}

/**
 * P(Dₙ < d) by Durbin's matrix formula as Marsaglia, Tsang & Wang evaluate it: with
 * k = ⌊nd⌋ + 1, m = 2k − 1, h = k − nd, the m×m matrix H has H_ij = 1/(i − j + 1)! for
 * i − j + 1 ≥ 0 (else 0), except the first column H_i1 = (1 − hⁱ)/i!, the last row
 * H_mj = (1 − h^{m−j+1})/(m − j + 1)! and the corner H_m1 = (1 − 2hᵐ + max(0, 2h − 1)ᵐ)/m!;
 * then P(Dₙ < d) = (n!/nⁿ)·(Hⁿ)_kk. Hⁿ by repeated squaring with power-of-two rescaling.
 * Cost O(m³ log n).
 */
function durbinMatrixCdf(n: number, d: number): number {
  const k = Math.floor(n * d) + 1;
  const m = 2 * k - 1;
  const h = k - n * d;
  const invFactorial = new Float64Array(m + 1);
  invFactorial[0] = 1;
  for (let j = 1; j <= m; j++) invFactorial[j] = invFactorial[j - 1]! / j;
  const base = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= Math.min(i + 1, m - 1); j++) base[i * m + j] = invFactorial[i - j + 1]!;
  }
  for (let i = 0; i < m; i++) base[i * m]! -= h ** (i + 1) * invFactorial[i + 1]!;
  for (let j = 0; j < m; j++) base[(m - 1) * m + j]! -= h ** (m - j) * invFactorial[m - j]!;
  if (2 * h - 1 > 0) base[(m - 1) * m]! += (2 * h - 1) ** m * invFactorial[m]!;

  // Hⁿ = result·2^resultExp, by binary powering; base carries its own exponent
  let result: Float64Array<ArrayBuffer> | undefined;
  let resultExp = 0;
  let baseExp = 0;
  let scratch: Float64Array<ArrayBuffer> = new Float64Array(m * m);
  let power: Float64Array<ArrayBuffer> = base;
  for (let e = n; ; ) {
    if (e & 1) {
      if (result === undefined) {
        result = Float64Array.from(power);
        resultExp = baseExp;
      } else {
        multiply(result, power, scratch, m);
        [result, scratch] = [scratch, result];
        resultExp += baseExp;
      }
      resultExp += rescale(result);
    }
    e = Math.floor(e / 2);
    if (e === 0) break;
    multiply(power, power, scratch, m);
    [power, scratch] = [scratch, power];
    baseExp = 2 * baseExp + rescale(power);
  }
  // (Hⁿ)_kk · n!/nⁿ, the factorial ratio multiplied in step by step (no overflow, no log)
  let s = result![(k - 1) * m + (k - 1)]!;
  let exp = resultExp;
  for (let i = 1; i <= n; i++) {
    s *= i / n;
    if (s < RESCALE_BELOW) {
      s *= RESCALE_ABOVE;
      exp -= 256;
    }
  }
  return Math.min(1, Math.max(0, s * 2 ** exp));
}

/**
 * P(D⁺ₙ ≥ d), the one-sided Smirnov tail, by the Smirnov–Birnbaum–Tingey sum
 * d·Σ_{j=0}^{⌊n(1−d)⌋} C(n, j)(1 − d − j/n)^{n−j}(d + j/n)^{j−1}, every term in logarithms and
 * the sum taken with a running maximum (no overflow for large n). O(n); relative error about
 * n·1e-16.
 */
function smirnovOneSidedTail(n: number, d: number): number {
  const last = Math.floor(n * (1 - d));
  let logChoose = 0; // ln C(n, j)
  let maxLog = Number.NEGATIVE_INFINITY;
  let scaledSum = 0; // Σ e^{term − maxLog}
  for (let j = 0; j <= last; j++) {
    if (j > 0) logChoose += Math.log((n - j + 1) / j);
    const below = (n - j) / n - d; // 1 − d − j/n
    if (below <= 0) continue; // the term is 0 (its power n − j is positive)
    const term = logChoose + (n - j) * Math.log(below) + (j - 1) * Math.log(d + j / n);
    if (term > maxLog) {
      scaledSum = scaledSum * Math.exp(maxLog - term) + 1;
      maxLog = term;
    } else {
      scaledSum += Math.exp(term - maxLog);
    }
  }
  return scaledSum === 0 ? 0 : Math.min(1, d * scaledSum * Math.exp(maxLog));
}

/** Kolmogorov's limit K(x) = P(sup|B| ≤ x) by the series that converges fast at x (see below). */
function kolmogorovLimitTails(x: number): { lower: number; upper: number } {
  if (!(x > 0)) return { lower: 0, upper: 1 };
  if (x === Number.POSITIVE_INFINITY) return { lower: 1, upper: 0 };
  if (x < 1) {
    // K(x) = (√(2π)/x) Σ_{k≥1} e^{−(2k−1)²π²/(8x²)}
    const w = -PI2 / (8 * x * x);
    let sum = 0;
    for (let k = 1; ; k++) {
      const term = Math.exp((2 * k - 1) ** 2 * w);
      sum += term;
      if (term <= SERIES_EPS * sum) break;
    }
    const lower = (SQRT_2PI / x) * sum;
    return { lower, upper: 1 - lower };
  }
  // 1 − K(x) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²x²}
  let sum = 0;
  for (let k = 1; ; k++) {
    const term = Math.exp(-2 * k * k * x * x);
    sum += k & 1 ? term : -term;
    if (term <= SERIES_EPS * sum) break;
  }
  const upper = 2 * sum;
  return { lower: 1 - upper, upper };
}

/**
 * The survival function of Kolmogorov's limiting distribution, Q(x) = P(sup_t |B(t)| > x) for a
 * Brownian bridge B, which √n·Dₙ approaches as n → ∞.
 *
 * Formula: Q(x) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²x²} for x ≥ 1; for x < 1 the equivalent theta
 * form 1 − (√(2π)/x) Σ_{k≥1} e^{−(2k−1)²π²/(8x²)}, which converges fast there.
 *
 * Source: A. N. Kolmogorov, "Sulla determinazione empirica di una legge di distribuzione",
 * Giornale dell'Istituto Italiano degli Attuari 4 (1933) 83–91; the theta form as in
 * G. Marsaglia, W. W. Tsang & J. Wang, Journal of Statistical Software 8(18), 2003, §1.
 *
 * @throws {LinkageError} E_DOMAIN if x is NaN
 * @example kolmogorovLimitSurvival(1.36) // => 0.049485876755377876 (scipy.stats.kstwobign.sf(1.36))
 */
export function kolmogorovLimitSurvival(x: number): number {
  if (Number.isNaN(x)) throw new LinkageError("E_DOMAIN", "kolmogorovLimitSurvival: x is NaN");
  return kolmogorovLimitTails(x).upper;
}

/**
 * Argument at which the limit approximates P(√n Dₙ ≤ ·) best: √n·d + 1/(6√n) + (√n·d − 1)/(4n).
 * The 1/(6√n) shift is the first-order term of the expansion of Pelz & Good (1976); the 1/n term
 * follows Vrbik (2020). Against the exact distribution its relative error in the upper tail
 * (p ≥ 1e-3) is below 3e-3 for n > 1000 and falls like 1/n.
 */
function correctedLimitArgument(n: number, d: number): number {
  const root = Math.sqrt(n);
  const x = root * d;
  return x + 1 / (6 * root) + (x - 1) / (4 * n);
}

/** Both tails P(Dₙ < d) and P(Dₙ ≥ d), each computed where it is accurate. */
function kolmogorovSmirnovTails(n: number, d: number): { lower: number; upper: number } {
  if (d <= 1 / (2 * n)) return { lower: 0, upper: 1 }; // Dₙ ≥ 1/(2n) always
  if (d >= 1) return { lower: 1, upper: 0 };
  if (n > KOLMOGOROV_EXACT_MAX_N) {
    const approx = kolmogorovLimitTails(correctedLimitArgument(n, d));
    if (approx.upper > 2 * TAIL_SHORTCUT && d < 0.5) return approx;
  }
  const twoSided = 2 * smirnovOneSidedTail(n, d);
  if (d >= 0.5 || twoSided < TAIL_SHORTCUT) return { lower: 1 - twoSided, upper: twoSided };
  if (n > KOLMOGOROV_EXACT_MAX_N) return kolmogorovLimitTails(correctedLimitArgument(n, d));
  const lower = durbinMatrixCdf(n, d);
  return { lower, upper: 1 - lower };
}

function checkStatistic(name: string, d: number): void {
  if (Number.isNaN(d)) throw new LinkageError("E_DOMAIN", `${name}: d is NaN`);
}

/**
 * The distribution function of the two-sided Kolmogorov–Smirnov statistic
 * Dₙ = sup_x |Fₙ(x) − F(x)| of n i.i.d. draws from a continuous F: P(Dₙ ≤ d).
 *
 * Method: exact for n ≤ {@link KOLMOGOROV_EXACT_MAX_N} by Durbin's matrix formula
 * P(Dₙ < d) = (n!/nⁿ)(Hⁿ)_kk as evaluated by Marsaglia, Tsang & Wang (2003); in the upper tail
 * (P(Dₙ ≥ d) < 1e-3, or d ≥ ½) 1 − 2·P(D⁺ₙ ≥ d) with the exact one-sided Smirnov–Birnbaum–Tingey
 * sum; for larger n Kolmogorov's limit at the corrected argument √n·d + 1/(6√n) + (√n·d − 1)/(4n)
 * (Pelz & Good 1976; Vrbik 2020), relative error below 3e-3 in the upper tail. The distribution
 * is continuous, so P(Dₙ ≤ d) = P(Dₙ < d).
 *
 * Source: J. Durbin, Distribution Theory for Tests Based on the Sample Distribution Function
 * (SIAM, 1973); G. Marsaglia, W. W. Tsang & J. Wang, "Evaluating Kolmogorov's distribution",
 * Journal of Statistical Software 8(18), 2003; Z. W. Birnbaum & F. H. Tingey, "One-sided
 * confidence contours for probability distribution functions", Ann. Math. Statist. 22 (1951);
 * W. Pelz & I. J. Good, JRSS B 38 (1976) 152–156; J. Vrbik, "Deriving CDF of
 * Kolmogorov–Smirnov test statistic", Applied Mathematics 11 (2020) 227–246.
 *
 * @param n - sample size, an integer ≥ 1
 * @throws {LinkageError} E_DOMAIN if n is not a positive integer or d is NaN
 * @example kolmogorovSmirnovCdf(10, 0.274) // => 0.6284796154565043 (the example of Marsaglia, Tsang & Wang 2003)
 */
export function kolmogorovSmirnovCdf(n: number, d: number): number {
  checkSampleSize("kolmogorovSmirnovCdf", n);
  checkStatistic("kolmogorovSmirnovCdf", d);
  return kolmogorovSmirnovTails(n, d).lower;
}

/**
 * The upper tail P(Dₙ ≥ d) of the two-sided Kolmogorov–Smirnov statistic: the test's p-value,
 * computed directly in the upper tail so small p-values keep their relative accuracy.
 * Method and sources as {@link kolmogorovSmirnovCdf}.
 *
 * @param n - sample size, an integer ≥ 1
 * @throws {LinkageError} E_DOMAIN if n is not a positive integer or d is NaN
 * @example kolmogorovSmirnovSurvival(100, 0.2) // => 0.0005551927328074… (scipy.stats.kstwo.sf(0.2, 100) = 0.00055519273279888)
 */
export function kolmogorovSmirnovSurvival(n: number, d: number): number {
  checkSampleSize("kolmogorovSmirnovSurvival", n);
  checkStatistic("kolmogorovSmirnovSurvival", d);
  return kolmogorovSmirnovTails(n, d).upper;
}

/**
 * The critical value of the two-sided Kolmogorov–Smirnov test: the d with P(Dₙ ≥ d) = α,
 * so a sample is rejected at level α exactly when Dₙ ≥ d (and a band of half-width d around the
 * empirical CDF is a simultaneous 1 − α confidence band).
 *
 * Method: the Illinois variant of regula falsi on ln P(Dₙ ≥ d) − ln α, bracketed in
 * [1/(2n), 1] and started around the quantile of the corrected limit (see
 * {@link kolmogorovSmirnovCdf}); a handful of evaluations of {@link kolmogorovSmirnovSurvival},
 * relative accuracy 1e-12.
 *
 * Source: M. Dowell & P. Jarratt, "A modified regula falsi method for computing the root of an
 * equation", BIT 11 (1971) 168–174 (the Illinois method); the distribution as
 * {@link kolmogorovSmirnovCdf}.
 *
 * @param n - sample size, an integer ≥ 1
 * @param alpha - level in (0, 1)
 * @throws {LinkageError} E_DOMAIN if n is not a positive integer or alpha is outside (0, 1)
 * @example kolmogorovSmirnovCritical(20, 0.05) // => 0.29407531443432… (scipy.stats.kstwo.isf(0.05, 20))
 */
export function kolmogorovSmirnovCritical(n: number, alpha: number): number {
  checkSampleSize("kolmogorovSmirnovCritical", n);
  if (!(alpha > 0 && alpha < 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `kolmogorovSmirnovCritical requires 0 < alpha < 1, got ${alpha}`,
    );
  }
  const logAlpha = Math.log(alpha);
  const g = (d: number): number => Math.log(kolmogorovSmirnovTails(n, d).upper) - logAlpha;
  // decreasing in d: g(1/(2n)) = −ln α > 0 and g(1) = −∞
  let lo = 1 / (2 * n);
  let hi = 1;
  let gLo = -logAlpha;
  let gHi = Number.NEGATIVE_INFINITY;
  // a first bracket around the corrected limit's quantile (close for n in the hundreds)
  const root = Math.sqrt(n);
  const guess = (limitQuantile(alpha) - 1 / (6 * root) + 1 / (4 * n)) / (root * (1 + 1 / (4 * n)));
  const spread = n > 100 ? 0.002 : 0.05;
  for (const factor of [1 - spread, 1 + spread]) {
    const d = factor * guess;
    if (d > lo && d < hi) {
      const gd = g(d);
      if (gd > 0) {
        lo = d;
        gLo = gd;
      } else {
        hi = d;
        gHi = gd;
      }
    }
  }
  let side = 0;
  for (let iter = 0; iter < 200; iter++) {
    let d: number;
    if (Number.isFinite(gHi) && Number.isFinite(gLo)) d = lo + (gLo * (hi - lo)) / (gLo - gHi);
    else d = 0.5 * (lo + hi);
    if (!(d > lo && d < hi)) d = 0.5 * (lo + hi);
    const gd = g(d);
    if (gd === 0) return d;
    if (gd > 0) {
      lo = d;
      gLo = gd;
      if (side === 1) gHi /= 2; // Illinois: halve the stale end's value
      side = 1;
    } else {
      hi = d;
      gHi = gd;
      if (side === -1) gLo /= 2;
      side = -1;
    }
    if (hi - lo <= 1e-12 * hi || Math.abs(gd) < 1e-13) return d;
  }
  return 0.5 * (lo + hi);
}

/** The x with Q(x) = α for Kolmogorov's limit, by bisection (a starting point only). */
function limitQuantile(alpha: number): number {
  let lo = 0.1;
  let hi = 10;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (kolmogorovLimitTails(mid).upper > alpha) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
