import { LinkageError } from "../src/errors/LinkageError.js";
import type { StrategicGame } from "../src/games/strategicGame.js";
import { fromNumber, type Rational, rational } from "../src/math/rational.js";

/**
 * A mixed equilibrium of a two-player game: the row player's (player 1's) mixed strategy, then
 * the column player's, each a probability vector over the player's strategies in file order.
 * `T` is `Rational` for the exact solver and `number` for the floating-point one.
 */
export interface BimatrixEquilibrium<T> {
  readonly strategies: readonly [readonly T[], readonly T[]];
}

/** Options of {@link vertexEnumerationExact} and {@link vertexEnumeration}. */
export interface VertexEnumerationOptions {
  /**
   * Wall-clock budget in seconds. When it runs out the enumeration stops cleanly and returns the
   * equilibria found so far with `complete: false`. @default Infinity
   */
  readonly maxSeconds?: number;
  /** Called each time an equilibrium is found, with the number found so far. */
  readonly onProgress?: (found: number) => void;
}

/** What {@link vertexEnumerationExact} and {@link vertexEnumeration} return. */
export interface VertexEnumerationResult<T> {
  /** All extreme equilibria (distinct vertex pairs), in the order they were found. */
  readonly equilibria: BimatrixEquilibrium<T>[];
  /** `false` when `maxSeconds` stopped the enumeration before it finished. */
  readonly complete: boolean;
  /** Distinct nonzero vertices found of P (row player's polytope) and of Q. */
  readonly vertices: readonly [number, number];
  /** Lexico-feasible bases visited in both polytopes (more than the vertices when degenerate). */
  readonly bases: number;
}

/**
 * Floating-point tolerance of {@link vertexEnumeration}: pivot elements must exceed it, and basic
 * values within it of 0 count as 0 (a tight constraint). Payoffs are first scaled into [1, 2].
 */
export const VERTEX_TOLERANCE = 1e-9;

/**
 * All extreme Nash equilibria of a two-player strategic game, in exact rational arithmetic.
 *
 * Method (von Stengel 2007, §3.5): shift each player's payoffs to be positive, A, B > 0 (m × n),
 * and form the best-response polytopes
 *   P = { x ∈ ℝᵐ : x ≥ 0, Bᵀx ≤ 1 },   Q = { y ∈ ℝⁿ : Ay ≤ 1, y ≥ 0 }.
 * A point carries label i ∈ M = {1..m} when x_i = 0 (in P) or (Ay)_i = 1 (in Q), and label j ∈ N
 * when (Bᵀx)_j = 1 (in P) or y_j = 0 (in Q). A pair (x, y) ≠ (0, 0) of vertices is *completely
 * labelled* (every label of M ∪ N appears at x or at y) iff (x/Σx, y/Σy) is a Nash equilibrium,
 * and the extreme equilibria are exactly these vertex pairs (Mangasarian 1964; Winkels 1979).
 *
 * Vertices are enumerated by depth-first search over the feasible bases of each polytope's
 * dictionary, pivoting by the lexicographic ratio test and remembering visited bases in a hash
 * set. Degeneracy: the lexicographic rule is the simplex method on the perturbed right-hand side
 * 1 + (ε, ε², …), under which every basis is nondegenerate, so the lexico-feasible bases are the
 * vertices of a simple polytope and their pivot graph is connected (Dantzig, Orden & Wolfe 1955;
 * the same device as Avis's lrs, Avis & Fukuda 1992). Every vertex of the unperturbed polytope has
 * at least one lexico-feasible basis; a vertex's label set is read from the basis with ε = 0 (its
 * nonbasic variables and its basic variables at value 0), and vertices are deduplicated by label
 * set (a vertex is the only point of the polytope where its tight constraints hold). So degenerate
 * games give every extreme equilibrium, once each; a continuum of equilibria shows up as its
 * extreme points. The two polytopes are enumerated alternately and each new vertex is matched
 * against the other polytope's vertices found so far, so equilibria stream out as they are found.
 * Unlike lrs's reverse search, the search keeps the set of visited bases and a stack of pivots,
 * so memory grows with the number of bases (fine for games up to about 15 × 15).
 *
 * Arithmetic: an integer-preserving (fraction-free) tableau in bigints (Edmonds 1967; Bareiss
 * 1968): entries are D·B⁻¹[C | I | 1] with D = det B, a pivot on (r, c) sets
 * T'ᵢⱼ = (T_rc·Tᵢⱼ − Tᵢc·T_rj) / D (exact division) and keeps row r; backtracking pivots back.
 *
 * Exact and floating-point versions are two functions rather than a flag (STYLE.md practice 12,
 * and the `strategicRegret` / `strategicRegretExact` pair): their element types and guarantees
 * differ.
 *
 * Sources: B. von Stengel, "Equilibrium computation for two-player games in strategic and
 * extensive form", ch. 3 of Algorithmic Game Theory (Nisan et al., 2007); D. Avis and K. Fukuda,
 * "A pivoting algorithm for convex hulls and vertex enumeration of arrangements and polyhedra",
 * Discrete Comput. Geom. 8 (1992); D. Avis, "lrs: a revised implementation of the reverse search
 * vertex enumeration algorithm" (2000).
 *
 * @param game - a strategic game with exactly two players (exact payoffs used when present)
 * @returns the extreme equilibria as exact probability vectors, and whether the search finished
 * @throws {LinkageError} E_DOMAIN when the game does not have exactly two players
 * @example
 * // battle of the sexes: A = [[2, 0], [0, 1]], B = [[1, 0], [0, 2]]
 * vertexEnumerationExact(strategicGameFromTables([2, 2], [[2, 0, 0, 1], [1, 0, 0, 2]]))
 *   .equilibria.map((e) => e.strategies.map((s) => s.map(formatRational)));
 * // => [[["1","0"],["1","0"]], [["2/3","1/3"],["1/3","2/3"]], [["0","1"],["0","1"]]]
 */
