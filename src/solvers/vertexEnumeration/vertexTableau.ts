import type { Matrix } from "./bimatrixPolytopes.js";

/**
 * A dictionary of { z ≥ 0 : Cz ≤ 1 } for the k × d matrix C, or for its columns `cols` only.
 * Variables 0..d−1 are structural, d..d+k−1 the slacks; the tableau has d + k + 1 columns, the
 * last one (index d + k) the right-hand side. Columns of basic variables are unit vectors (times
 * the common denominator), so the slack columns hold (a multiple of) B⁻¹.
 */
export interface Tableau<V> {
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

export type MakeTableau<V> = (c: Matrix, cols: Int32Array | null) => Tableau<V>;
