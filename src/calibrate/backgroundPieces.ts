import type { HawkesBackground } from "./HawkesModel.js";

/**
 * A background μ(t) cut into pieces on which it is linear in t and in its coefficients c:
 * piece p covers [start_p, start_{p+1}) and there μ(t) = (1 − u)·c_{left_p} + u·c_{right_p},
 * u = (t − origin_p)·inverseLength_p. Constant pieces have left = right, inverseLength = 0 and
 * origin = 0 (so u = 0 without an ∞·0); linear ones have origin_p = start_p. start_0 = −∞ and start_count = +∞, so every time lies in exactly one piece.
 * The likelihoods walk these pieces alongside the sorted events.
 */
export interface BackgroundPieces {
  readonly count: number;
  /** count + 1 entries: −∞, the inner boundaries, +∞. */
  readonly start: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly inverseLength: Float64Array;
  readonly origin: Float64Array;
}

/**
 * The pieces of a background (see {@link BackgroundPieces}); the spec is assumed checked
 * (checkHawkesSpec).
 *
 * @example backgroundPieces({ kind: "piecewise", changePoints: [5] }).start // => [−∞, 5, +∞]
 */
export function backgroundPieces(background: HawkesBackground): BackgroundPieces {
  const boundaries =
    background.kind === "constant"
      ? []
      : background.kind === "piecewise"
        ? background.changePoints
        : background.knots;
  const count = boundaries.length + 1;
  const start = new Float64Array(count + 1);
  const left = new Int32Array(count);
  const right = new Int32Array(count);
  const inverseLength = new Float64Array(count);
  const origin = new Float64Array(count);
  start[0] = Number.NEGATIVE_INFINITY;
  start[count] = Number.POSITIVE_INFINITY;
  for (let p = 1; p < count; p++) start[p] = boundaries[p - 1]!;
  for (let p = 0; p < count; p++) {
    if (background.kind === "spline") {
      // piece p lies between knots p − 1 and p; the outer two are constant
      left[p] = Math.max(0, p - 1);
      right[p] = Math.min(count - 2, p);
      if (p > 0 && p < count - 1) {
        inverseLength[p] = 1 / (start[p + 1]! - start[p]!);
        origin[p] = start[p]!;
      }
    } else {
      left[p] = p;
      right[p] = p;
    }
  }
  return { count, start, left, right, inverseLength, origin };
}

/** Index of the piece containing t (binary search). */
export function pieceAt(pieces: BackgroundPieces, t: number): number {
  let lo = 0;
  let hi = pieces.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (pieces.start[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** μ(t) with the background coefficients in c (from index `offset`). */
export function backgroundRate(
  pieces: BackgroundPieces,
  c: ArrayLike<number>,
  t: number,
  offset = 0,
): number {
  const p = pieceAt(pieces, t);
  const u = (t - pieces.origin[p]!) * pieces.inverseLength[p]!;
  return (1 - u) * c[offset + pieces.left[p]!]! + u * c[offset + pieces.right[p]!]!;
}

/**
 * ∫_a^b μ(s) ds (a ≤ b), exact (each piece is linear: its length times μ at its midpoint). If
 * `gradient` is given, factor·∂/∂c_j of the integral is added to gradient[offset + j].
 */
export function backgroundIntegral(
  pieces: BackgroundPieces,
  c: ArrayLike<number>,
  a: number,
  b: number,
  gradient?: Float64Array,
  factor = 1,
  offset = 0,
): number {
  let total = 0;
  for (let p = pieceAt(pieces, a); p < pieces.count && pieces.start[p]! < b; p++) {
    const from = Math.max(a, pieces.start[p]!);
    const to = Math.min(b, pieces.start[p + 1]!);
    if (!(to > from)) continue;
    const length = to - from;
    const u = ((from + to) / 2 - pieces.origin[p]!) * pieces.inverseLength[p]!;
    const l = pieces.left[p]!;
    const r = pieces.right[p]!;
    total += length * ((1 - u) * c[offset + l]! + u * c[offset + r]!);
    if (gradient) {
      gradient[offset + l] = gradient[offset + l]! + factor * length * (1 - u);
      gradient[offset + r] = gradient[offset + r]! + factor * length * u;
    }
  }
  return total;
}

/** The largest μ on [a, b): the envelope of the thinning simulation. */
export function backgroundMaximum(
  pieces: BackgroundPieces,
  c: ArrayLike<number>,
  a: number,
  b: number,
  offset = 0,
): number {
  let max = 0;
  for (let p = pieceAt(pieces, a); p < pieces.count && pieces.start[p]! < b; p++) {
    max = Math.max(max, c[offset + pieces.left[p]!]!, c[offset + pieces.right[p]!]!);
  }
  return max;
}
