import { type Matrix, ROUND_LIMIT } from "./bimatrixPolytopes.js";
import type { PartnerSolver } from "./partnerSolver.js";

/**
 * {@link PartnerSolver} in exact arithmetic: fraction-free Gauss–Jordan elimination (Edmonds
 * 1967; Bareiss 1968) of the augmented s × (s + 1) system [C'[S,T] | 1] on the integer payoffs,
 * exactly as {@link ExactTableau} pivots (the same columns of the same tableau, without the
 * slack columns): in doubles under the same bound (entries below 2⁵⁰, each pivot's numerators
 * below 2⁴⁹·D, so rounding the quotient gives the exact integer), else in bigints. Pivoting row
 * by row, each pivot any nonzero entry, leaves D·w_T in the right-hand side column (D = ±det
 * C'[S,T], the last pivot); a row with no nonzero entry left means C'[S,T] is singular.
 */
export class ExactPartnerSolver implements PartnerSolver {
  /** Scratch: the augmented system, row-major with width s + 1, as doubles. */
  private readonly t: Float64Array;
  /** Per system row, the largest |entry| (bounds a pivot's numerators). */
  private readonly rowMax: Float64Array;
  /** Per system row, the system column pivoted in at it. */
  private readonly pivotOf: Int32Array;
  /** Per system column, whether it has been pivoted in. */
  private readonly done: Uint8Array;
  /** Per row of C', whether it is in S. */
  private readonly inS: Uint8Array;

  constructor(private readonly c: Matrix) {
    const s = Math.min(c.rows, c.cols);
    this.t = new Float64Array(s * (s + 1));
    this.rowMax = new Float64Array(s);
    this.pivotOf = new Int32Array(s);
    this.done = new Uint8Array(s);
    this.inS = new Uint8Array(c.rows);
  }

  decide(tight: readonly number[], free: readonly number[]): number {
    const { inS } = this;
    for (const i of tight) inS[i] = 1;
    const verdict =
      (this.c.small ? this.decideNumber(tight, free) : null) ?? this.decideBig(tight, free);
    for (const i of tight) inS[i] = 0;
    return verdict;
  }

