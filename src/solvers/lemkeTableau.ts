/**
 * Lemke's complementary pivoting on a compact tableau, shared by the starts of the sequence-form
 * LCP (sequenceFormStarts.ts, sequenceFormLcp.ts): labelled bases, the ratio test with
 * lexicographic ties, pivots in doubles and fraction-free in bigints, and the path itself.
 */
import { LinkageError } from "../errors/LinkageError.js";

/**
 * Default float tolerances (payoffs scaled to about [−1, 1]): entries at or below `pivot` are not
 * pivot candidates, and ratios closer than `tie` (relative) are ties, broken lexicographically.
 * A tableau may carry its own (`tolerance`).
 */
export const PIVOT_TOLERANCE = 1e-9;
const TIE_TOLERANCE = 1e-9;

// ---------------------------------------------------------------------------------------------
// The tableau, shared by both starts. It is kept in compact form as in lemkeHowson.ts: row i reads
// basic_i + Σ_c a[i][c]·nonbasic_c = a[i][0]. Labels 0 … pairs − 1 are the slacks w, labels
// pairs … 2·pairs − 1 their complements (w_i ↔ label i + pairs); then come free labels (the dual
// variables p, q of the tracing start: once basic they never leave, so their rows take no part in
// ratio tests), then z₀, then anything that must never enter again (artificial variables).
//
// Degeneracy is resolved lexicographically: the start's basis, in row order (`lexOrder`), carries
// the perturbation (ε, ε², …) of its right-hand side (times `lexSign`, +1 unless the tableau says
// otherwise), so a row's perturbed value is a[i][0] + lexSign·Σ_k ε^k·(the current coefficient of
// lexOrder[k] in row i), and the leaving row is the lexicographic minimum of those divided by the
// pivot-column entry (the perturbed problem is nondegenerate, so the path is unique and cannot
// cycle). Every choice of order and sign is a valid perturbation, but each gives its own path
// through a degenerate game, and path lengths differ by orders of magnitude (lemkeHowson.ts).

export interface Tableau<E> {
  readonly rows: number;
  /** 1 + the number of nonbasic variables; column 0 is the right-hand side. */
  readonly cols: number;
  readonly a: E;
  readonly basis: Int32Array;
  readonly nonbasic: Int32Array;
  readonly rowOf: Int32Array;
  readonly colOf: Int32Array;
  /** Number of complementary pairs. */
  readonly pairs: number;
  /** Labels in [freeStart, z0) are free. */
  readonly freeStart: number;
  readonly z0: number;
  /** The starting basis (free labels left out), whose perturbation breaks ties. */
  lexOrder: Int32Array;
  /**
   * −1 to perturb the right-hand side by −(ε, ε², …) instead of +(ε, ε², …): the ties then go
   * to the lexicographic minimum of −(basis-inverse entries) over the pivot entry. @default 1
   */
  readonly lexSign?: 1 | -1;
  /** Float tolerances, when not the defaults above. */
  readonly tolerance?: { readonly pivot: number; readonly tie: number };
}

/**
 * Index arrays for a compact tableau of `rows` rows whose initial basis is labels 0 … rows − 1 in
 * row order except where `basicOf` says otherwise, and whose nonbasic columns 1, 2, … hold
 * `nonbasicLabels` in order.
 */
export function layout(
  rows: number,
  labels: number,
  basisLabels: ArrayLike<number>,
  nonbasicLabels: ArrayLike<number>,
) {
  const basis = Int32Array.from(basisLabels);
  const nonbasic = new Int32Array(nonbasicLabels.length + 1).fill(-1);
  const rowOf = new Int32Array(labels).fill(-1);
  const colOf = new Int32Array(labels).fill(-1);
  for (let r = 0; r < rows; r++) rowOf[basis[r]!] = r;
  for (let c = 1; c <= nonbasicLabels.length; c++) {
    nonbasic[c] = nonbasicLabels[c - 1]!;
    colOf[nonbasic[c]!] = c;
  }
  return { basis, nonbasic, rowOf, colOf };
}

