import { LinkageError } from "../errors/LinkageError.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { fromNumber, gcd, type Rational, rational } from "../math/rational.js";
import { type EquilibriumComponents, equilibriumComponents } from "./equilibriumComponents.js";

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
  /**
   * `"onePolytope"` (lrsnash's method) enumerates the vertices of one best-response polytope only
   * and solves for the partners of each; `"bothPolytopes"` enumerates both polytopes and matches
   * label sets (the earlier method, several times slower; kept for cross-checking). Both give
   * the same set of extreme equilibria. @default "onePolytope"
   */
  readonly method?: "onePolytope" | "bothPolytopes";
  /**
   * Also group the extreme equilibria into connected components and maximal Nash subsets
   * ({@link equilibriumComponents}); they are returned as `components`. @default false
   */
  readonly components?: boolean;
  /**
   * Decide the partners of a nondegenerate vertex by solving its square system directly (see
   * {@link vertexEnumerationExact}); `false` searches the face of the other polytope for every
   * vertex, as before. The equilibria are the same either way; this is for testing and
   * comparison. @default true
   */
  readonly partnerSolve?: boolean;
}

/** What {@link vertexEnumerationExact} and {@link vertexEnumeration} return. */
export interface VertexEnumerationResult<T> {
  /** All extreme equilibria (distinct vertex pairs), in the order they were found. */
  readonly equilibria: BimatrixEquilibrium<T>[];
  /** `false` when `maxSeconds` stopped the enumeration before it finished. */
  readonly complete: boolean;
  /**
   * Distinct nonzero vertices found of P (row player's polytope) and of Q. With the
   * `"onePolytope"` method these are all vertices of the enumerated polytope (see `enumerated`)
   * and, of the other polytope, only the vertices that are part of some equilibrium.
   */
  readonly vertices: readonly [number, number];
  /**
   * Lexico-feasible bases visited (more than the vertices when degenerate): in the enumerated
   * polytope(s), plus those of the faces searched for partners.
   */
  readonly bases: number;
  /**
   * Whose polytope was enumerated in full: 0 (P, when the row player has no more strategies than
   * the column player), 1 (Q), or `"both"` (method `"bothPolytopes"`).
   */
  readonly enumerated: 0 | 1 | "both";
  /**
   * With the `"onePolytope"` method: vertices of the enumerated polytope whose partners were
   * decided by solving the square system of their support and best replies directly (none, or
   * the single partner). 0 with `"bothPolytopes"` or `partnerSolve: false`.
   */
  readonly partnerSolves: number;
  /**
   * With the `"onePolytope"` method: vertices whose partners were found by searching the face of
   * the other polytope (degenerate vertices, singular or undecided systems, and every vertex with
   * `partnerSolve: false`). 0 with `"bothPolytopes"`.
   */
  readonly faceSearches: number;
  /** Connected components and maximal Nash subsets, when asked for with `components: true`. */
  readonly components?: EquilibriumComponents;
}

/**
 * Floating-point tolerance of {@link vertexEnumeration}: pivot elements must exceed it, and basic
 * values within it of 0 count as 0 (a tight constraint). Payoffs are first scaled into [1, 2].
 */
export const VERTEX_TOLERANCE = 1e-9;

