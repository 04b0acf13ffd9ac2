import { roundingSlack, TINY } from "./intervalBox.js";
import {
  encloseEquations,
  encloseJacobian,
  type SupportSystem,
  type SystemWorkspace,
  setSigma,
} from "./supportSystem.js";

/** Scratch of {@link krawczyk} and {@link newtonSolve} for systems of dimension up to D. */
export interface KrawczykWorkspace {
  readonly fLo: Float64Array;
  readonly fHi: Float64Array;
  readonly jLo: Float64Array;
  readonly jHi: Float64Array;
  /** The approximate inverse Y of the Jacobian's midpoint. */
  readonly inverse: Float64Array;
  readonly scratch: Float64Array;
  readonly centre: Float64Array;
  readonly step: Float64Array;
  /** Scratch of blockContraction: an interval matrix (D × D) and vector (D). */
  readonly pLo: Float64Array;
  readonly pHi: Float64Array;
  readonly qLo: Float64Array;
  readonly qHi: Float64Array;
  /** Scratch of blockContraction's preconditioner (D × D). */
  readonly work: Float64Array;
  /** Scratch of blockContraction: the equations (row numbers) of one sweep. */
  readonly rowList: Int32Array;
}

/** A workspace for systems of up to `dimension` unknowns. */
export function krawczykWorkspace(dimension: number): KrawczykWorkspace {
  const d = Math.max(1, dimension);
  return {
    fLo: new Float64Array(d),
    fHi: new Float64Array(d),
    jLo: new Float64Array(d * d),
    jHi: new Float64Array(d * d),
    inverse: new Float64Array(d * d),
    scratch: new Float64Array(d * d),
    centre: new Float64Array(d),
    step: new Float64Array(d),
    pLo: new Float64Array(d * d),
    pHi: new Float64Array(d * d),
    qLo: new Float64Array(d),
    qHi: new Float64Array(d),
    work: new Float64Array(d * d),
    rowList: new Int32Array(d),
  };
}

/** What {@link krawczyk} proved about a box. */
export const KRAWCZYK_EXCLUDED = -1;
export const KRAWCZYK_UNKNOWN = 0;
export const KRAWCZYK_UNIQUE = 1;

/**
 * The Krawczyk test of a box X = [lo, hi] for the system F = 0 of a support:
 *   K(X) = c − Y·F(c) + (I − Y·J(X))·(X − c),
 * c the box's centre, J(X) an enclosure of the Jacobian over X, Y ≈ J(c)⁻¹ (Krawczyk 1969;
 * Moore, Kearfott & Cloud, "Introduction to Interval Analysis", 2009, §8.2). Every zero of F in
 * X lies in K(X), so K ∩ X = ∅ proves there is none (KRAWCZYK_EXCLUDED); K(X) inside the
 * interior of X proves there is exactly one (KRAWCZYK_UNIQUE). K(X) is written to kLo/kHi in
 * both the unique and the unknown case (the caller may shrink X to K ∩ X). All interval
 * operations are rounded outward (see intervalBox). Y is computed in floats: it need not be
 * exact for the test to be sound.
 */
export function krawczyk(
  system: SupportSystem,
  ws: SystemWorkspace,
  kw: KrawczykWorkspace,
  lo: Float64Array,
  hi: Float64Array,
  kLo: Float64Array,
  kHi: Float64Array,
): number {
  const d = system.dimension;
  const { fLo, fHi, jLo, jHi, inverse, centre } = kw;
  setSigma(system, lo, hi, false, ws);
  encloseJacobian(system, ws, jLo, jHi);
  for (let v = 0; v < d; v++) centre[v] = 0.5 * (lo[v]! + hi[v]!);
  setSigma(system, centre, centre, false, ws);
  encloseEquations(system, ws, fLo, fHi);
  for (let k = 0; k < d * d; k++) kw.scratch[k] = 0.5 * (jLo[k]! + jHi[k]!);
  if (!invertInPlace(kw.scratch, inverse, d)) {
    kLo.set(lo.subarray(0, d));
    kHi.set(hi.subarray(0, d));
    return KRAWCZYK_UNKNOWN;
  }
  const slack = roundingSlack(2 * d + 2);
  let unique = true;
  for (let k = 0; k < d; k++) {
    // c_k − (Y·F(c))_k
    let low = centre[k]!;
    let high = centre[k]!;
    let abs = Math.abs(centre[k]!);
    for (let l = 0; l < d; l++) {
      const y = inverse[k * d + l]!;
      const a = y * fLo[l]!;
      const b = y * fHi[l]!;
      low -= Math.max(a, b);
      high -= Math.min(a, b);
      abs += Math.max(Math.abs(a), Math.abs(b));
    }
    // + Σ_j (I − Y·J(X))_kj · (X_j − c_j)
    for (let j = 0; j < d; j++) {
      let mLo = k === j ? 1 : 0;
      let mHi = mLo;
      let mAbs = mLo;
      for (let l = 0; l < d; l++) {
        const y = inverse[k * d + l]!;
        if (y === 0) continue;
        const a = y * jLo[l * d + j]!;
        const b = y * jHi[l * d + j]!;
        mLo -= Math.max(a, b);
        mHi -= Math.min(a, b);
        mAbs += Math.max(Math.abs(a), Math.abs(b));
      }
      const mSlack = roundingSlack(d + 1) * mAbs + TINY;
      mLo -= mSlack;
      mHi += mSlack;
      const dLo = lo[j]! - centre[j]!;
      const dHi = hi[j]! - centre[j]!;
      const dSlack = 2 ** -52 * Math.max(Math.abs(dLo), Math.abs(dHi)) + TINY;
      const xLo = dLo - dSlack;
      const xHi = dHi + dSlack;
      const p1 = mLo * xLo;
      const p2 = mLo * xHi;
      const p3 = mHi * xLo;
      const p4 = mHi * xHi;
      low += Math.min(p1, p2, p3, p4);
      high += Math.max(p1, p2, p3, p4);
      abs += Math.max(Math.abs(p1), Math.abs(p2), Math.abs(p3), Math.abs(p4));
    }
    const widen = slack * abs + TINY;
    low -= widen;
    high += widen;
    kLo[k] = low;
    kHi[k] = high;
    if (low > hi[k]! || high < lo[k]!) return KRAWCZYK_EXCLUDED;
    if (!(low > lo[k]! && high < hi[k]!)) unique = false;
  }
  return unique ? KRAWCZYK_UNIQUE : KRAWCZYK_UNKNOWN;
}