export const range = (from: number, to: number) =>
  Int32Array.from({ length: to - from }, (_, i) => from + i);

export function exchange(t: Tableau<unknown>, row: number, label: number): void {
  const c = t.colOf[label]!;
  const leaving = t.basis[row]!;
  t.basis[row] = label;
  t.rowOf[label] = row;
  t.colOf[label] = -1;
  t.nonbasic[c] = leaving;
  t.colOf[leaving] = c;
  t.rowOf[leaving] = -1;
}

export const isFree = (t: Tableau<unknown>, label: number) => label >= t.freeStart && label < t.z0;

// --------------------------------------------------------------------------------- float kernel

export function floatRatioRow(t: Tableau<Float64Array>, label: number, first: boolean): number {
  const { rows, cols, a, rowOf, colOf, basis, lexOrder } = t;
  const pivotTolerance = t.tolerance?.pivot ?? PIVOT_TOLERANCE;
  const tieTolerance = t.tolerance?.tie ?? TIE_TOLERANCE;
  const lexSign = t.lexSign ?? 1;
  const c = colOf[label]!;
  let best = -1;
  let bestRatio = 0;
  let bestPivot = 0;
  // first step of the covering start (z₀ enters, all coefficients −1): lexicographic maximum;
  // otherwise the minimum over positive entries
  const sign = first ? -1 : 1;
  for (let i = 0; i < rows; i++) {
    const p = a[i * cols + c]!;
    if (sign * p <= pivotTolerance || isFree(t, basis[i]!)) continue;
    const ratio = a[i * cols]! / p;
    if (best < 0) {
      best = i;
      bestRatio = ratio;
      bestPivot = p;
      continue;
    }
    const tie = tieTolerance * Math.max(1, Math.abs(bestRatio));
    if (sign * ratio < sign * bestRatio - tie) {
      best = i;
      bestRatio = ratio;
      bestPivot = p;
    } else if (sign * ratio <= sign * bestRatio + tie) {
      for (let k = 0; k < lexOrder.length; k++) {
        const l = lexOrder[k]!;
        const r = rowOf[l]!;
        const s = colOf[l]!;
        const u = (lexSign * (r >= 0 ? (i === r ? 1 : 0) : a[i * cols + s]!)) / p;
        const v = (lexSign * (r >= 0 ? (best === r ? 1 : 0) : a[best * cols + s]!)) / bestPivot;
        if (sign * u < sign * v - tieTolerance) {
          best = i;
          bestRatio = ratio;
          bestPivot = p;
          break;
        }
        if (sign * u > sign * v + tieTolerance) break;
      }
    }
  }
  return best;
}

/** Scratch for the pivot row's nonzero columns (grown as needed; one pivot runs at a time). */
let nonzeroColumns = new Int32Array(64);

/** Exchanges the basic variable of `row` with the nonbasic `label`, in doubles. */
export function floatPivot(t: Tableau<Float64Array>, row: number, label: number): void {
  const { rows, cols, a } = t;
  if (nonzeroColumns.length < cols) nonzeroColumns = new Int32Array(cols);
  const nz = nonzeroColumns;
  const c = t.colOf[label]!;
  const base = row * cols;
  const inv = 1 / a[base + c]!;
  let count = 0;
  for (let j = 0; j < cols; j++) {
    if (a[base + j]! !== 0) {
      a[base + j]! *= inv;
      if (j !== c) nz[count++] = j;
    }
  }
  a[base + c] = inv;
  for (let i = 0; i < rows; i++) {
    if (i === row) continue;
    const o = i * cols;
    const f = a[o + c]!;
    if (f === 0) continue;
    for (let k = 0; k < count; k++) {
      const j = nz[k]!;
      a[o + j]! -= f * a[base + j]!;
    }
    a[o + c] = -f * inv;
  }
  exchange(t, row, label);
}

// --------------------------------------------------------------------------------- exact kernel

export interface ExactTableau extends Tableau<bigint[]> {
  /** Previous pivot element D: stored entries are D times the true ones (D may be negative). */
  det: bigint;
}

