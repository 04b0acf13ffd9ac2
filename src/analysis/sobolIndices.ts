import { LinkageError } from "../errors/LinkageError.js";
import { latinHypercube } from "../math/latinHypercube.js";
import { randomStream } from "../math/randomStream.js";

/** Tuning of {@link sobolIndices}. */
export interface SobolOptions {
  /**
   * Base sample size N of the first round; the model is evaluated N·(d + 2) times per N.
   * @default 1024
   */
  readonly baseSamples?: number;
  /**
   * Largest base sample size (the cap of the adaptive rule): while some interval is at least
   * `targetWidth` wide, N is doubled, as long as the doubled N is at most this. The default, equal
   * to `baseSamples`, is a single round of N.
   * @default baseSamples
   */
  readonly maxSamples?: number;
  /** Width every 95% (or `confidence`) interval should be narrower than. @default 0.1 */
  readonly targetWidth?: number;
  /** Bootstrap resamples for the confidence intervals. @default 200 */
  readonly bootstrap?: number;
  /** Confidence level of the percentile intervals. @default 0.95 */
  readonly confidence?: number;
  /** Seed of the random streams (sampling and bootstrap). @default 1 */
  readonly seed?: number;
}

/**
 * Sobol sensitivity indices of a model with d independent inputs, each with a bootstrap
 * percentile interval. Index i of every array is input i. Estimates are not clipped to [0, 1]:
 * a first-order estimate slightly below 0, a total above 1 or a first-order above the total is
 * sampling noise, and the intervals say how much (see `sobolFlag`).
 */
export interface SobolEstimate {
  /** First-order indices S_i = V(E(f | x_i)) / V(f). */
  readonly first: Float64Array;
  readonly firstLow: Float64Array;
  readonly firstHigh: Float64Array;
  /** Total-effect indices S_Ti = E(V(f | x_~i)) / V(f). */
  readonly total: Float64Array;
  readonly totalLow: Float64Array;
  readonly totalHigh: Float64Array;
  /**
   * S_Ti − S_i, the share of the variance due to x_i's interactions with the other inputs, with
   * its interval from the same bootstrap resamples (paired, so narrower than the two intervals
   * combined). Analytically ≥ 0; an interval entirely below 0 means the first-order estimate is
   * above the total beyond sampling noise.
   */
  readonly interaction: Float64Array;
  readonly interactionLow: Float64Array;
  readonly interactionHigh: Float64Array;
  /** V, the variance of f over the 2N points of A and B pooled (divisor 2N). */
  readonly variance: number;
  /** The base sample size N used (after the adaptive doublings). */
  readonly baseSamples: number;
  /** Number of model evaluations, N·(d + 2). */
  readonly evaluations: number;
  /** The widest first-order or total interval (high − low). */
  readonly widestInterval: number;
  /** Whether every first-order and total interval is narrower than `targetWidth`. */
  readonly targetMet: boolean;
}