/**
 * Newton's method in floats on a support's system from x (overwritten with the result), at
 * most `iterations` steps. Returns the last step's largest component (small when it converged),
 * or Infinity when the Jacobian was singular or the iteration does not converge quadratically
 * (a step over 2, or from the third step on, one not under half the one before).
 */
export function newtonSolve(
  system: SupportSystem,
  ws: SystemWorkspace,
  kw: KrawczykWorkspace,
  x: Float64Array,
  iterations: number,
): number {
  const d = system.dimension;
  let last = Number.POSITIVE_INFINITY;
  let previous = Number.POSITIVE_INFINITY;
  for (let it = 0; it < iterations; it++) {
    setSigma(system, x, x, false, ws);
    encloseEquations(system, ws, kw.fLo, kw.fHi);
    encloseJacobian(system, ws, kw.jLo, kw.jHi);
    for (let k = 0; k < d * d; k++) kw.scratch[k] = 0.5 * (kw.jLo[k]! + kw.jHi[k]!);
    if (!invertInPlace(kw.scratch, kw.inverse, d)) return Number.POSITIVE_INFINITY;
    last = 0;
    for (let k = 0; k < d; k++) {
      let s = 0;
      for (let l = 0; l < d; l++) s += kw.inverse[k * d + l]! * 0.5 * (kw.fLo[l]! + kw.fHi[l]!);
      kw.step[k] = s;
      if (Math.abs(s) > last) last = Math.abs(s);
    }
    for (let k = 0; k < d; k++) x[k] = x[k]! - kw.step[k]!;
    // diverging (or far outside the simplex): give up
    if (!(last < 2) || (it >= 2 && last > 0.5 * previous)) return Number.POSITIVE_INFINITY;
    previous = last;
    if (last < 1e-15) break;
  }
  return last;
}

/**
 * Inverts the d × d matrix a (destroyed) into out by Gauss–Jordan elimination with partial
 * pivoting; false when a pivot is negligible (relative 1e-13), i.e. numerically singular.
 */
export function invertInPlace(a: Float64Array, out: Float64Array, d: number): boolean {
  let big = 0;
  for (let k = 0; k < d * d; k++) big = Math.max(big, Math.abs(a[k]!));
  if (!(big > 0)) return false;
  out.fill(0, 0, d * d);
  for (let k = 0; k < d; k++) out[k * d + k] = 1;
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++)
      if (Math.abs(a[r * d + col]!) > Math.abs(a[pivot * d + col]!)) pivot = r;
    const p = a[pivot * d + col]!;
    if (!(Math.abs(p) > 1e-13 * big)) return false;
    if (pivot !== col) {
      for (let c = 0; c < d; c++) {
        let t = a[col * d + c]!;
        a[col * d + c] = a[pivot * d + c]!;
        a[pivot * d + c] = t;
        t = out[col * d + c]!;
        out[col * d + c] = out[pivot * d + c]!;
        out[pivot * d + c] = t;
      }
    }
    for (let c = 0; c < d; c++) {
      a[col * d + c] = a[col * d + c]! / p;
      out[col * d + c] = out[col * d + c]! / p;
    }
    for (let r = 0; r < d; r++) {
      if (r === col) continue;
      const f = a[r * d + col]!;
      if (f === 0) continue;
      for (let c = 0; c < d; c++) {
        a[r * d + c] = a[r * d + c]! - f * a[col * d + c]!;
        out[r * d + c] = out[r * d + c]! - f * out[col * d + c]!;
      }
    }
  }
  return true;
}