export function exactRatioRow(t: ExactTableau, label: number, first: boolean): number {
  const { rows, cols, a, rowOf, colOf, det, basis, lexOrder } = t;
  const c = colOf[label]!;
  const positive = det > 0n;
  const negated = t.lexSign === -1;
  let best = -1;
  let bestPivot = 0n;
  const sign = first ? -1 : 1;
  for (let i = 0; i < rows; i++) {
    const p = a[i * cols + c]!;
    // true entry p / det must be positive (negative for the first step of the covering start)
    const truePositive = p !== 0n && p > 0n === positive;
    if (p === 0n || truePositive !== sign > 0 || isFree(t, basis[i]!)) continue;
    if (best < 0) {
      best = i;
      bestPivot = p;
      continue;
    }
    // p and bestPivot have the same sign, so u/p < v/bestPivot ⇔ u·bestPivot < v·p
    for (let k = -1; k < lexOrder.length; k++) {
      const l = k < 0 ? -1 : lexOrder[k]!;
      const r = k < 0 ? -1 : rowOf[l]!;
      const s = k < 0 ? 0 : colOf[l]!;
      const u = (r >= 0 ? (i === r ? det : 0n) : a[i * cols + s]!) * bestPivot;
      const v = (r >= 0 ? (best === r ? det : 0n) : a[best * cols + s]!) * p;
      // the right-hand side (k = −1) is never negated; the perturbation terms are under lexSign −1
      const less = negated && k >= 0 ? u > v : u < v;
      if (sign > 0 ? less : !less && u !== v) {
        best = i;
        bestPivot = p;
        break;
      }
      if (u !== v) break;
    }
  }
  return best;
}

/** Exchanges the basic variable of `row` with the nonbasic `label`, fraction-free in bigints. */
export function exactPivot(t: ExactTableau, row: number, label: number): void {
  // fraction-free (Bareiss) exchange, as in lemkeHowson.ts: the pivot row stays, the pivot becomes
  // D, the rest of the pivot column is negated, the others become (a·p − a_c·a_r)/D, exactly
  const { rows, cols, a } = t;
  const c = t.colOf[label]!;
  const base = row * cols;
  const p = a[base + c]!;
  const det = t.det;
  for (let i = 0; i < rows; i++) {
    if (i === row) continue;
    const o = i * cols;
    const f = a[o + c]!;
    if (f === 0n) {
      if (p !== det) for (let j = 0; j < cols; j++) a[o + j] = (a[o + j]! * p) / det;
      continue;
    }
    for (let j = 0; j < cols; j++) {
      if (j !== c) a[o + j] = (a[o + j]! * p - f * a[base + j]!) / det;
    }
    a[o + c] = -f;
  }
  a[base + c] = det;
  t.det = p;
  exchange(t, row, label);
}

// ---------------------------------------------------------------------------------- the path

export function followPath<T extends Tableau<unknown>>(
  t: T,
  ratioRow: (t: T, label: number, first: boolean) => number,
  pivot: (t: T, row: number, label: number) => void,
  firstEntering: number,
  coveringStart: boolean,
  maxPivots: number,
): number {
  const n = t.pairs;
  let entering = firstEntering;
  let pivots = 0;
  for (;;) {
    if (pivots >= maxPivots) {
      throw new LinkageError(
        "E_SOLVER",
        `sequence-form LCP: Lemke's algorithm did not end within ${maxPivots} pivots`,
      );
    }
    const row = ratioRow(t, entering, coveringStart && pivots === 0);
    if (row < 0) {
      throw new LinkageError(
        "E_SOLVER",
        `sequence-form LCP: ray termination after ${pivots} pivots when label ${entering} entered (numerical trouble; try the exact variant)`,
      );
    }
    const leaving = t.basis[row]!;
    pivot(t, row, entering);
    pivots++;
    if (leaving === t.z0) return pivots;
    entering = leaving < n ? leaving + n : leaving - n;
  }
}
