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

/** Scratch for the rows tied in a ratio test, and a mark per tied row (one test runs at a time). */
let tiedRows = new Int32Array(64);
let tiedMark = new Uint8Array(64);

function tieScratch(rows: number): void {
  if (tiedRows.length < rows) {
    tiedRows = new Int32Array(rows);
    tiedMark = new Uint8Array(rows);
  }
}

/**
 * The leaving row when `label` enters, in doubles: the minimum ratio rhs / pivot-column entry
 * over positive entries (the maximum over negative ones on the `first` step of the covering
 * start), ties broken lexicographically. Ties are kept as a set and narrowed one perturbation
 * term at a time: a term whose slack is basic is a unit column, decided without reading the
 * tableau (it either picks its own row or removes it), so only the nonbasic slacks' stored
 * columns are read — a few when the supports are small. Nothing is allocated.
 */
export function floatRatioRow(t: Tableau<Float64Array>, label: number, first: boolean): number {
  const { rows, cols, a, rowOf, colOf, basis, lexOrder } = t;
  const pivotTolerance = t.tolerance?.pivot ?? PIVOT_TOLERANCE;
  const tieTolerance = t.tolerance?.tie ?? TIE_TOLERANCE;
  const lexSign = t.lexSign ?? 1;
  const c = colOf[label]!;
  // first step of the covering start (z₀ enters, all coefficients −1): lexicographic maximum;
  // otherwise the minimum over positive entries
  const sign = first ? -1 : 1;
  let best = -1;
  let bestRatio = 0;
  for (let i = 0; i < rows; i++) {
    const p = a[i * cols + c]!;
    if (sign * p <= pivotTolerance || isFree(t, basis[i]!)) continue;
    const ratio = (sign * a[i * cols]!) / p;
    if (best < 0 || ratio < bestRatio) {
      best = i;
      bestRatio = ratio;
    }
  }
  if (best < 0) return -1;
  tieScratch(rows);
  const tied = tiedRows;
  const mark = tiedMark;
  const tie = tieTolerance * Math.max(1, Math.abs(bestRatio));
  let count = 0;
  for (let i = 0; i < rows; i++) {
    const p = a[i * cols + c]!;
    if (sign * p <= pivotTolerance || isFree(t, basis[i]!)) continue;
    if ((sign * a[i * cols]!) / p <= bestRatio + tie) tied[count++] = i;
  }
  if (count === 1) return tied[0]!;
  for (let k = 0; k < count; k++) mark[tied[k]!] = 1;
  for (let k = 0; k < lexOrder.length && count > 1; k++) {
    const l = lexOrder[k]!;
    const r = rowOf[l]!;
    if (r >= 0) {
      // unit column: row r's term is lexSign / p, every other row's 0
      if (mark[r] === 0) continue;
      const term = (sign * lexSign) / a[r * cols + c]!;
      if (term < 0) {
        count = 1;
        tied[0] = r;
        break;
      }
      mark[r] = 0;
      count = withoutRow(tied, count, r);
      continue;
    }
    const s = colOf[l]!;
    let least = Number.POSITIVE_INFINITY;
    for (let q = 0; q < count; q++) {
      const i = tied[q]!;
      const term = (sign * lexSign * a[i * cols + s]!) / a[i * cols + c]!;
      if (term < least) least = term;
    }
    let w = 0;
    for (let q = 0; q < count; q++) {
      const i = tied[q]!;
      const term = (sign * lexSign * a[i * cols + s]!) / a[i * cols + c]!;
      if (term <= least + tieTolerance) tied[w++] = i;
      else mark[i] = 0;
    }
    count = w;
  }
  const row = tied[0]!;
  for (let i = 0; i < rows; i++) mark[i] = 0;
  return row;
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
  // a dense pivot row (the usual case in a bimatrix game) is faster by direct indexing, four
  // entries a step (1.7× and then 1.5× per pivot on a 200×201 tableau): the pivot column is
  // updated with the rest (its entry in the pivot row is inv) and then set to −f·inv
  const dense = 2 * count > cols;
  for (let i = 0; i < rows; i++) {
    if (i === row) continue;
    const o = i * cols;
    const f = a[o + c]!;
    if (f === 0) continue;
    if (dense) {
      let j = 0;
      for (; j + 3 < cols; j += 4) {
        const x = o + j;
        const y = base + j;
        a[x]! -= f * a[y]!;
        a[x + 1]! -= f * a[y + 1]!;
        a[x + 2]! -= f * a[y + 2]!;
        a[x + 3]! -= f * a[y + 3]!;
      }
      for (; j < cols; j++) a[o + j]! -= f * a[base + j]!;
    } else {
      for (let k = 0; k < count; k++) {
        const j = nz[k]!;
        a[o + j]! -= f * a[base + j]!;
      }
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

/**
 * {@link floatRatioRow} in exact integers: the tableau holds D times the true entries, so a ratio
 * u/p is compared with v/q as u·q against v·p (p and q have the same sign), and ties are exact.
 */
export function exactRatioRow(t: ExactTableau, label: number, first: boolean): number {
  const { rows, cols, a, rowOf, colOf, det, basis, lexOrder } = t;
  const c = colOf[label]!;
  const positive = det > 0n;
  const lexSign = t.lexSign ?? 1;
  const sign = first ? -1 : 1;
  // true entry p / det must be positive (negative for the first step of the covering start)
  const candidate = (i: number) => {
    const p = a[i * cols + c]!;
    return p !== 0n && (p > 0n === positive) === sign > 0 && !isFree(t, basis[i]!);
  };
  // sign of (sign·u/p − sign·v/q) for candidate rows' entries u, v and pivots p, q (same sign)
  const compare = (u: bigint, p: bigint, v: bigint, q: bigint, s: number) => {
    const d = u * q - v * p;
    return d === 0n ? 0 : d > 0n === s > 0 ? 1 : -1;
  };
  let best = -1;
  for (let i = 0; i < rows; i++) {
    if (!candidate(i)) continue;
    if (
      best < 0 ||
      compare(a[i * cols]!, a[i * cols + c]!, a[best * cols]!, a[best * cols + c]!, sign) < 0
    )
      best = i;
  }
  if (best < 0) return -1;
  tieScratch(rows);
  const tied = tiedRows;
  const mark = tiedMark;
  let count = 0;
  const rb = a[best * cols]!;
  const pb = a[best * cols + c]!;
  for (let i = 0; i < rows; i++) {
    if (i === best || (candidate(i) && a[i * cols]! * pb === rb * a[i * cols + c]!))
      tied[count++] = i;
  }
  if (count === 1) return best;
  for (let k = 0; k < count; k++) mark[tied[k]!] = 1;
  for (let k = 0; k < lexOrder.length && count > 1; k++) {
    const l = lexOrder[k]!;
    const r = rowOf[l]!;
    if (r >= 0) {
      // unit column: row r's term is lexSign·D/p, of the sign of lexSign (D/p has the sign of
      // the true pivot entry, `sign`), every other row's 0
      if (mark[r] === 0) continue;
      if (lexSign < 0) {
        count = 1;
        tied[0] = r;
        break;
      }
      mark[r] = 0;
      count = withoutRow(tied, count, r);
      continue;
    }
    const s = colOf[l]!;
    let least = tied[0]!;
    for (let q = 1; q < count; q++) {
      const i = tied[q]!;
      if (
        compare(
          a[i * cols + s]!,
          a[i * cols + c]!,
          a[least * cols + s]!,
          a[least * cols + c]!,
          sign * lexSign,
        ) < 0
      )
        least = i;
    }
    const u = a[least * cols + s]!;
    const p = a[least * cols + c]!;
    let w = 0;
    for (let q = 0; q < count; q++) {
      const i = tied[q]!;
      if (i === least || a[i * cols + s]! * p === u * a[i * cols + c]!) tied[w++] = i;
      else mark[i] = 0;
    }
    count = w;
  }
  const row = tied[0]!;
  for (let i = 0; i < rows; i++) mark[i] = 0;
  return row;
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

/** Removes row `r` from the first `count` entries of the tied rows, in place; the new count. */
function withoutRow(tied: Int32Array, count: number, r: number): number {
  let w = 0;
  for (let q = 0; q < count; q++) if (tied[q] !== r) tied[w++] = tied[q]!;
  return w;
}
