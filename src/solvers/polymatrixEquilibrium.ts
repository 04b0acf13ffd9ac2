import { LinkageError } from "../errors/LinkageError.js";
import {
  floatPivot,
  floatRatioRow,
  followPath,
  layout,
  range,
  type Tableau,
} from "./lemkeTableau.js";

/**
 * A polymatrix game: every player's payoff is a sum of bilinear terms, one per other player.
 * Strategies of all players are numbered together (player p's are `offset[p] … offset[p+1] − 1`)
 * and `payoff` is the S × S row-major matrix (S = offset[n]) whose entry [r][c], for r a strategy
 * of player i and c one of player j ≠ i, is i's payoff from playing r while j plays c; entries
 * within a player's own block are ignored. Player i's payoff at the mixed profile τ is
 * Σ_{j≠i} τᵢᵀ A_ij τ_j.
 */
export interface PolymatrixGame {
  readonly offset: Int32Array;
  readonly payoff: Float64Array;
}

/** Options of {@link polymatrixEquilibrium}. */
export interface PolymatrixEquilibriumOptions {
  /** Most complementary pivots before giving up. @default 100000 */
  readonly maxPivots?: number;
}

/**
 * One Nash equilibrium of a polymatrix game by Lemke's algorithm on its linear complementarity
 * problem (Howson 1972; the formulation is the n-player analogue of the sequence-form LCP of
 * Koller, Megiddo and von Stengel 1996, each player's strategy set a single simplex).
 *
 * With the payoffs shifted and scaled so that every A_ij is negative (adding a constant to a
 * block changes no best response, since the opponent's probabilities sum to one) and each
 * player's value split as vᵢ = vᵢ⁺ − vᵢ⁻, the equilibria are the solutions of
 *   w_τᵢ = −Σ_{j≠i} A_ij τ_j + vᵢ⁺·1 − vᵢ⁻·1 ≥ 0 ⊥ τᵢ ≥ 0,
 *   w_vᵢ⁺ = 1 − 1ᵀτᵢ ≥ 0 ⊥ vᵢ⁺ ≥ 0,   w_vᵢ⁻ = 1ᵀτᵢ − 1 ≥ 0 ⊥ vᵢ⁻ ≥ 0,
 * an LCP w = q + Mz solved by Lemke's path from the covering vector 1 with lexicographic ties
 * (the shared tableau of lemkeTableau.ts), in doubles.
 *
 * Sources: J. T. Howson, "Equilibria of polymatrix games", Management Science 18 (1972) 312–318;
 * D. Koller, N. Megiddo and B. von Stengel, "Efficient computation of equilibria for extensive
 * two-person games", Games and Economic Behavior 14 (1996) 247–259.
 *
 * @returns the equilibrium τ (player by player, each block summing to one)
 * @throws {LinkageError} E_SOLVER when the path ends in a ray or exceeds `maxPivots`
 *   (numerical trouble); E_DOMAIN when the matrix does not match the offsets
 * @example
 * // matching pennies as a (two-player) polymatrix game
 * const pennies = { offset: Int32Array.of(0, 2, 4),
 *   payoff: Float64Array.of(0, 0, 1, -1,  0, 0, -1, 1,  -1, 1, 0, 0,  1, -1, 0, 0) };
 * polymatrixEquilibrium(pennies) // => Float64Array [0.5, 0.5, 0.5, 0.5]
 */
export function polymatrixEquilibrium(
  game: PolymatrixGame,
  { maxPivots = 100_000 }: PolymatrixEquilibriumOptions = {},
): Float64Array {
  const { offset, payoff } = game;
  const n = offset.length - 1;
  const size = offset[n]!;
  if (payoff.length !== size * size) {
    throw new LinkageError(
      "E_DOMAIN",
      `polymatrix payoffs have ${payoff.length} entries, expected ${size}² = ${size * size}`,
    );
  }
  const owner = new Int32Array(size);
  for (let p = 0; p < n; p++) for (let k = offset[p]!; k < offset[p + 1]!; k++) owner[k] = p;
  // the spread of the cross-player entries: they become −1 − (max − a)/spread ∈ [−2, −1]
  let high = Number.NEGATIVE_INFINITY;
  let low = Number.POSITIVE_INFINITY;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (owner[r] === owner[c]) continue;
      const v = payoff[r * size + c]!;
      if (v > high) high = v;
      if (v < low) low = v;
    }
  }
  const spread = high > low ? high - low : 1;

  const rows = size + 2 * n;
  const cols = rows + 2;
  const a = new Float64Array(rows * cols);
  const plus = size; // rows and variables vᵢ⁺
  const minus = size + n; // rows and variables vᵢ⁻
  const col = (variable: number) => 1 + variable;
  // compact tableau: row r reads w_r − Σ_j M[r][j]·z_j − d_r·z₀ = q_r
  for (let r = 0; r < size; r++) {
    const i = owner[r]!;
    for (let c = 0; c < size; c++) {
      if (owner[c] === i) continue;
      a[r * cols + col(c)] = -1 - (high - payoff[r * size + c]!) / spread; // −M = A (negative)
    }
    a[r * cols + col(plus + i)] = -1;
    a[r * cols + col(minus + i)] = 1;
  }
  for (let i = 0; i < n; i++) {
    for (let k = offset[i]!; k < offset[i + 1]!; k++) {
      a[(plus + i) * cols + col(k)] = 1;
      a[(minus + i) * cols + col(k)] = -1;
    }
    a[(plus + i) * cols] = 1;
    a[(minus + i) * cols] = -1;
  }
  for (let r = 0; r < rows; r++) a[r * cols + col(rows)] = -1; // covering vector d = 1
  const tableau: Tableau<Float64Array> = {
    rows,
    cols,
    a,
    ...layout(rows, 2 * rows + 1, range(0, rows), range(rows, 2 * rows + 1)),
    pairs: rows,
    freeStart: 2 * rows,
    z0: 2 * rows,
    lexOrder: range(0, rows),
  };
  try {
    followPath(tableau, floatRatioRow, floatPivot, tableau.z0, true, maxPivots);
  } catch (error) {
    throw new LinkageError(
      "E_SOLVER",
      `polymatrix LCP: ${error instanceof Error ? error.message.replace(/^sequence-form LCP: /, "") : String(error)}`,
      undefined,
      { cause: error },
    );
  }
  const tau = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const r = tableau.rowOf[rows + k]!;
    tau[k] = r >= 0 ? Math.max(0, a[r * cols]!) : 0;
  }
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = offset[i]!; k < offset[i + 1]!; k++) sum += tau[k]!;
    if (!(sum > 0)) {
      throw new LinkageError("E_SOLVER", `polymatrix LCP: player ${i + 1}'s strategy is empty`);
    }
    for (let k = offset[i]!; k < offset[i + 1]!; k++) tau[k] = tau[k]! / sum;
  }
  return tau;
}
