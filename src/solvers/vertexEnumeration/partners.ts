import { LinkageError } from "../../errors/LinkageError.js";
import type { PartnerSolver } from "./partnerSolver.js";
import { readVertex, type SearchSpace, type Vertex, vertices } from "./vertexSearch.js";
import type { Tableau } from "./vertexTableau.js";

/**
 * The vertices w of the other polytope { w ≥ 0 : C'w ≤ 1 } (C' = `partner`, d × k) that complete
 * the labels of the vertex z of { z ≥ 0 : Cz ≤ 1 } (C k × d). In the other polytope, w_t has
 * label d + t and the slack of row s label s. The labels z lacks are forced: row s tight where
 * z_s > 0, and w_t = 0 where the slack of row t is positive at z; the partners are the vertices
 * of that face. When z is nondegenerate, `solver` (when given) first decides them from the
 * square system alone; the face is searched when it cannot. Stops early (returning what it has)
 * when `expired()`.
 */
export function partners<V>(
  z: Vertex<V>,
  d: number,
  k: number,
  t: Tableau<V>,
  solver: PartnerSolver | null,
  zero: V,
  counter: { bases: number },
  stats: { partnerSolves: number; faceSearches: number },
  expired: () => boolean,
): Vertex<V>[] {
  const has = (label: number) => (z.labels[label >>> 5]! >>> (label & 31)) & 1;
  const tight: number[] = []; // rows s of C' that must be tight
  for (let s = 0; s < d; s++) if (!has(s)) tight.push(s);
  const free: number[] = []; // columns t of C' that may be positive
  for (let t = 0; t < k; t++) if (has(d + t)) free.push(t);
  if (free.length === 0 || tight.length === 0) return [];
  // z has d − |tight| + |free| labels, exactly d when nondegenerate: then the system is square
  const verdict = solver && free.length === tight.length ? solver.decide(tight, free) : 0;
  if (verdict === 0) stats.faceSearches++;
  else stats.partnerSolves++;
  if (verdict < 0) return [];
  // verdict > 0: the partner exists and is unique; it is read off Q's tableau below (one
  // Gauss–Jordan elimination, for the few vertices that have a partner), so that it has exactly
  // the values and labels the face search gives
  const cols = Int32Array.from(free);
  const f = free.length;
  const words = Math.ceil((d + k) / 32);
  // face variables: w_{free[c]} (c < f), label d + free[c]; slack of row s (f + s), label s
  const labelOf = Int32Array.from({ length: f + d }, (_, v) => (v < f ? d + free[v]! : v - f));
  const fixedLabels = new Uint32Array(words);
  for (let t = 0, c = 0; t < k; t++) {
    if (c < f && free[c] === t) c++;
    else fixedLabels[(d + t) >>> 5]! |= 1 << ((d + t) & 31);
  }
  const allowed = new Uint8Array(f + d).fill(1);
  for (const s of tight) allowed[f + s] = 0;
  const space: Omit<SearchSpace, "lex"> = {
    labelOf,
    words,
    fixedLabels,
    coordinate: cols,
    dimension: k,
    allowed,
  };

  // Gauss–Jordan: pivot the tight rows' slacks out; a single point when every w_t gets in
  t.load(cols);
  let entered = 0;
  for (const s of tight) {
    const row = t.rowOf[f + s]!;
    // the largest pivot, or a positive one at least a tenth as large (a negative pivot negates
    // the exact tableau)
    let best = -1;
    let size = 0;
    let positive = -1;
    let positiveSize = 0;
    for (let c = 0; c < f; c++) {
      const sign = t.sign(row, c);
      if (t.rowOf[c]! >= 0 || sign === 0) continue;
      const mag = t.magnitude(row, c);
      if (best < 0 || mag > size) [best, size] = [c, mag];
      if (sign > 0 && (positive < 0 || mag > positiveSize)) [positive, positiveSize] = [c, mag];
    }
    if (positive >= 0 && positiveSize >= 0.1 * size) best = positive;
    if (best >= 0) {
      t.pivot(row, best);
      entered++;
    } else if (!t.zeroValue(row)) {
      return []; // the tight rows are inconsistent
    }
  }
  if (entered === f) {
    for (let i = 0; i < t.rows; i++) if (t.sign(i, f + d) < 0) return [];
    const only = readVertex(t, space, zero);
    return only ? [only] : [];
  }
  t.load(cols);
  return faceVertices(t, tight, space, zero, counter, expired);
}

/**
 * The vertices of the face { w : slacks of the `tight` rows = 0 } of a tableau at its slack
 * basis: phase 1 (Bland's rule) minimises the sum of those slacks, which is 0 iff the face is
 * nonempty; the ones still basic (at 0) are pivoted out where possible (elsewhere their rows are
 * redundant), and the face's vertices are enumerated by the lexicographic search from there.
 */
export function faceVertices<V>(
  t: Tableau<V>,
  tight: readonly number[],
  space: Omit<SearchSpace, "lex">,
  zero: V,
  counter: { bases: number },
  expired: () => boolean,
): Vertex<V>[] {
  const f = t.structural;
  const nVars = f + t.rows;
  const rhs = nVars;
  const forced = new Uint8Array(nVars);
  for (const s of tight) forced[f + s] = 1;
  const forcedRows: number[] = [];
  for (;;) {
    forcedRows.length = 0;
    for (const s of tight) if (t.rowOf[f + s]! >= 0) forcedRows.push(t.rowOf[f + s]!);
    if (forcedRows.length === 0 || t.sumSign(forcedRows, rhs, false) === 0) break;
    // entering: the first variable whose reduced cost [forced]·D − Σ T_ρc is negative
    let c = 0;
    while (c < nVars && (t.rowOf[c]! >= 0 || t.sumSign(forcedRows, c, forced[c] === 1) <= 0)) c++;
    if (c === nVars) return []; // the minimum is positive: the face is empty
    let r = -1;
    for (let i = 0; i < t.rows; i++) {
      if (t.sign(i, c) <= 0) continue;
      const cmp = r < 0 ? -1 : t.compare(i, r, c, EMPTY);
      if (cmp < 0 || (cmp === 0 && t.basis[i]! < t.basis[r]!)) r = i;
    }
    if (r < 0) throw new LinkageError("E_SOLVER", "vertex enumeration: unbounded phase 1");
    t.pivot(r, c);
  }
  // drive the forced slacks (basic at 0) out of the basis; rows where that fails are redundant
  for (const s of tight) {
    const row = t.rowOf[f + s]!;
    if (row < 0) continue;
    let best = -1;
    let size = 0;
    for (let c = 0; c < nVars; c++) {
      if (t.rowOf[c]! >= 0 || forced[c] || t.sign(row, c) === 0) continue;
      const mag = t.magnitude(row, c);
      if (best < 0 || mag > size) [best, size] = [c, mag];
    }
    if (best >= 0) t.pivot(row, best);
  }
  // perturb by the current basis B₀ (lexicographic order on its columns), so it is lexico-feasible
  const lex: number[] = [];
  for (let i = 0; i < t.rows; i++) if (!forced[t.basis[i]!]) lex.push(t.basis[i]!);
  const out: Vertex<V>[] = [];
  for (const w of vertices(t, { ...space, lex: Int32Array.from(lex) }, zero, counter)) {
    if (w) out.push(w);
    if (expired()) break;
  }
  return out;
}

export const EMPTY = new Int32Array(0);