/**
 * All extreme Nash equilibria of a two-player strategic game, in exact rational arithmetic.
 *
 * Method (von Stengel 2007, §3.5; Avis, Rosenberg, Savani & von Stengel 2010): shift each
 * player's payoffs to be positive, A, B > 0 (m × n), and form the best-response polytopes
 *   P = { x ∈ ℝᵐ : x ≥ 0, Bᵀx ≤ 1 },   Q = { y ∈ ℝⁿ : Ay ≤ 1, y ≥ 0 }.
 * A point carries label i ∈ M = {1..m} when x_i = 0 (in P) or (Ay)_i = 1 (in Q), and label j ∈ N
 * when (Bᵀx)_j = 1 (in P) or y_j = 0 (in Q). A pair (x, y) ≠ (0, 0) of vertices is *completely
 * labelled* (every label of M ∪ N appears at x or at y) iff (x/Σx, y/Σy) is a Nash equilibrium,
 * and the extreme equilibria are exactly these vertex pairs (Mangasarian 1964; Winkels 1979).
 *
 * Only one polytope is enumerated, the one of the player with fewer strategies (fewer
 * vertices, by the upper bound theorem), say P. For each vertex x ≠ 0 of P the labels it lacks
 * must all be labels of y: the partners of x are the vertices of the face
 *   F(x) = { y ∈ Q : (Ay)_i = 1 for x_i > 0,  y_j = 0 for (Bᵀx)_j < 1 },
 * which is a face of Q, so its vertices are vertices of Q. When x is nondegenerate (exactly m
 * labels), its support S = {i : x_i > 0} and best replies T = {j : (Bᵀx)_j = 1} have the same size
 * s, and F(x) lies in the solutions of the s × s system A[S,T]·y_T = 1 with y_j = 0 off T. When
 * A[S,T] is nonsingular that solution is unique, so F(x) is that point or empty; the point is a
 * vertex of Q when it is in Q (n linearly independent tight constraints: the n − s zeros and the
 * s rows of the nonsingular A[S,T]), and it is in Q iff y_T ≥ 0 and (Ay)_i ≤ 1 for i ∉ S. So
 * the system is solved directly (fraction-free, as below) and its signs decide; most vertices
 * have no partner, and this rejects them without touching Q's tableau. (In a nondegenerate game
 * every vertex is of this kind and has at most one partner, von Stengel 2007, §3.5; Avis et al.
 * 2010 find the partners of each vertex from the labels it lacks.) Otherwise (x degenerate,
 * A[S,T] singular, or a tie at 0, i.e. a degenerate y) F(x) is searched: Gauss–Jordan
 * elimination of the tight rows' slacks in Q's tableau (a single point, or empty, decided by the
 * signs of the solution); when it has positive dimension (degenerate x), a phase-1 simplex
 * (Bland's rule) minimising the sum of those slacks decides whether it is empty and finds a
 * feasible basis of it, and its vertices are enumerated by the same lexicographic search as P's,
 * with the tight rows as equations (Avis et al. 2010, §4, which does this with lrs).
 *
 * Vertices of P are enumerated by depth-first search over the feasible bases of its dictionary,
 * pivoting by the lexicographic ratio test and remembering visited bases in a hash set.
 * Degeneracy: the lexicographic rule is the simplex method on the perturbed right-hand side
 * 1 + (ε, ε², …), under which every basis is nondegenerate, so the lexico-feasible bases are the
 * vertices of a simple polytope and their pivot graph is connected (Dantzig, Orden & Wolfe 1955;
 * the same device as Avis's lrs, Avis & Fukuda 1992). Every vertex of the unperturbed polytope has
 * at least one lexico-feasible basis; a vertex's label set is read from the basis with ε = 0 (its
 * nonbasic variables and its basic variables at value 0), and vertices are deduplicated by label
 * set (a vertex is the only point of the polytope where its tight constraints hold). A face is
 * searched the same way with the perturbation B₀(ε, ε², …) of its first feasible basis B₀ (so
 * B₀ is lexico-feasible). So degenerate games give every extreme equilibrium, once each; a
 * continuum of equilibria shows up as its extreme points. Unlike lrs's reverse search, the search
 * keeps the set of visited bases and a stack of pivots, so memory grows with the number of bases
 * (a few hundred bytes per basis: millions of bases fit).
 *
 * Arithmetic: an integer-preserving (fraction-free) tableau (Edmonds 1967; Bareiss 1968): entries
 * are D·B⁻¹[C | I | 1] with D = |det B|; a pivot on (r, c) sets
 * T'ᵢⱼ = (T_rc·Tᵢⱼ − Tᵢc·T_rj) / D (exact division) and keeps row r; backtracking pivots back.
 * Entries are held as doubles while they are below 2⁵⁰ and each pivot's numerators below
 * 2⁴⁹·D: then the rounded floating-point quotient is within 3/8 of the exact integer quotient,
 * so rounding it gives that integer exactly. A pivot that could break the bound switches the
 * tableau to bigints, and it switches back when the entries are small again.
 *
 * Exact and floating-point versions are two functions rather than a flag (STYLE.md practice 12,
 * and the `strategicRegret` / `strategicRegretExact` pair): their element types and guarantees
 * differ.
 *
 * Sources: B. von Stengel, "Equilibrium computation for two-player games in strategic and
 * extensive form", ch. 3 of Algorithmic Game Theory (Nisan et al., 2007); D. Avis, G. Rosenberg,
 * R. Savani and B. von Stengel, "Enumeration of Nash equilibria for two-player games", Economic
 * Theory 42 (2010); D. Avis and K. Fukuda, "A pivoting algorithm for convex hulls and vertex
 * enumeration of arrangements and polyhedra", Discrete Comput. Geom. 8 (1992); D. Avis, "lrs: a
 * revised implementation of the reverse search vertex enumeration algorithm" (2000).
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
  // P's rows: Bᵀ (n × m); Q's rows: A (m × n)
  const bt = exactMatrix(n, m, (j, i) => b[i + m * j]!);
  const am = exactMatrix(m, n, (i, j) => a[i + m * j]!);
  const result = search(
    { m, n, p: bt, q: am },
    (c, cols) => new ExactTableau(c, cols),
    (c) => new ExactPartnerSolver(c),
    options,
    0n,
    normaliseExact,
  );
  return options.components
    ? { ...result, components: equilibriumComponents(result.equilibria) }
    : result;
}

/**
 * {@link vertexEnumerationExact} in floating point: the same lexicographic vertex enumeration on a
 * tableau of doubles, with payoffs scaled into [1, 2] and the tolerance {@link VERTEX_TOLERANCE}.
 * Faster, but on degenerate or badly conditioned games a tolerance decides which constraints
 * are tight, so it can miss or split equilibria that the exact version gets right. Backtracking
 * pivots back, so rounding accumulates along the search path (which, depth first, can be as long
 * as the number of bases); each partner is solved afresh from the payoffs.
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
  const bt = floatMatrix(n, m, (j, i) => b[i + m * j]!);
  const am = floatMatrix(m, n, (i, j) => a[i + m * j]!);
  const result = search(
    { m, n, p: bt, q: am },
    (c, cols) => new FloatTableau(c, cols),
    (c) => new FloatPartnerSolver(c),
    options,
    0,
    normaliseFloat,
  );
  return options.components
    ? { ...result, components: equilibriumComponents(result.equilibria) }
    : result;
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

/**
 * A k × d constraint matrix C, row-major: as doubles, and for the exact solver also as bigints
 * (`small` when every entry is below 2⁵⁰ in magnitude, so the doubles are exact).
 */
interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly num: Float64Array;
  readonly big: readonly bigint[] | null;
  readonly small: boolean;
}

/** Magnitude below which exact integer tableau entries are kept as doubles. */
const NUMBER_LIMIT = 2 ** 50;
const NUMBER_LIMIT_BIG = BigInt(NUMBER_LIMIT);
/** A pivot stays in doubles while |T_rc·Tᵢⱼ| + |Tᵢc·T_rj| ≤ ROUND_LIMIT·D for every entry. */
const ROUND_LIMIT = 2 ** 49;
/** Relative gap above which the sign of a difference of two rounded products is certain. */
const PRODUCT_GAP = 2 ** -50;

function exactMatrix(k: number, d: number, entry: (i: number, j: number) => bigint): Matrix {
  const big = new Array<bigint>(k * d);
  const num = new Float64Array(k * d);
  let small = true;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < d; j++) {
      const v = entry(i, j);
      big[i * d + j] = v;
      num[i * d + j] = Number(v);
      if (v >= NUMBER_LIMIT_BIG || v <= -NUMBER_LIMIT_BIG) small = false;
    }
  }
  return { rows: k, cols: d, num, big, small };
}

function floatMatrix(k: number, d: number, entry: (i: number, j: number) => number): Matrix {
  const num = new Float64Array(k * d);
  for (let i = 0; i < k; i++) for (let j = 0; j < d; j++) num[i * d + j] = entry(i, j);
  return { rows: k, cols: d, num, big: null, small: true };
}