/**
 * Variance-based global sensitivity analysis: Sobol first-order and total-effect indices by
 * Saltelli's sampling scheme, with bootstrap percentile intervals and an adaptive sample size.
 *
 * **Design.** Two independent N × d matrices A and B of uniforms in (0, 1), and for each input i
 * the matrix AB_i: A with column i taken from B. A is a Latin hypercube from
 * `randomStream(seed, 0)` and B one from `randomStream(seed, 1)` ({@link latinHypercube}). Since
 * every one of the 2d columns of [A | B] has its own random permutation and jitter, [A | B] is
 * itself an N × 2d Latin hypercube, and each estimator below is a mean over its rows. For such
 * means Latin hypercube sampling has asymptotic variance no larger than independent sampling
 * (Stein 1987), so marginals are better covered at no cost, and the bootstrap below, which
 * treats rows as independent, errs on the wide side.
 *
 * **Adaptive size.** After each round the intervals are computed; if any first-order or total
 * interval is `targetWidth` wide or wider and 2N ≤ `maxSamples`, N more rows are added: a new
 * pair of N-row Latin hypercubes for A and B (round k ≥ 1 from `randomStream(seed, 2k + 1)` and
 * `randomStream(seed, 2k + 2)`), pooled with the earlier rows, so no evaluation is wasted and N
 * doubles. Rows from different rounds are independent, so the pooled rows are still a sample
 * whose means the estimators are. The rule stops at the first N whose intervals all meet the
 * target, or at the largest N = `baseSamples`·2^k ≤ `maxSamples`; `targetMet` says which.
 *
 * **Evaluation.** Each round calls `evaluate` d + 2 times with that round's new points, in the
 * order A, B, AB_1, …, AB_d (N·(d + 2) evaluations in all). `points` is a fresh copy in a
 * scratch buffer that is reused between calls, so the caller may transform it in place (e.g.
 * through inverse CDFs) but must not keep it. Every `out[k]` must be set to a finite number.
 *
 * **Estimators.** With f̄ and V the mean and variance (divisor 2N) of the 2N values f(A), f(B):
 * - total effect, Jansen (1999): V·S_Ti = (1/2N) Σ_j (f(A)_j − f(AB_i)_j)²;
 * - first order, Saltelli et al. (2010), their Table 2 (b), centred:
 *   V·S_i = (1/N) Σ_j (f(B)_j − f̄)(f(AB_i)_j − f(A)_j).
 *
 * Why (b) rather than Jansen's first-order V − (1/2N) Σ_j (f(B)_j − f(AB_i)_j)²: Saltelli et al.
 * (2010) compared both on test functions and recommend (b) for S_i (with Jansen's formula for
 * S_Ti), and (b) is the pairing SALib uses. Jansen's first-order form subtracts two quantities of
 * size V, so its error does not shrink as S_i → 0, whereas in (b) the factor f(AB_i) − f(A)
 * vanishes with the total effect of x_i: an input with S_Ti = 0 gets S_i = 0 exactly. Centring
 * f(B) by f̄ (E[f(AB_i) − f(A)] = 0, so this only removes noise) makes (b) invariant to adding a
 * constant to f. The two estimators are computed separately, so S_i ≤ S_Ti (true of the indices)
 * need not hold of the estimates; `interaction` = S_Ti − S_i with its paired interval says
 * whether a violation is more than noise.
 *
 * **Intervals.** `bootstrap` times, N row indices j are drawn with replacement from
 * `randomStream(seed, 2)` (afresh after every round) and all indices (and f̄, V) are recomputed
 * from the same model values, with no new evaluations. The interval is the (1 − c)/2 and
 * (1 + c)/2 quantiles of the resampled indices (percentile bootstrap, Efron & Tibshirani 1993
 * §13.3; quantiles by linear interpolation, R's type 7), for confidence level c.
 *
 * **Degenerate model.** If f takes one value on all 2N points of A and B, V = 0 and the indices
 * are undefined (0/0); every index and both interval ends are then reported as 0 (a zero-width
 * interval) and `variance` as 0, rather than NaN. A bootstrap resample whose values are all equal
 * likewise contributes 0.
 *
 * Sources: A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto & S. Tarantola, "Variance
 * based sensitivity analysis of model output. Design and estimator for the total sensitivity
 * index", Computer Physics Communications 181 (2010), 259–270; M. J. W. Jansen, "Analysis of
 * variance designs for model output", Computer Physics Communications 117 (1999), 35–43;
 * I. M. Sobol', "Sensitivity estimates for nonlinear mathematical models", Mathematical Modelling
 * and Computational Experiments 1 (1993), 407–414; M. Stein, "Large sample properties of
 * simulations using Latin hypercube sampling", Technometrics 29 (1987), 143–151; B. Efron &
 * R. J. Tibshirani, An Introduction to the Bootstrap (1993).
 *
 * @param dimensions - number of inputs d, a positive integer
 * @param evaluate - fills `out[k]` with the model value at point k, whose coordinates are
 * `points[k·d]…points[k·d + d − 1]` (uniforms in (0, 1), row-major n × d)
 * @throws {LinkageError} E_DOMAIN if d < 1 or not an integer, N < 2 or not an integer,
 * `maxSamples` is not an integer ≥ N, `targetWidth` is not positive, `bootstrap` is not a
 * positive integer, `confidence` is not in (0, 1), `seed` is not a safe integer, or `evaluate`
 * leaves a non-finite value (NaN, ±∞, or an entry it did not set) in `out`
 * @example
 * // f(x) = x₁ with two inputs: all of the variance is due to x₁, none to x₂
 * const r = sobolIndices(2, (p, out) => { for (let k = 0; k < out.length; k++) out[k] = p[2 * k]!; });
 * r.first // => Float64Array [1.0035…, 0]
 * r.total // => Float64Array [1.0035…, 0]
 * [r.totalLow[0], r.totalHigh[0]] // => [0.9443…, 1.0585…]
 * r.evaluations // => 4096
 */
