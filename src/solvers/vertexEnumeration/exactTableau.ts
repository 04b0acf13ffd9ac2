import { type Matrix, NUMBER_LIMIT_BIG, PRODUCT_GAP, ROUND_LIMIT } from "./bimatrixPolytopes.js";
import type { Tableau } from "./vertexTableau.js";

export class ExactTableau implements Tableau<bigint> {
  rows: number;
  structural = 0;
  readonly basis: Int32Array;
  readonly rowOf: Int32Array;
  private width = 0;
  /** Entries as doubles (exact integers below 2⁵⁰), or null while they are bigints. */
  private num: Float64Array | null = null;
  private big: bigint[] | null = null;
  private detNum = 1;
  private detBig = 1n;
  /** Per row, the largest |entry| (doubles mode): bounds a pivot's numerators cheaply. */
  private rowMax: Float64Array;
  /** Scratch: the columns a pivot updates. */
  private readonly active: Int32Array;
  private readonly buffer: Float64Array;

  constructor(
    private readonly c: Matrix,
    cols: Int32Array | null,
  ) {
    const k = c.rows;
    this.rows = k;
    this.basis = new Int32Array(k);
    this.rowOf = new Int32Array(c.cols + k);
    this.active = new Int32Array(c.cols + k + 1);
    this.rowMax = new Float64Array(k);
    this.buffer = new Float64Array(k * (c.cols + k + 1));
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
    for (let i = 0; i < k; i++) {
      this.basis[i] = d + i;
      this.rowOf[d + i] = i;
    }
    if (c.small) {
      const t = this.buffer.subarray(0, k * w);
      t.fill(0);
      for (let i = 0; i < k; i++) {
        let max = 1;
        const src = i * c.cols;
        for (let j = 0; j < d; j++) {
          const v = c.num[src + (cols ? cols[j]! : j)]!;
          t[i * w + j] = v;
          if (v > max) max = v;
          else if (-v > max) max = -v;
        }
        t[i * w + d + i] = 1;
        t[i * w + w - 1] = 1;
        this.rowMax[i] = max;
      }
      this.num = t;
      this.big = null;
      this.detNum = 1;
    } else {
      const t = new Array<bigint>(k * w).fill(0n);
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < d; j++) t[i * w + j] = c.big![i * c.cols + (cols ? cols[j]! : j)]!;
        t[i * w + d + i] = 1n;
        t[i * w + w - 1] = 1n;
      }
      this.num = null;
      this.big = t;
      this.detBig = 1n;
    }
  }

  private entry(i: number, c: number): bigint {
    return this.num ? BigInt(this.num[i * this.width + c]!) : this.big![i * this.width + c]!;
  }

  sign(i: number, c: number): number {
    if (this.num) return Math.sign(this.num[i * this.width + c]!);
    const v = this.big![i * this.width + c]!;
    return v > 0n ? 1 : v < 0n ? -1 : 0;
  }

  magnitude(i: number, c: number): number {
    return Math.abs(
      this.num ? this.num[i * this.width + c]! : Number(this.big![i * this.width + c]!),
    );
  }

  compare(i: number, h: number, c: number, lex: Int32Array): number {
    const w = this.width;
    const t = this.num;
    if (t) {
      const ai = t[i * w + c]!;
      const ah = t[h * w + c]!;
      for (let s = -1; s < lex.length; s++) {
        const j = s < 0 ? w - 1 : lex[s]!;
        const x = t[i * w + j]! * ah;
        const y = t[h * w + j]! * ai;
        if (x === y && Math.abs(x) < 2 ** 53) continue;
        if (Math.abs(x - y) > PRODUCT_GAP * (Math.abs(x) + Math.abs(y))) return x < y ? -1 : 1;
        const diff = BigInt(t[i * w + j]!) * BigInt(ah) - BigInt(t[h * w + j]!) * BigInt(ai);
        if (diff !== 0n) return diff < 0n ? -1 : 1;
      }
      return 0;
    }
    const b = this.big!;
    const ai = b[i * w + c]!;
    const ah = b[h * w + c]!;
    for (let s = -1; s < lex.length; s++) {
      const j = s < 0 ? w - 1 : lex[s]!;
      const diff = b[i * w + j]! * ah - b[h * w + j]! * ai;
      if (diff !== 0n) return diff < 0n ? -1 : 1;
    }
    return 0;
  }

  sumSign(rows: readonly number[], c: number, withDenominator: boolean): number {
    const w = this.width;
    if (this.num) {
      let sum = withDenominator ? -this.detNum : 0;
      let abs = withDenominator ? this.detNum : 0;
      for (const r of rows) {
        const v = this.num[r * w + c]!;
        sum += v;
        abs += Math.abs(v);
      }
      if (abs < 2 ** 53) return Math.sign(sum);
    }
    let sum = withDenominator ? -(this.num ? BigInt(this.detNum) : this.detBig) : 0n;
    for (const r of rows) sum += this.entry(r, c);
    return sum > 0n ? 1 : sum < 0n ? -1 : 0;
  }

  zeroValue(i: number): boolean {
    return this.num
      ? this.num[i * this.width + this.width - 1] === 0
      : this.big![i * this.width + this.width - 1] === 0n;
  }

  value(i: number): bigint {
    return this.entry(i, this.width - 1);
  }

  enter(r: number, c: number): void {
    this.pivot(r, c);
  }

  back(r: number, left: number): void {
    this.pivot(r, left);
  }

  /** Fraction-free pivot; a negative pivot element negates the tableau, so D stays positive. */
  pivot(r: number, c: number): void {
    const { width: w, rowOf, basis, active } = this;
    rowOf[basis[r]!] = -1;
    rowOf[c] = r;
    basis[r] = c;
    // columns that need arithmetic: the nonbasic ones (now including the leaving one) and the rhs
    let count = 0;
    for (let j = 0; j < w - 1; j++) if (rowOf[j]! < 0) active[count++] = j;
    active[count++] = w - 1;
    if (this.num && !this.pivotNumber(r, c, count)) this.toBig();
    if (!this.num) this.pivotBig(r, c, count);
  }

  /** The pivot in doubles, or false (nothing changed) when the bound could be broken. */
  private pivotNumber(r: number, c: number, count: number): boolean {
    const { width: w, rows: k, basis, active, rowMax } = this;
    const t = this.num!;
    const piv = t[r * w + c]!;
    const det = this.detNum;
    const absPiv = Math.abs(piv);
    const limit = ROUND_LIMIT * det;
    const rowR = rowMax[r]!;
    for (let i = 0; i < k; i++) {
      if (i !== r && absPiv * rowMax[i]! + Math.abs(t[i * w + c]!) * rowR > limit) return false;
    }
    const rr = r * w;
    // (x·(1/D) rounds at most once more than x/D: still within 1/4 of the integer quotient)
    const inv = 1 / det;
    for (let i = 0; i < k; i++) {
      if (i === r) continue;
      const row = i * w;
      const f = t[row + c]!;
      let max = absPiv;
      if (f === 0) {
        for (let a = 0; a < count; a++) {
          const j = active[a]!;
          const v = Math.round(piv * t[row + j]! * inv);
          t[row + j] = v;
          if (v > max) max = v;
          else if (-v > max) max = -v;
        }
      } else {
        for (let a = 0; a < count; a++) {
          const j = active[a]!;
          const v = Math.round((piv * t[row + j]! - f * t[rr + j]!) * inv);
          t[row + j] = v;
          if (v > max) max = v;
          else if (-v > max) max = -v;
        }
      }
      t[row + basis[i]!] = piv;
      t[row + c] = 0;
      rowMax[i] = max;
    }
    if (piv < 0) {
      for (let q = 0; q < k * w; q++) t[q] = -t[q]!;
      this.detNum = -piv;
    } else {
      this.detNum = piv;
    }
    return true;
  }

  private pivotBig(r: number, c: number, count: number): void {
    const { width: w, rows: k, basis, active } = this;
    const t = this.big!;
    const piv = t[r * w + c]!;
    const det = this.detBig;
    const rr = r * w;
    for (let i = 0; i < k; i++) {
      if (i === r) continue;
      const row = i * w;
      const f = t[row + c]!;
      if (f === 0n) {
        for (let a = 0; a < count; a++) {
          const j = active[a]!;
          t[row + j] = (piv * t[row + j]!) / det;
        }
      } else {
        for (let a = 0; a < count; a++) {
          const j = active[a]!;
          t[row + j] = (piv * t[row + j]! - f * t[rr + j]!) / det;
        }
      }
      t[row + basis[i]!] = piv;
      t[row + c] = 0n;
    }
    if (piv < 0n) {
      for (let q = 0; q < t.length; q++) t[q] = -t[q]!;
      this.detBig = -piv;
    } else {
      this.detBig = piv;
    }
    if (this.detBig < 1n << 40n) this.tryNumber();
  }

  private toBig(): void {
    this.big = Array.from(this.num!, (v) => BigInt(v));
    this.detBig = BigInt(this.detNum);
    this.num = null;
  }

  /** Back to doubles when every entry is below 2⁵⁰ again. */
  private tryNumber(): void {
    const t = this.big!;
    for (const v of t) if (v >= NUMBER_LIMIT_BIG || v <= -NUMBER_LIMIT_BIG) return;
    const w = this.width;
    const num = Float64Array.from(t, (v) => Number(v));
    for (let i = 0; i < this.rows; i++) {
      let max = 0;
      for (let j = 0; j < w; j++) max = Math.max(max, Math.abs(num[i * w + j]!));
      this.rowMax[i] = max;
    }
    this.num = num;
    this.detNum = Number(this.detBig);
    this.big = null;
  }
}