  /** The elimination in doubles, or null when the bound could be broken (then in bigints). */
  private decideNumber(tight: readonly number[], free: readonly number[]): number | null {
    const { t, rowMax, pivotOf, done, inS } = this;
    const { num, cols: cc, rows: d } = this.c;
    const s = tight.length;
    const w = s + 1;
    for (let i = 0; i < s; i++) {
      const src = tight[i]! * cc;
      let max = 1;
      for (let j = 0; j < s; j++) {
        const v = num[src + free[j]!]!;
        t[i * w + j] = v;
        if (v > max) max = v;
        else if (-v > max) max = -v;
      }
      t[i * w + s] = 1;
      rowMax[i] = max;
    }
    done.fill(0, 0, s);
    let det = 1;
    for (let r = 0; r < s; r++) {
      const rr = r * w;
      // the largest entry left in row r (columns pivoted in already are 0 in it)
      let col = -1;
      let size = 0;
      for (let j = 0; j < s; j++) {
        const a = Math.abs(t[rr + j]!);
        if (!done[j] && a > size) [col, size] = [j, a];
      }
      if (col < 0) return 0; // row r depends on the rows pivoted before: singular
      const piv = t[rr + col]!;
      const limit = ROUND_LIMIT * Math.abs(det);
      const rowR = rowMax[r]!;
      for (let i = 0; i < s; i++) {
        if (i !== r && size * rowMax[i]! + Math.abs(t[i * w + col]!) * rowR > limit) return null;
      }
      const inv = 1 / det;
      for (let i = 0; i < s; i++) {
        if (i === r) continue;
        const row = i * w;
        const f = t[row + col]!;
        let max = size;
        for (let j = 0; j <= s; j++) {
          if (j === col || (j < s && done[j])) continue;
          const v = Math.round((piv * t[row + j]! - f * t[rr + j]!) * inv);
          t[row + j] = v;
          if (v > max) max = v;
          else if (-v > max) max = -v;
        }
        t[row + col] = 0;
        rowMax[i] = max;
      }
      done[col] = 1;
      pivotOf[r] = col;
      det = piv;
    }
    // w_{T[pivotOf[r]]} = t[r, s] / det; the slack of row i ∉ S is (det − Σ_r C'_{i,·}·t[r, s]) / det
    const sd = det > 0 ? 1 : -1;
    let tie = false;
    for (let r = 0; r < s; r++) {
      const v = t[r * w + s]! * sd;
      if (v < 0) return -1;
      if (v === 0) tie = true;
    }
    for (let i = 0; i < d; i++) {
      if (inS[i]) continue;
      const src = i * cc;
      let sum = det;
      let abs = Math.abs(det);
      for (let r = 0; r < s; r++) {
        const p = num[src + free[pivotOf[r]!]!]! * t[r * w + s]!;
        sum -= p;
        abs += Math.abs(p);
      }
      // below 2⁵³ every product and partial sum is exact; else the rounding error is below
      // (s + 2)·2⁻⁵³·abs, so a larger |sum| has the right sign; else recomputed in bigints
      let sign: number;
      if (abs < 2 ** 53 || Math.abs(sum) > abs * 2 ** -40) {
        sign = sum > 0 ? sd : sum < 0 ? -sd : 0;
      } else {
        let exact = BigInt(det);
        for (let r = 0; r < s; r++) {
          exact -= BigInt(num[src + free[pivotOf[r]!]!]!) * BigInt(t[r * w + s]!);
        }
        sign = exact > 0n ? sd : exact < 0n ? -sd : 0;
      }
      if (sign < 0) return -1;
      if (sign === 0) tie = true;
    }
    return tie ? 0 : 1;
  }

  /** The same elimination in bigints. */
  private decideBig(tight: readonly number[], free: readonly number[]): number {
    const { pivotOf, done, inS } = this;
    const { big, cols: cc, rows: d } = this.c;
    const s = tight.length;
    const w = s + 1;
    const t = new Array<bigint>(s * w);
    for (let i = 0; i < s; i++) {
      for (let j = 0; j < s; j++) t[i * w + j] = big![tight[i]! * cc + free[j]!]!;
      t[i * w + s] = 1n;
    }
    done.fill(0, 0, s);
    let det = 1n;
    for (let r = 0; r < s; r++) {
      const rr = r * w;
      let col = -1;
      for (let j = 0; j < s && col < 0; j++) if (!done[j] && t[rr + j] !== 0n) col = j;
      if (col < 0) return 0;
      const piv = t[rr + col]!;
      for (let i = 0; i < s; i++) {
        if (i === r) continue;
        const row = i * w;
        const f = t[row + col]!;
        for (let j = 0; j <= s; j++) {
          if (j === col || (j < s && done[j])) continue;
          t[row + j] = (piv * t[row + j]! - f * t[rr + j]!) / det;
        }
        t[row + col] = 0n;
      }
      done[col] = 1;
      pivotOf[r] = col;
      det = piv;
    }
    const sd = det > 0n ? 1n : -1n;
    let tie = false;
    for (let r = 0; r < s; r++) {
      const v = t[r * w + s]! * sd;
      if (v < 0n) return -1;
      if (v === 0n) tie = true;
    }
    for (let i = 0; i < d; i++) {
      if (inS[i]) continue;
      let sum = det;
      for (let r = 0; r < s; r++) sum -= big![i * cc + free[pivotOf[r]!]!]! * t[r * w + s]!;
      const v = sum * sd;
      if (v < 0n) return -1;
      if (v === 0n) tie = true;
    }
    return tie ? 0 : 1;
  }
}