export function sobolIndices(
  dimensions: number,
  evaluate: (points: Float64Array, out: Float64Array) => void,
  options: SobolOptions = {},
): SobolEstimate {
  const {
    baseSamples = 1024,
    targetWidth = 0.1,
    bootstrap = 200,
    confidence = 0.95,
    seed = 1,
  } = options;
  const maxSamples = options.maxSamples ?? baseSamples;
  const d = dimensions;
  const n0 = baseSamples;
  if (!(Number.isSafeInteger(d) && d >= 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `sobolIndices needs at least one input dimension (an integer d ≥ 1), got ${d}`,
    );
  }
  if (!(Number.isSafeInteger(n0) && n0 >= 2)) {
    throw new LinkageError(
      "E_DOMAIN",
      `sobolIndices needs a base sample size N that is an integer ≥ 2, got ${n0}`,
    );
  }
  if (!(Number.isSafeInteger(maxSamples) && maxSamples >= n0)) {
    throw new LinkageError(
      "E_DOMAIN",
      `sobolIndices needs maxSamples, the cap on the base sample size, to be an integer ≥ baseSamples (${n0}), got ${maxSamples}`,
    );
  }
  if (!(targetWidth > 0)) {
    throw new LinkageError(
      "E_DOMAIN",
      `sobolIndices needs a positive target interval width, got ${targetWidth}`,
    );
  }
  if (!(Number.isSafeInteger(bootstrap) && bootstrap >= 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `sobolIndices needs a positive integer number of bootstrap resamples, got ${bootstrap}`,
    );
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `sobolIndices needs a confidence level in (0, 1), got ${confidence}`,
    );
  }
  if (!Number.isSafeInteger(seed)) {
    throw new LinkageError("E_DOMAIN", `sobolIndices seed must be a safe integer, got ${seed}`);
  }

  // values: block 0 f(A), block 1 f(B), block i + 2 f(AB_i); each block holds the n rows so far
  let n = 0;
  let values: Float64Array = new Float64Array(0);
  for (let round = 0; ; round++) {
    const added = n === 0 ? n0 : n;
    values = grow(values, n, added, d + 2);
    sampleRound(d, evaluate, seed, round, n, added, values);
    n += added;
    const result = estimateWithIntervals(values, n, d, bootstrap, confidence, seed);
    const met = result.widestInterval < targetWidth;
    if (met || 2 * n > maxSamples) return { ...result, targetMet: met };
  }
}

/** `values` (blocks of `n` rows) with room for `added` more rows per block, blocks kept apart. */
function grow(values: Float64Array, n: number, added: number, blocks: number): Float64Array {
  const next = new Float64Array((n + added) * blocks);
  for (let b = 0; b < blocks; b++) next.set(values.subarray(b * n, (b + 1) * n), b * (n + added));
  return next;
}

/** Evaluates one round's A, B and AB_i into rows `from`…`from + count − 1` of every block. */
function sampleRound(
  d: number,
  evaluate: (points: Float64Array, out: Float64Array) => void,
  seed: number,
  round: number,
  from: number,
  count: number,
  values: Float64Array,
): void {
  const total = values.length / (d + 2);
  const a = latinHypercube(randomStream(seed, round === 0 ? 0 : 2 * round + 1), count, d);
  const b = latinHypercube(randomStream(seed, round === 0 ? 1 : 2 * round + 2), count, d);
  const points = new Float64Array(count * d);
  const run = (block: number, label: string): void => {
    const out = values.subarray(block * total + from, block * total + from + count);
    out.fill(Number.NaN); // an entry the caller forgets to set is caught as non-finite
    evaluate(points, out);
    for (let k = 0; k < count; k++) {
      if (!Number.isFinite(out[k]!)) {
        throw new LinkageError(
          "E_DOMAIN",
          `sobolIndices: the model returned a non-finite value (${out[k]}) at point ${from + k} of ${label}`,
        );
      }
    }
  };
  points.set(a);
  run(0, "matrix A");
  points.set(b);
  run(1, "matrix B");
  for (let i = 0; i < d; i++) {
    points.set(a);
    for (let k = 0; k < count; k++) points[k * d + i] = b[k * d + i]!;
    run(i + 2, `matrix AB_${i + 1} (A with column ${i + 1} from B)`);
  }
}

