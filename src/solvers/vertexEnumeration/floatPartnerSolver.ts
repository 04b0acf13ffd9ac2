import type { Matrix } from "./bimatrixPolytopes.js";
import type { PartnerSolver } from "./partnerSolver.js";

/**
 * Relative margin of {@link FloatPartnerSolver}: a sign is taken as certain only beyond it
 * (a thousand times {@link VERTEX_TOLERANCE}, so the face search, which uses that tolerance,
 * would decide the same); closer calls are left to the face search.
 */
export const PARTNER_MARGIN = 1e-6;
/** Smallest pivot {@link FloatPartnerSolver} accepts (entries are in [1, 2]); smaller: undecided. */
export const PARTNER_PIVOT = 1e-6;

/**
 * {@link PartnerSolver} in floating point: Gaussian elimination with partial pivoting and back
 * substitution. Only clear violations reject (beyond {@link PARTNER_MARGIN} relative to the
 * solution's size); near-singular systems and near ties are undecided, so the face search, with
 * its own tolerance, decides those exactly as before.
 */
export class FloatPartnerSolver implements PartnerSolver {
  private readonly t: Float64Array;
  private readonly y: Float64Array;
  /** The system row at each elimination step. */
  private readonly order: Int32Array;
  private readonly inS: Uint8Array;

  constructor(private readonly c: Matrix) {
    const s = Math.min(c.rows, c.cols);
    this.t = new Float64Array(s * (s + 1));
    this.y = new Float64Array(s);
    this.order = new Int32Array(s);
    this.inS = new Uint8Array(c.rows);
  }

  decide(tight: readonly number[], free: readonly number[]): number {
    const { inS } = this;
    for (const i of tight) inS[i] = 1;
    const verdict = this.solve(tight, free);
    for (const i of tight) inS[i] = 0;
    return verdict;
  }

  private solve(tight: readonly number[], free: readonly number[]): number {
    const { t, y, order, inS } = this;
    const { num, cols: cc, rows: d } = this.c;
    const s = tight.length;
    const w = s + 1;
    for (let i = 0; i < s; i++) {
      const src = tight[i]! * cc;
      for (let j = 0; j < s; j++) t[i * w + j] = num[src + free[j]!]!;
      t[i * w + s] = 1;
      order[i] = i;
    }
    for (let p = 0; p < s; p++) {
      let best = p;
      let size = Math.abs(t[order[p]! * w + p]!);
      for (let q = p + 1; q < s; q++) {
        const a = Math.abs(t[order[q]! * w + p]!);
        if (a > size) [best, size] = [q, a];
      }
      if (!(size >= PARTNER_PIVOT)) return 0;
      const pr = order[best]!;
      order[best] = order[p]!;
      order[p] = pr;
      const piv = t[pr * w + p]!;
      for (let q = p + 1; q < s; q++) {
        const row = order[q]! * w;
        const f = t[row + p]! / piv;
        if (f === 0) continue;
        for (let j = p + 1; j <= s; j++) t[row + j]! -= f * t[pr * w + j]!;
        t[row + p] = 0;
      }
    }
    let scale = 1;
    for (let p = s - 1; p >= 0; p--) {
      const row = order[p]! * w;
      let v = t[row + s]!;
      for (let j = p + 1; j < s; j++) v -= t[row + j]! * y[j]!;
      y[p] = v / t[row + p]!;
      scale = Math.max(scale, Math.abs(y[p]!));
    }
    let tie = false;
    const margin = PARTNER_MARGIN * scale;
    for (let j = 0; j < s; j++) {
      if (y[j]! < -margin) return -1;
      if (y[j]! <= margin) tie = true;
    }
    for (let i = 0; i < d; i++) {
      if (inS[i]) continue;
      const src = i * cc;
      let dot = 0;
      let abs = 0;
      for (let j = 0; j < s; j++) {
        const p = num[src + free[j]!]! * y[j]!;
        dot += p;
        abs += Math.abs(p);
      }
      const slack = 1 - dot;
      const m = PARTNER_MARGIN * Math.max(1, abs);
      if (slack < -m) return -1;
      if (slack <= m) tie = true;
    }
    return tie ? 0 : 1;
  }
}
