import { LinkageError } from "../errors/LinkageError.js";
import type { RandomStream } from "./randomStream.js";

/** Stand-in for a jitter of exactly 0 in the lowest stratum, so values stay in (0, 1). */
const TINY = 2 ** -54;
/** The largest double below 1. */
const BELOW_ONE = 1 - 2 ** -53;

/**
 * A Latin hypercube sample of `samples` points in the open unit cube (0, 1)^`dimensions`.
 *
 * Each column j is built independently: a uniformly random permutation π_j of the strata
 * 0…n−1 (Fisher–Yates, n − 1 uniforms), then x[i, j] = (π_j(i) + U_ij) / n with a jitter
 * U_ij ∈ [0, 1) (n uniforms; an exact 0 in the lowest stratum becomes 2⁻⁵⁴/n). So every column has exactly one value in each stratum
 * [k/n, (k+1)/n). Columns are filled in order j = 0, 1, …, consuming (2n − 1) uniforms each.
 * Map a column through a prior's quantile function (`priorQuantile`) to sample a parameter.
 *
 * Source: M. D. McKay, R. J. Beckman & W. J. Conover, "A comparison of three methods for
 * selecting values of input variables in the analysis of output from a computer code",
 * Technometrics 21 (1979), 239–245; R. Durstenfeld, CACM 7 (1964), 420 (shuffle).
 *
 * @param samples - number of points n (rows), a positive integer
 * @param dimensions - number of coordinates d (columns), a non-negative integer
 * @returns row-major n × d values: point i, coordinate j at index i·d + j
 * @throws {LinkageError} E_DOMAIN if `samples` is not a positive integer or `dimensions` not a
 * non-negative integer
 * @example latinHypercube(randomStream(1, 0), 4, 2) // 8 numbers; each column hits each quarter once
 */
export function latinHypercube(
  rng: RandomStream,
  samples: number,
  dimensions: number,
): Float64Array {
  if (!(Number.isSafeInteger(samples) && samples > 0)) {
    throw new LinkageError(
      "E_DOMAIN",
      `latinHypercube needs a positive integer sample count, got ${samples}`,
    );
  }
  if (!(Number.isSafeInteger(dimensions) && dimensions >= 0)) {
    throw new LinkageError(
      "E_DOMAIN",
      `latinHypercube needs a non-negative integer dimension, got ${dimensions}`,
    );
  }
  const n = samples;
  const out = new Float64Array(n * dimensions);
  const perm = new Int32Array(n);
  for (let j = 0; j < dimensions; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(rng.next() * (i + 1));
      const t = perm[i]!;
      perm[i] = perm[k]!;
      perm[k] = t;
    }
    for (let i = 0; i < n; i++) {
      const k = perm[i]!;
      let x = (k + rng.next()) / n;
      // keep rounding from pushing x onto the stratum's upper end, and x off 0
      const upper = (k + 1) / n;
      if (x >= upper) x = upper * BELOW_ONE;
      out[i * dimensions + j] = x > 0 ? x : TINY / n;
    }
  }
  return out;
}