/** The indices from all `n` rows, their bootstrap intervals and the widest interval. */
function estimateWithIntervals(
  values: Float64Array,
  n: number,
  d: number,
  bootstrap: number,
  confidence: number,
  seed: number,
): Omit<SobolEstimate, "targetMet"> {
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  const identity = new Int32Array(n);
  for (let j = 0; j < n; j++) identity[j] = j;
  const variance = estimate(values, n, d, identity, first, total);
  const interaction = new Float64Array(d);
  for (let i = 0; i < d; i++) interaction[i] = total[i]! - first[i]!;

  const firstLow = new Float64Array(d);
  const firstHigh = new Float64Array(d);
  const totalLow = new Float64Array(d);
  const totalHigh = new Float64Array(d);
  const interactionLow = new Float64Array(d);
  const interactionHigh = new Float64Array(d);
  let widestInterval = 0;
  if (variance > 0) {
    const rng = randomStream(seed, 2);
    const rows = new Int32Array(n);
    const bootFirst = new Float64Array(bootstrap * d);
    const bootTotal = new Float64Array(bootstrap * d);
    for (let r = 0; r < bootstrap; r++) {
      for (let j = 0; j < n; j++) rows[j] = Math.floor(rng.next() * n);
      estimate(
        values,
        n,
        d,
        rows,
        bootFirst.subarray(r * d, (r + 1) * d),
        bootTotal.subarray(r * d, (r + 1) * d),
      );
    }
    const pLow = (1 - confidence) / 2;
    const pHigh = (1 + confidence) / 2;
    const column = new Float64Array(bootstrap);
    const interval = (
      value: (r: number) => number,
      i: number,
      low: Float64Array,
      high: Float64Array,
    ): void => {
      for (let r = 0; r < bootstrap; r++) column[r] = value(r);
      column.sort();
      low[i] = sortedQuantile(column, pLow);
      high[i] = sortedQuantile(column, pHigh);
    };
    for (let i = 0; i < d; i++) {
      interval((r) => bootFirst[r * d + i]!, i, firstLow, firstHigh);
      interval((r) => bootTotal[r * d + i]!, i, totalLow, totalHigh);
      interval(
        (r) => bootTotal[r * d + i]! - bootFirst[r * d + i]!,
        i,
        interactionLow,
        interactionHigh,
      );
      widestInterval = Math.max(
        widestInterval,
        firstHigh[i]! - firstLow[i]!,
        totalHigh[i]! - totalLow[i]!,
      );
    }
  }
  return {
    first,
    firstLow,
    firstHigh,
    total,
    totalLow,
    totalHigh,
    interaction,
    interactionLow,
    interactionHigh,
    variance,
    baseSamples: n,
    evaluations: n * (d + 2),
    widestInterval,
  };
}

/**
 * Indices from the model values at the given rows (the identity, or a bootstrap resample):
 * writes S_i to `first` and S_Ti to `total`, and returns V. With V = 0 (all values equal) both
 * are 0.
 */
function estimate(
  values: Float64Array,
  n: number,
  d: number,
  rows: Int32Array,
  first: Float64Array,
  total: Float64Array,
): number {
  // two passes (mean, then centred sums) so a large common offset in f does not cancel away
  let sum = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n; j++) {
    const r = rows[j]!;
    const fa = values[r]!;
    const fb = values[n + r]!;
    sum += fa + fb;
    lo = Math.min(lo, fa, fb);
    hi = Math.max(hi, fa, fb);
  }
  if (lo === hi) {
    first.fill(0);
    total.fill(0);
    return 0;
  }
  const mean = sum / (2 * n);
  let squares = 0;
  first.fill(0);
  total.fill(0);
  for (let j = 0; j < n; j++) {
    const r = rows[j]!;
    const fa = values[r]!;
    const fb = values[n + r]! - mean;
    squares += (fa - mean) ** 2 + fb * fb;
    for (let i = 0; i < d; i++) {
      const diff = values[(i + 2) * n + r]! - fa;
      first[i]! += fb * diff;
      total[i]! += diff * diff;
    }
  }
  const variance = squares / (2 * n);
  for (let i = 0; i < d; i++) {
    first[i] = first[i]! / n / variance;
    total[i] = total[i]! / (2 * n) / variance;
  }
  return variance;
}

/** Quantile p of ascending `sorted` by linear interpolation between order statistics (R's type 7). */
function sortedQuantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  const below = sorted[k]!;
  const above = sorted[Math.min(k + 1, sorted.length - 1)]!;
  return below + (h - k) * (above - below);
}