export function vertexEnumerationExact(
  game: StrategicGame,
  options: VertexEnumerationOptions = {},
): VertexEnumerationResult<Rational> {
  const { m, n } = bimatrixShape(game);
  const exact = game.exactPayoffs ?? Array.from(game.payoffs, fromNumber);
  const a = integerPayoffs(exact, m, n, 0);
  const b = integerPayoffs(exact, m, n, 1);
  // P: rows j ∈ N, Σᵢ bᵢⱼ xᵢ + sⱼ = 1; x_i has label i, s_j label m + j
  const p = new ExactTableau(
    Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => b[i + m * j]!)),
  );
  // Q: rows i ∈ M, Σⱼ aᵢⱼ yⱼ + rᵢ = 1; y_j has label m + j, r_i label i
  const q = new ExactTableau(
    Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => a[i + m * j]!)),
  );
  return enumerate(p, q, m, n, options, 0n, normaliseExact);
}

/**
 * {@link vertexEnumerationExact} in floating point: the same lexicographic vertex enumeration on a
 * tableau of doubles, with payoffs scaled into [1, 2] and the tolerance {@link VERTEX_TOLERANCE}.
 * Much faster, but on degenerate or badly conditioned games a tolerance decides which constraints
 * are tight, so it can miss or split equilibria that the exact version gets right. Backtracking
 * restores saved tableaux instead of pivoting back, so rounding does not accumulate across the
 * search, only along one path from the origin.
 *
 * Sources: as {@link vertexEnumerationExact}.
 * @throws {LinkageError} E_DOMAIN when the game does not have exactly two players
 * @example
 * // matching pennies
 * vertexEnumeration(strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]])).equilibria
 * // => [{ strategies: [[0.5, 0.49999999999999994], [0.5, 0.49999999999999994]] }]
 */
