import type { Matrix } from "./bimatrixPolytopes.js";
import { VERTEX_TOLERANCE } from "./vertexEnumeration.js";
import type { Tableau } from "./vertexTableau.js";

export class FloatTableau implements Tableau<number> {
  rows: number;
  structural = 0;
  readonly basis: Int32Array;
  readonly rowOf: Int32Array;
  private width = 0;
  private t: Float64Array;

  constructor(
    private readonly c: Matrix,
    cols: Int32Array | null,
  ) {
    const k = c.rows;
    this.rows = k;
    this.basis = new Int32Array(k);
    this.rowOf = new Int32Array(c.cols + k);
    this.t = new Float64Array(k * (c.cols + k + 1));
    this.load(cols);
  }

  /** Resets to the slack basis of { z ≥ 0 : C_cols z ≤ 1 } (all columns when null). */
  load(cols: Int32Array | null): void {
    const { c, rows: k } = this;
    const d = cols ? cols.length : c.cols;
    const w = d + k + 1;
    this.structural = d;
    this.width = w;
    this.rowOf.fill(-1);
    if (this.t.length < k * w) this.t = new Float64Array(k * w);
    const t = this.t;
    t.fill(0, 0, k * w);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < d; j++) t[i * w + j] = c.num[i * c.cols + (cols ? cols[j]! : j)]!;
      t[i * w + d + i] = 1;
      t[i * w + w - 1] = 1;
      this.basis[i] = d + i;
      this.rowOf[d + i] = i;
    }
  }

  sign(i: number, c: number): number {
    const v = this.t[i * this.width + c]!;
    return v > VERTEX_TOLERANCE ? 1 : v < -VERTEX_TOLERANCE ? -1 : 0;
  }

  magnitude(i: number, c: number): number {
    return Math.abs(this.t[i * this.width + c]!);
  }

  compare(i: number, h: number, c: number, lex: Int32Array): number {
    const { t, width: w } = this;
    const ai = t[i * w + c]!;
    const ah = t[h * w + c]!;
    for (let s = -1; s < lex.length; s++) {
      const j = s < 0 ? w - 1 : lex[s]!;
      const diff = t[i * w + j]! / ai - t[h * w + j]! / ah;
      if (diff < -VERTEX_TOLERANCE) return -1;
      if (diff > VERTEX_TOLERANCE) return 1;
    }
    return 0;
  }

  sumSign(rows: readonly number[], c: number, withDenominator: boolean): number {
    let sum = withDenominator ? -1 : 0;
    for (const r of rows) sum += this.t[r * this.width + c]!;
    return sum > VERTEX_TOLERANCE ? 1 : sum < -VERTEX_TOLERANCE ? -1 : 0;
  }

  zeroValue(i: number): boolean {
    return this.t[i * this.width + this.width - 1]! <= VERTEX_TOLERANCE;
  }

  value(i: number): number {
    return Math.max(0, this.t[i * this.width + this.width - 1]!);
  }

  enter(r: number, c: number): void {
    this.pivot(r, c);
  }

  pivot(r: number, c: number): void {
    const { t, width: w, rows: k, rowOf, basis } = this;
    rowOf[basis[r]!] = -1;
    rowOf[c] = r;
    basis[r] = c;
    const rr = r * w;
    const piv = t[rr + c]!;
    for (let j = 0; j < w; j++) t[rr + j]! /= piv;
    t[rr + c] = 1;
    for (let i = 0; i < k; i++) {
      const row = i * w;
      const f = t[row + c]!;
      if (i === r || f === 0) continue;
      for (let j = 0; j < w; j++) t[row + j]! -= f * t[rr + j]!;
      t[row + c] = 0;
    }
  }

  back(r: number, left: number): void {
    this.pivot(r, left);
  }
}
