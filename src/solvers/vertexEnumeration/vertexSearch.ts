import { LinkageError } from "../../errors/LinkageError.js";
import type { Tableau } from "./vertexTableau.js";

/** A vertex of P or Q other than the origin: its tight constraints (labels) and coordinates. */
export interface Vertex<V> {
  /** Bit set of labels 0..m+n−1, 32 per word. */
  readonly labels: Uint32Array;
  /** Coordinates, up to a common positive factor. */
  readonly values: V[];
  /** Whether a basic variable is 0 (then the vertex may have other bases). */
  readonly degenerate: boolean;
}

/** How {@link vertices} reads and restricts a tableau. */
export interface SearchSpace {
  /** Each variable's label. */
  readonly labelOf: Int32Array;
  /** Words per label set. */
  readonly words: number;
  /** Labels every vertex has besides those read from the tableau (the face's fixed zeros). */
  readonly fixedLabels: Uint32Array | null;
  /** Output coordinate of each structural variable, and the number of coordinates. */
  readonly coordinate: Int32Array;
  readonly dimension: number;
  /** Variables that may enter the basis (null: all). */
  readonly allowed: Uint8Array | null;
  /** Columns compared after the right-hand side in the lexicographic ratio test. */
  readonly lex: Int32Array;
}

/**
 * Depth-first search over the lexico-feasible bases of `t` from its current basis, which must be
 * lexico-feasible. Yields each new vertex once, and `null` after a new basis that gives no new
 * vertex (or gives the origin), so the caller can check the clock.
 */
export function* vertices<V>(
  t: Tableau<V>,
  space: SearchSpace,
  zero: V,
  counter: { bases: number },
): Generator<Vertex<V> | null> {
  const { allowed, lex } = space;
  const nVars = t.structural + t.rows;
  const inBasis = new Uint8Array(nVars);
  for (let i = 0; i < t.rows; i++) inBasis[t.basis[i]!] = 1;
  // a basis as a set of variables: an exact sum of powers of two when it fits a double
  const numeric = nVars <= 52;
  const pow2 = Float64Array.from({ length: nVars }, (_, v) => 2 ** v);
  let code = 0;
  for (let i = 0; i < t.rows; i++) code += pow2[t.basis[i]!]!;
  /** Key of the current basis with `left` replaced by `c` (−1, −1: the current basis). */
  const key = (left: number, c: number): number | string => {
    if (numeric) return left < 0 ? code : code - pow2[left]! + pow2[c]!;
    let s = "";
    for (let v = 0; v < nVars; v += 16) {
      let bits = 0;
      for (let b = 0; b < 16 && v + b < nVars; b++) {
        const u = v + b;
        if (u === c || (u !== left && inBasis[u])) bits |= 1 << b;
      }
      s += String.fromCharCode(bits);
    }
    return s;
  };
  const visitedBases = new Set<number | string>([key(-1, -1)]);
  const seenDegenerate = new Set<number | string>();
  counter.bases++;

  /** The new vertex at the current basis, or null (the origin, or seen at another basis). */
  const read = (): Vertex<V> | null => {
    const v = readVertex(t, space, zero);
    if (!v?.degenerate) return v; // a nondegenerate vertex has no other basis
    const id = labelKey(v.labels);
    if (seenDegenerate.has(id)) return null;
    seenDegenerate.add(id);
    return v;
  };

  yield read();
  // the pivots taken on the way down: (row, leaving variable, next column to try) per depth
  let stack = new Int32Array(3 * 1024);
  let depth = 0;
  let next = 0;
  for (;;) {
    if (next < nVars) {
      const c = next++;
      if (t.rowOf[c]! >= 0 || (allowed && !allowed[c])) continue;
      let r = -1;
      for (let i = 0; i < t.rows; i++) {
        if (t.sign(i, c) > 0 && (r < 0 || t.compare(i, r, c, lex) < 0)) r = i;
      }
      if (r < 0) throw new LinkageError("E_SOLVER", "vertex enumeration: unbounded edge");
      const left = t.basis[r]!;
      const id = key(left, c);
      if (visitedBases.has(id)) continue;
      visitedBases.add(id);
      inBasis[left] = 0;
      inBasis[c] = 1;
      code += pow2[c]! - pow2[left]!;
      counter.bases++;
      t.enter(r, c);
      if (3 * depth + 3 > stack.length) {
        const grown = new Int32Array(2 * stack.length);
        grown.set(stack);
        stack = grown;
      }
      stack[3 * depth] = r;
      stack[3 * depth + 1] = left;
      stack[3 * depth + 2] = next;
      depth++;
      next = 0;
      yield read();
    } else {
      if (depth === 0) return;
      depth--;
      const row = stack[3 * depth]!;
      const left = stack[3 * depth + 1]!;
      const entered = t.basis[row]!;
      inBasis[entered] = 0;
      inBasis[left] = 1;
      code += pow2[left]! - pow2[entered]!;
      t.back(row, left);
      next = stack[3 * depth + 2]!;
    }
  }
}

/** The vertex at the current basis (labels: nonbasic variables and basic ones at 0), or null at the origin. */
export function readVertex<V>(
  t: Tableau<V>,
  space: Omit<SearchSpace, "lex">,
  zero: V,
): Vertex<V> | null {
  const { labelOf, words, fixedLabels, coordinate, dimension } = space;
  const labels = fixedLabels ? fixedLabels.slice() : new Uint32Array(words);
  const values = new Array<V>(dimension).fill(zero);
  let nonzero = false;
  let degenerate = false;
  for (let v = 0; v < t.structural + t.rows; v++) {
    const i = t.rowOf[v]!;
    if (i < 0 || t.zeroValue(i)) {
      const label = labelOf[v]!;
      labels[label >>> 5]! |= 1 << (label & 31);
      if (i >= 0) degenerate = true;
    } else if (v < t.structural) {
      values[coordinate[v]!] = t.value(i);
      nonzero = true;
    }
  }
  return nonzero ? { labels, values, degenerate } : null;
}

/** A label set as a hash key: a number when it has at most 52 labels. */
export function labelKey(labels: Uint32Array): number | string {
  if (labels.length === 1) return labels[0]!;
  if (labels.length === 2 && labels[1]! < 1 << 20) return labels[0]! + labels[1]! * 2 ** 32;
  return Array.from(labels, (u) => u.toString(36)).join(",");
}

/** The whole polytope { z ≥ 0 : Cz ≤ 1 } whose structural variable s has label s and slack t label d + t. */
export function wholeSpace(d: number, k: number): SearchSpace {
  return {
    labelOf: Int32Array.from({ length: d + k }, (_, v) => v),
    words: Math.ceil((d + k) / 32),
    fixedLabels: null,
    coordinate: Int32Array.from({ length: d }, (_, s) => s),
    dimension: d,
    allowed: null,
    lex: Int32Array.from({ length: k }, (_, t) => d + t),
  };
}