export function vertexEnumeration(
  game: StrategicGame,
  options: VertexEnumerationOptions = {},
): VertexEnumerationResult<number> {
  const { m, n } = bimatrixShape(game);
  const a = scaledPayoffs(game.payoffs, m, n, 0);
  const b = scaledPayoffs(game.payoffs, m, n, 1);
  const p = new FloatTableau(
    Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => b[i + m * j]!)),
  );
  const q = new FloatTableau(
    Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => a[i + m * j]!)),
  );
  return enumerate(p, q, m, n, options, 0, normaliseFloat);
}

function bimatrixShape(game: StrategicGame): { m: number; n: number } {
  if (game.players.length !== 2) {
    throw new LinkageError(
      "E_DOMAIN",
      `vertex enumeration needs a two-player game, this one has ${game.players.length} players`,
    );
  }
  return { m: game.strategies[0]!.length, n: game.strategies[1]!.length };
}

/** Player p's payoffs as integers ≥ 1 (scaled by the common denominator, shifted), column-major m × n. */
function integerPayoffs(exact: readonly Rational[], m: number, n: number, p: number): bigint[] {
  let lcm = 1n;
  for (let k = 0; k < m * n; k++) {
    const d = exact[2 * k + p]!.d;
    lcm = (lcm / gcd(lcm, d)) * d;
  }
  const out = new Array<bigint>(m * n);
  let min = 0n;
  for (let k = 0; k < m * n; k++) {
    const v = exact[2 * k + p]!;
    out[k] = v.n * (lcm / v.d);
    if (k === 0 || out[k]! < min) min = out[k]!;
  }
  for (let k = 0; k < m * n; k++) out[k] = out[k]! - min + 1n;
  return out;
}