/**
 * A dictionary of { z ≥ 0 : Cz ≤ 1 } for the k × d matrix C, or for its columns `cols` only.
 * Variables 0..d−1 are structural, d..d+k−1 the slacks; the tableau has d + k + 1 columns, the
 * last one (index d + k) the right-hand side. Columns of basic variables are unit vectors (times
 * the common denominator), so the slack columns hold (a multiple of) B⁻¹.
 */
interface Tableau<V> {
  readonly rows: number;
  readonly structural: number;
  /** The variable basic in each row. */
  readonly basis: Int32Array;
  /** The row of each variable, or −1 when nonbasic. */
  readonly rowOf: Int32Array;
  /** The sign of entry (i, c): −1, 0 or 1 (0 within tolerance, in floating point). */
  sign(i: number, c: number): number;
  /** |entry (i, c)|, possibly rounded: for choosing large pivots. */
  magnitude(i: number, c: number): number;
  /**
   * Compares row i's vector (rhs, columns `lex`…) / T_ic with row h's lexicographically (T_ic,
   * T_hc > 0): negative when row i's is smaller. With `lex` empty, just the two ratios.
   */
  compare(i: number, h: number, c: number, lex: Int32Array): number;
  /** The sign of Σ_{ρ ∈ rows} T_ρc − (withDenominator ? D : 0), tolerant in floating point. */
  sumSign(rows: readonly number[], c: number, withDenominator: boolean): number;
  /** Whether row i's basic variable is 0 at the unperturbed vertex. */
  zeroValue(i: number): boolean;
  /** Row i's right-hand side, as a multiple common to all rows (for normalising). */
  value(i: number): V;
  /** Pivots variable c into the basis at row r (any nonzero pivot element). */
  pivot(r: number, c: number): void;
  /** Pivots like `pivot`, to be undone by `back` (floating point saves the tableau). */
  enter(r: number, c: number): void;
  /** Undoes the last `enter(r, c)`, where `left` is the variable that left at row r. */
  back(r: number, left: number): void;
  /** Resets to the slack basis, with the structural columns `cols` of C (all when null). */
  load(cols: Int32Array | null): void;
}