/** Player p's payoffs affinely scaled into [1, 2], column-major m × n. */
function scaledPayoffs(payoffs: Float64Array, m: number, n: number, p: number): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < m * n; k++) {
    const v = payoffs[2 * k + p]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max > min ? max - min : 1;
  const out = new Float64Array(m * n);
  for (let k = 0; k < m * n; k++) out[k] = (payoffs[2 * k + p]! - min) / range + 1;
  return out;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/**
 * A dictionary of the polytope { z ≥ 0 : Cz ≤ 1 } with k rows and d structural variables.
 * Variables 0..d−1 are structural, d..d+k−1 the slacks; the tableau has d + k + 1 columns, the
 * last one the right-hand side. The slack columns hold (a multiple of) B⁻¹, which is what the
 * lexicographic ratio test compares after the right-hand side.
 */
interface Tableau<V> {
  readonly rows: number;
  readonly structural: number;
  /** The variable basic in each row. */
  readonly basis: Int32Array;
  /** The row of each variable, or −1 when nonbasic. */
  readonly rowOf: Int32Array;
  /** Whether entry (i, c) is positive (beyond tolerance, in floating point). */
  positive(i: number, c: number): boolean;
  /** Whether row i's vector (rhs, B⁻¹ row) / T_ic is lexicographically smaller than row h's. */
  lexSmaller(i: number, h: number, c: number): boolean;
  /** Whether row i's basic variable is 0 at the unperturbed vertex. */
  zeroValue(i: number): boolean;
  /** Row i's right-hand side, as a multiple common to all rows (for normalising). */
  value(i: number): V;
  /** Pivots variable c into the basis at row r. */
  enter(r: number, c: number): void;
  /** Undoes the last `enter(r, c)`, where `left` is the variable that left at row r. */
  back(r: number, left: number): void;
}

class ExactTableau implements Tableau<bigint> {
  readonly rows: number;
  readonly structural: number;
  readonly basis: Int32Array;
  readonly rowOf: Int32Array;
  private readonly width: number;
  private readonly t: bigint[];
  private det = 1n;
  /** Scratch: the columns a pivot updates. */
  private readonly active: Int32Array;

  constructor(c: readonly (readonly bigint[])[]) {
    const k = c.length;
    const d = c[0]?.length ?? 0;
    this.rows = k;
    this.structural = d;
    this.width = d + k + 1;
    this.t = new Array<bigint>(k * this.width).fill(0n);
    this.active = new Int32Array(this.width);
    this.basis = new Int32Array(k);
    this.rowOf = new Int32Array(d + k).fill(-1);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < d; j++) this.t[i * this.width + j] = c[i]![j]!;
      this.t[i * this.width + d + i] = 1n;
      this.t[i * this.width + this.width - 1] = 1n;
      this.basis[i] = d + i;
      this.rowOf[d + i] = i;
    }
  }

  positive(i: number, c: number): boolean {
    return this.t[i * this.width + c]! > 0n;
  }

  lexSmaller(i: number, h: number, c: number): boolean {
    const { t, width: w } = this;
    const ai = t[i * w + c]!;
    const ah = t[h * w + c]!;
    // right-hand side first, then the slack columns (the rows of B⁻¹)
    for (let j = w - 1, s = 0; s <= this.rows; j = this.structural + s, s++) {
      const diff = t[i * w + j]! * ah - t[h * w + j]! * ai;
      if (diff !== 0n) return diff < 0n;
    }
    return false;
  }

  zeroValue(i: number): boolean {
    return this.t[i * this.width + this.width - 1] === 0n;
  }

  value(i: number): bigint {
    return this.t[i * this.width + this.width - 1]!;
  }

  enter(r: number, c: number): void {
    this.pivot(r, c);
  }

  back(r: number, left: number): void {
    this.pivot(r, left);
  }

  /** Fraction-free pivot; the pivot element is positive, so the determinant stays positive. */
  private pivot(r: number, c: number): void {
    const { t, width: w, rows: k, rowOf, basis, active } = this;
    const piv = t[r * w + c]!;
    const det = this.det;
    rowOf[basis[r]!] = -1;
    rowOf[c] = r;
    basis[r] = c;
    // columns that need arithmetic: the nonbasic ones (now including the leaving one) and the rhs
    let count = 0;
    for (let j = 0; j < w - 1; j++) if (rowOf[j]! < 0) active[count++] = j;
    active[count++] = w - 1;
    for (let i = 0; i < k; i++) {
      if (i === r) continue;
      const f = t[i * w + c]!;
      const row = i * w;
      if (f === 0n) {
        for (let a = 0; a < count; a++) {
          const j = active[a]!;
          t[row + j] = (piv * t[row + j]!) / det;
        }
      } else {
        for (let a = 0; a < count; a++) {
          const j = active[a]!;
          t[row + j] = (piv * t[row + j]! - f * t[r * w + j]!) / det;
        }
      }
      // basic columns are det·unit vectors: row i's own basic entry becomes the new det
      t[row + basis[i]!] = piv;
      t[row + c] = 0n;
    }
    this.det = piv;
  }
}

class FloatTableau implements Tableau<number> {
  readonly rows: number;
  readonly structural: number;
  readonly basis: Int32Array;
  readonly rowOf: Int32Array;
  private readonly width: number;
  private t: Float64Array;
  /** Tableaux saved on the way down, reused by depth, so backtracking restores them exactly. */
  private readonly saved: Float64Array[] = [];
  private depth = 0;

  constructor(c: readonly (readonly number[])[]) {
    const k = c.length;
    const d = c[0]?.length ?? 0;
    this.rows = k;
    this.structural = d;
    this.width = d + k + 1;
    this.t = new Float64Array(k * this.width);
    this.basis = new Int32Array(k);
    this.rowOf = new Int32Array(d + k).fill(-1);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < d; j++) this.t[i * this.width + j] = c[i]![j]!;
      this.t[i * this.width + d + i] = 1;
      this.t[i * this.width + this.width - 1] = 1;
      this.basis[i] = d + i;
      this.rowOf[d + i] = i;
    }
  }

  positive(i: number, c: number): boolean {
    return this.t[i * this.width + c]! > VERTEX_TOLERANCE;
  }

  lexSmaller(i: number, h: number, c: number): boolean {
    const { t, width: w } = this;
    const ai = t[i * w + c]!;
    const ah = t[h * w + c]!;
    for (let j = w - 1, s = 0; s <= this.rows; j = this.structural + s, s++) {
      const diff = t[i * w + j]! / ai - t[h * w + j]! / ah;
      if (diff < -VERTEX_TOLERANCE) return true;
      if (diff > VERTEX_TOLERANCE) return false;
    }
    return false;
  }

  zeroValue(i: number): boolean {
    return this.t[i * this.width + this.width - 1]! <= VERTEX_TOLERANCE;
  }

  value(i: number): number {
    return Math.max(0, this.t[i * this.width + this.width - 1]!);
  }

  enter(r: number, c: number): void {
    let copy = this.saved[this.depth];
    if (!copy) {
      copy = new Float64Array(this.t.length);
      this.saved.push(copy);
    }
    copy.set(this.t);
    this.depth++;
    const { t, width: w, rows: k, rowOf, basis } = this;
    rowOf[basis[r]!] = -1;
    rowOf[c] = r;
    basis[r] = c;
    const piv = t[r * w + c]!;
    for (let j = 0; j < w; j++) t[r * w + j]! /= piv;
    for (let i = 0; i < k; i++) {
      const f = t[i * w + c]!;
      if (i === r || f === 0) continue;
      for (let j = 0; j < w; j++) t[i * w + j]! -= f * t[r * w + j]!;
      t[i * w + c] = 0;
    }
  }

  back(r: number, left: number): void {
    const { rowOf, basis } = this;
    rowOf[basis[r]!] = -1;
    rowOf[left] = r;
    basis[r] = left;
    this.depth--;
    const copy = this.saved[this.depth]!;
    this.saved[this.depth] = this.t;
    this.t = copy;
  }
}

/** A vertex of P or Q other than the origin: its tight constraints (labels) and coordinates. */
interface Vertex<V> {
  /** Bit set of labels 0..m+n−1, 32 per word. */
  readonly labels: Uint32Array;
  /** Structural coordinates, up to a common positive factor. */
  readonly values: V[];
}

/**
 * Depth-first search over the lexico-feasible bases of `t` (starting from the slack basis, the
 * origin). Yields each new vertex once, and `null` after a new basis that gives no new vertex, so
 * the caller can check the clock. `labelOf` maps each variable to its label.
 */
function* vertices<V>(
  t: Tableau<V>,
  labelOf: Int32Array,
  words: number,
  zero: V,
  counter: { bases: number },
): Generator<Vertex<V> | null> {
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
        const w = v + b;
        if (w === c || (w !== left && inBasis[w])) bits |= 1 << b;
      }
      s += String.fromCharCode(bits);
    }
    return s;
  };
  const visitedBases = new Set<number | string>([key(-1, -1)]);
  const seenVertices = new Set<number | string>();
  counter.bases++;

  const read = (): Vertex<V> | null => {
    const labels = new Uint32Array(words);
    const values = new Array<V>(t.structural).fill(zero);
    let nonzero = false;
    for (let v = 0; v < nVars; v++) {
      const i = t.rowOf[v]!;
      if (i < 0 || t.zeroValue(i)) {
        const label = labelOf[v]!;
        labels[label >>> 5]! |= 1 << (label & 31);
      } else if (v < t.structural) {
        values[v] = t.value(i);
        nonzero = true;
      }
    }
    if (!nonzero) return null; // the origin
    const id = words === 1 ? labels[0]! : Array.from(labels, (w) => w.toString(36)).join(",");
    if (seenVertices.has(id)) return null;
    seenVertices.add(id);
    return { labels, values };
  };

  yield read();
  const stack: { row: number; left: number; next: number }[] = [];
  let next = 0;
  for (;;) {
    if (next < nVars) {
      const c = next++;
      if (t.rowOf[c]! >= 0) continue;
      let r = -1;
      for (let i = 0; i < t.rows; i++) {
        if (t.positive(i, c) && (r < 0 || t.lexSmaller(i, r, c))) r = i;
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
      stack.push({ row: r, left, next });
      next = 0;
      yield read();
    } else {
      const frame = stack.pop();
      if (!frame) return;
      const entered = t.basis[frame.row]!;
      inBasis[entered] = 0;
      inBasis[frame.left] = 1;
      code += pow2[frame.left]! - pow2[entered]!;
      t.back(frame.row, frame.left);
      next = frame.next;
    }
  }
}