class ExactTableau implements Tableau<bigint> {
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

class FloatTableau implements Tableau<number> {
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

/**
 * Decides the partners of a nondegenerate vertex z of the enumerated polytope from a square
 * system alone (see {@link vertexEnumerationExact}). C' is the other polytope's constraint matrix
 * (d × k, rows s, columns t); S = `tight` are the rows of C' that must be tight (z_s > 0) and
 * T = `free` the columns that may be positive (the slack of row t is 0 at z), |S| = |T| (z has
 * exactly d labels). Every partner w has w_t = 0 off T and C'[S,T]·w_T = 1, so when C'[S,T] is
 * nonsingular the solution w of that system is the only candidate, and it is a partner iff
 * w_T ≥ 0 and (C'w)_i ≤ 1 for the rows i ∉ S. It is then a vertex of { w ≥ 0 : C'w ≤ 1 } without
 * further check: n = k constraints are tight at it (w_t = 0 for t ∉ T, and the rows S) and they
 * are linearly independent because C'[S,T] is nonsingular (a basic feasible solution; it lies
 * on the face F(z), a face of that polytope, and is all of it). In a nondegenerate game every
 * vertex is of this kind, with at most one partner (von Stengel 2007, §3.5); in a degenerate
 * game a nondegenerate vertex with a singular C'[S,T] can have a segment of partners, which the
 * face search enumerates (Avis, Rosenberg, Savani & von Stengel 2010).
 */
interface PartnerSolver {
  /**
   * −1 when the candidate violates w_T ≥ 0 or (C'w)_i ≤ 1 (i ∉ S) strictly: z has no partner.
   * 1 when it satisfies all of them strictly: z has exactly one partner, a nondegenerate vertex.
   * 0 when undecided (the face is searched instead): C'[S,T] singular, or a constraint tight
   * (w_t = 0, or (C'w)_i = 1 for i ∉ S: a degenerate partner), or, in floating point, ill
   * conditioned or too close to call.
   */
  decide(tight: readonly number[], free: readonly number[]): number;
}

/**
 * {@link PartnerSolver} in exact arithmetic: fraction-free Gauss–Jordan elimination (Edmonds
 * 1967; Bareiss 1968) of the augmented s × (s + 1) system [C'[S,T] | 1] on the integer payoffs,
 * exactly as {@link ExactTableau} pivots (the same columns of the same tableau, without the
 * slack columns): in doubles under the same bound (entries below 2⁵⁰, each pivot's numerators
 * below 2⁴⁹·D, so rounding the quotient gives the exact integer), else in bigints. Pivoting row
 * by row, each pivot any nonzero entry, leaves D·w_T in the right-hand side column (D = ±det
 * C'[S,T], the last pivot); a row with no nonzero entry left means C'[S,T] is singular.
 */
class ExactPartnerSolver implements PartnerSolver {
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

/**
 * Relative margin of {@link FloatPartnerSolver}: a sign is taken as certain only beyond it
 * (a thousand times {@link VERTEX_TOLERANCE}, so the face search, which uses that tolerance,
 * would decide the same); closer calls are left to the face search.
 */
const PARTNER_MARGIN = 1e-6;
/** Smallest pivot {@link FloatPartnerSolver} accepts (entries are in [1, 2]); smaller: undecided. */
const PARTNER_PIVOT = 1e-6;

/**
 * {@link PartnerSolver} in floating point: Gaussian elimination with partial pivoting and back
 * substitution. Only clear violations reject (beyond {@link PARTNER_MARGIN} relative to the
 * solution's size); near-singular systems and near ties are undecided, so the face search, with
 * its own tolerance, decides those exactly as before.
 */
class FloatPartnerSolver implements PartnerSolver {
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

/** A vertex of P or Q other than the origin: its tight constraints (labels) and coordinates. */
interface Vertex<V> {
  /** Bit set of labels 0..m+n−1, 32 per word. */
  readonly labels: Uint32Array;
  /** Coordinates, up to a common positive factor. */
  readonly values: V[];
  /** Whether a basic variable is 0 (then the vertex may have other bases). */
  readonly degenerate: boolean;
}

/** How {@link vertices} reads and restricts a tableau. */
interface SearchSpace {
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
function* vertices<V>(
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
function readVertex<V>(t: Tableau<V>, space: Omit<SearchSpace, "lex">, zero: V): Vertex<V> | null {
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
function labelKey(labels: Uint32Array): number | string {
  if (labels.length === 1) return labels[0]!;
  if (labels.length === 2 && labels[1]! < 1 << 20) return labels[0]! + labels[1]! * 2 ** 32;
  return Array.from(labels, (u) => u.toString(36)).join(",");
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

/** The game as the two polytopes' constraint matrices: P's rows Bᵀ (n × m), Q's rows A (m × n). */
interface Polytopes {
  readonly m: number;
  readonly n: number;
  readonly p: Matrix;
  readonly q: Matrix;
}

type MakeTableau<V> = (c: Matrix, cols: Int32Array | null) => Tableau<V>;

/** The whole polytope { z ≥ 0 : Cz ≤ 1 } whose structural variable s has label s and slack t label d + t. */
function wholeSpace(d: number, k: number): SearchSpace {
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

function search<V, T>(
  game: Polytopes,
  make: MakeTableau<V>,
  makeSolver: (c: Matrix) => PartnerSolver,
  options: VertexEnumerationOptions,
  zero: V,
  normalise: (values: readonly V[]) => T[],
): Omit<VertexEnumerationResult<T>, "components"> {
  const {
    maxSeconds = Infinity,
    onProgress,
    method = "onePolytope",
    partnerSolve: solveDirectly = true,
  } = options;
  const deadline = performance.now() + maxSeconds * 1000;
  if (method === "bothPolytopes") {
    return bothPolytopes(game, make, deadline, onProgress, zero, normalise);
  }
  // enumerate the polytope of the player with fewer strategies: z in it, w in the other
  const swap = game.m > game.n;
  const d = swap ? game.n : game.m;
  const k = swap ? game.m : game.n;
  const primary = swap ? game.q : game.p;
  const partner = swap ? game.p : game.q;
  const space = wholeSpace(d, k);
  const counter = { bases: 0 };
  const stream = vertices(make(primary, null), space, zero, counter);
  const face = make(partner, EMPTY);
  const solver = solveDirectly ? makeSolver(partner) : null;
  const stats = { partnerSolves: 0, faceSearches: 0 };
  const clock = { steps: 0, stopped: false };
  const expired = (): boolean => {
    if ((clock.steps++ & 15) === 0 && performance.now() > deadline) clock.stopped = true;
    return clock.stopped;
  };
  const partnerLabels = new Set<number | string>();
  const pairs: [Vertex<V>, Vertex<V>][] = [];
  let count = 0;
  for (;;) {
    if (expired()) break;
    const step = stream.next();
    if (step.done) break;
    const z = step.value;
    if (!z) continue;
    count++;
    for (const w of partners(z, d, k, face, solver, zero, counter, stats, expired)) {
      partnerLabels.add(labelKey(w.labels));
      pairs.push([z, w]);
      onProgress?.(pairs.length);
    }
  }
  return {
    equilibria: pairs.map(([z, w]) => {
      const [x, y] = swap ? [w, z] : [z, w];
      return { strategies: [normalise(x.values), normalise(y.values)] };
    }),
    complete: !clock.stopped,
    vertices: swap ? [partnerLabels.size, count] : [count, partnerLabels.size],
    bases: counter.bases,
    enumerated: swap ? 1 : 0,
    ...stats,
  };
}

/**
 * The vertices w of the other polytope { w ≥ 0 : C'w ≤ 1 } (C' = `partner`, d × k) that complete
 * the labels of the vertex z of { z ≥ 0 : Cz ≤ 1 } (C k × d). In the other polytope, w_t has
 * label d + t and the slack of row s label s. The labels z lacks are forced: row s tight where
 * z_s > 0, and w_t = 0 where the slack of row t is positive at z; the partners are the vertices
 * of that face. When z is nondegenerate, `solver` (when given) first decides them from the
 * square system alone; the face is searched when it cannot. Stops early (returning what it has)
 * when `expired()`.
 */
function partners<V>(
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
function faceVertices<V>(
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

const EMPTY = new Int32Array(0);

/**
 * The earlier method: enumerate both polytopes alternately and match each new vertex against the
 * other polytope's vertices found so far (complete labelling).
 */
function bothPolytopes<V, T>(
  game: Polytopes,
  make: MakeTableau<V>,
  deadline: number,
  onProgress: ((found: number) => void) | undefined,
  zero: V,
  normalise: (values: readonly V[]) => T[],
): Omit<VertexEnumerationResult<T>, "components"> {
  const { m, n } = game;
  const words = Math.ceil((m + n) / 32);
  const full = new Uint32Array(words);
  for (let label = 0; label < m + n; label++) full[label >>> 5]! |= 1 << (label & 31);
  // P: x_i → label i, s_j → m + j; Q: y_j → m + j, r_i → label i
  const spaceP = wholeSpace(m, n);
  const spaceQ = {
    ...wholeSpace(n, m),
    labelOf: Int32Array.from({ length: n + m }, (_, v) => (v < n ? m + v : v - n)),
  };
  const counter = { bases: 0 };
  const streams = [
    vertices(make(game.p, null), spaceP, zero, counter),
    vertices(make(game.q, null), spaceQ, zero, counter),
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
    enumerated: "both",
    partnerSolves: 0,
    faceSearches: 0,
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