function normaliseExact(values: readonly bigint[]): Rational[] {
  let sum = 0n;
  for (const v of values) sum += v;
  return values.map((v) => rational(v, sum));
}

function normaliseFloat(values: readonly number[]): number[] {
  let sum = 0;
  for (const v of values) sum += v;
  return values.map((v) => v / sum);
}

function enumerate<V, T>(
  p: Tableau<V>,
  q: Tableau<V>,
  m: number,
  n: number,
  { maxSeconds = Infinity, onProgress }: VertexEnumerationOptions,
  zero: V,
  normalise: (values: readonly V[]) => T[],
): VertexEnumerationResult<T> {
  const deadline = performance.now() + maxSeconds * 1000;
  const words = Math.ceil((m + n) / 32);
  const full = new Uint32Array(words);
  for (let label = 0; label < m + n; label++) full[label >>> 5]! |= 1 << (label & 31);
  // P: x_i → label i, s_j → label m + j; Q: y_j → label m + j, r_i → label i
  const labelsP = Int32Array.from({ length: m + n }, (_, v) => v);
  const labelsQ = Int32Array.from({ length: n + m }, (_, v) => (v < n ? m + v : v - n));
  const counter = { bases: 0 };
  const streams = [
    vertices(p, labelsP, words, zero, counter),
    vertices(q, labelsQ, words, zero, counter),
  ] as const;
  const found: [Vertex<V>[], Vertex<V>[]] = [[], []];
  const masks = [new LabelSets(words), new LabelSets(words)] as const;
  const pairs: [Vertex<V>, Vertex<V>][] = [];
  const done = [false, false];
  let complete = true;
  for (let steps = 0; !(done[0] && done[1]); steps++) {
    if ((steps & 15) === 0 && performance.now() > deadline) {
      complete = false;
      break;
    }
    for (const side of [0, 1] as const) {
      if (done[side]) continue;
      const step = streams[side].next();
      if (step.done) {
        done[side] = true;
        continue;
      }
      const v = step.value;
      if (!v) continue;
      found[side].push(v);
      masks[side].push(v.labels);
      // match the new vertex against the other polytope's vertices found so far
      const other = side === 0 ? 1 : 0;
      masks[other].forEachComplement(v.labels, full, (index) => {
        const mate = found[other][index]!;
        pairs.push(side === 0 ? [v, mate] : [mate, v]);
        onProgress?.(pairs.length);
      });
    }
  }
  return {
    equilibria: pairs.map(([x, y]) => ({ strategies: [normalise(x.values), normalise(y.values)] })),
    complete,
    vertices: [found[0].length, found[1].length],
    bases: counter.bases,
  };
}

/** Label sets of the vertices found so far, packed in one growable typed array for fast scans. */
class LabelSets {
  private data: Uint32Array;
  private count = 0;

  constructor(private readonly words: number) {
    this.data = new Uint32Array(64 * words);
  }

  push(labels: Uint32Array): void {
    if ((this.count + 1) * this.words > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(labels, this.count * this.words);
    this.count++;
  }

  /** Calls `found(index)` for each stored set S with S ∪ labels = full (complete labelling). */
  forEachComplement(labels: Uint32Array, full: Uint32Array, found: (index: number) => void): void {
    const { data, words, count } = this;
    if (words === 1) {
      const x = labels[0]!;
      const all = full[0]!;
      for (let k = 0; k < count; k++) if ((data[k]! | x) >>> 0 === all) found(k);
      return;
    }
    for (let k = 0; k < count; k++) {
      let ok = true;
      for (let w = 0; w < words && ok; w++)
        ok = (data[k * words + w]! | labels[w]!) >>> 0 === full[w]!;
      if (ok) found(k);
    }
  }
}
