import { LinkageError } from "../errors/LinkageError.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { type Field, floatField, rationalField } from "../math/field.js";
import { fromNumber, type Rational } from "../math/rational.js";
import type { BimatrixEquilibrium } from "./vertexEnumeration/index.js";

/**
 * Tolerance of the floating-point {@link supportEnumeration}: pivots at most this large count as
 * singular, and probabilities and payoff differences within it of 0 count as 0.
 */
export const SUPPORT_TOLERANCE = 1e-9;

/** What {@link supportEnumeration} and {@link supportEnumerationExact} return. */
export interface SupportEnumerationResult<T> {
  /** The equilibria found, by support size, then row support, then column support (bit order). */
  readonly equilibria: BimatrixEquilibrium<T>[];
  /**
   * `true` when the game was seen to be degenerate: an equilibrium was found with a pure best
   * response outside its support or a zero probability inside it. Then the precondition fails and
   * the list may be incomplete (use vertex enumeration). `false` does not prove nondegeneracy.
   */
  readonly degenerate: boolean;
}

/**
 * All Nash equilibria of a **nondegenerate** two-player strategic game, by support enumeration,
 * in floating point.
 *
 * Precondition (nondegeneracy, von Stengel 2007, Def. 3.2): no mixed strategy with support of size
 * k has more than k pure best responses. Then every equilibrium has supports I ⊆ M, J ⊆ N of equal
 * size k, and for each such pair the equilibrium (if any) solves the indifference equations
 *   Σ_{j∈J} a_ij y_j = u (i ∈ I),  Σ_{j∈J} y_j = 1;   Σ_{i∈I} b_ij x_i = v (j ∈ J),  Σ_{i∈I} x_i = 1,
 * two (k+1)-square linear systems (Gaussian elimination with partial pivoting). A solution is an
 * equilibrium when x, y ≥ 0 and no pure strategy does better: (Ay)_i ≤ u for all i ∈ M and
 * (xᵀB)_j ≤ v for all j ∈ N. Cost Σ_k C(m,k)·C(n,k)·O(k³): exponential, for small games.
 *
 * On degenerate games the result may miss equilibria (those with supports of unequal size or a
 * continuum); `degenerate` reports the evidence seen. Use {@link vertexEnumerationExact} there.
 *
 * Source: B. von Stengel, "Equilibrium computation for two-player games in strategic and
 * extensive form", ch. 3 of Algorithmic Game Theory (Nisan et al., 2007), Algorithm 3.4.
 * @throws {LinkageError} E_DOMAIN when the game does not have exactly two players
 * @example
 * // matching pennies
 * supportEnumeration(strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]]))
 * // => { equilibria: [{ strategies: [[0.5, 0.5], [0.5, 0.5]] }], degenerate: false }
 */
export function supportEnumeration(game: StrategicGame): SupportEnumerationResult<number> {
  return supportEnumerationIn(floatArithmetic, game, game.payoffs);
}

/**
 * {@link supportEnumeration} in exact rational arithmetic (the game's exact payoffs when present),
 * with the same nondegeneracy precondition. Exact comparisons make `degenerate` reliable for the
 * equilibria found.
 * @throws {LinkageError} E_DOMAIN when the game does not have exactly two players
 * @example
 * // battle of the sexes: (1,0),(1,0); (2/3,1/3),(1/3,2/3); (0,1),(0,1)
 * supportEnumerationExact(strategicGameFromTables([2, 2], [[2, 0, 0, 1], [1, 0, 0, 2]])).equilibria.length // => 3
 */
export function supportEnumerationExact(game: StrategicGame): SupportEnumerationResult<Rational> {
  return supportEnumerationIn(
    rationalArithmetic,
    game,
    game.exactPayoffs ?? Array.from(game.payoffs, fromNumber),
  );
}

/** A field with a sign test (exact for rationals, with tolerance for doubles). */
interface Arithmetic<T> extends Field<T> {
  /** −1, 0 or 1. */
  sign(a: T): number;
  /** A size for choosing pivots (larger is better). */
  magnitude(a: T): number;
}

const floatArithmetic: Arithmetic<number> = {
  ...floatField,
  sign: (a) => (a > SUPPORT_TOLERANCE ? 1 : a < -SUPPORT_TOLERANCE ? -1 : 0),
  magnitude: Math.abs,
};

const rationalArithmetic: Arithmetic<Rational> = {
  ...rationalField,
  sign: (a) => (a.n > 0n ? 1 : a.n < 0n ? -1 : 0),
  magnitude: (a) => (a.n === 0n ? 0 : 1),
};

function supportEnumerationIn<T>(
  F: Arithmetic<T>,
  game: StrategicGame,
  payoffs: ArrayLike<T>,
): SupportEnumerationResult<T> {
  if (game.players.length !== 2) {
    throw new LinkageError(
      "E_DOMAIN",
      `support enumeration needs a two-player game, this one has ${game.players.length} players`,
    );
  }
  const m = game.strategies[0]!.length;
  const n = game.strategies[1]!.length;
  // a(i, j), b(i, j): profile (i, j) has index i + m·j
  const a = (i: number, j: number): T => payoffs[2 * (i + m * j)]!;
  const b = (i: number, j: number): T => payoffs[2 * (i + m * j) + 1]!;
  const equilibria: BimatrixEquilibrium<T>[] = [];
  let degenerate = false;
  for (let k = 1; k <= Math.min(m, n); k++) {
    for (const rows of subsets(m, k)) {
      for (const cols of subsets(n, k)) {
        // y on cols making every row of `rows` indifferent (payoff u), then x likewise
        const y = indifferent(F, rows, cols, a);
        if (!y) continue;
        const x = indifferent(F, cols, rows, (j, i) => b(i, j));
        if (!x) continue;
        const xs = spread(F, x, rows, m);
        const ys = spread(F, y, cols, n);
        const row = check(F, m, n, ys, rows, a, y.value);
        if (!row) continue;
        const col = check(F, n, m, xs, cols, (j, i) => b(i, j), x.value);
        if (!col) continue;
        if (row.extra || col.extra || x.zero || y.zero) degenerate = true;
        equilibria.push({ strategies: [xs, ys] });
      }
    }
  }
  return { equilibria, degenerate };
}

/** The k-subsets of {0..n−1}, each as a sorted index list, in increasing bit-mask order. */
function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const go = (start: number): void => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let s = start; s <= n - (k - pick.length); s++) {
      pick.push(s);
      go(s + 1);
      pick.pop();
    }
  };
  go(0);
  // increasing bit-mask order = colex order
  return out.sort((p, q) => {
    for (let t = k - 1; t >= 0; t--) if (p[t] !== q[t]) return p[t]! - q[t]!;
    return 0;
  });
}

/**
 * The probabilities p on `support` (summing to 1, all ≥ 0) that make the opponent's strategies
 * in `opponents` indifferent, with their common payoff: solves
 * Σ_{s∈support} pay(o, s)·p_s − w = 0 (o ∈ opponents), Σ p_s = 1. `null` when singular or some
 * p_s < 0.
 */
function indifferent<T>(
  F: Arithmetic<T>,
  opponents: readonly number[],
  support: readonly number[],
  pay: (o: number, s: number) => T,
): { probabilities: T[]; value: T; zero: boolean } | null {
  const k = support.length;
  const size = k + 1;
  // augmented matrix, unknowns p_0..p_{k−1}, w
  const mat: T[][] = [];
  for (let r = 0; r < k; r++) {
    const row = support.map((s) => pay(opponents[r]!, s));
    row.push(F.subtract(F.zero, F.one), F.zero);
    mat.push(row);
  }
  mat.push([...support.map(() => F.one), F.zero, F.one]);
  for (let c = 0; c < size; c++) {
    let best = c;
    for (let r = c + 1; r < size; r++)
      if (F.magnitude(mat[r]![c]!) > F.magnitude(mat[best]![c]!)) best = r;
    if (F.sign(mat[best]![c]!) === 0) return null;
    [mat[c], mat[best]] = [mat[best]!, mat[c]!];
    const pivotRow = mat[c]!;
    const piv = pivotRow[c]!;
    for (let j = c; j <= size; j++) pivotRow[j] = F.divide(pivotRow[j]!, piv);
    for (let r = 0; r < size; r++) {
      if (r === c) continue;
      const row = mat[r]!;
      const f = row[c]!;
      if (F.compare(f, F.zero) === 0) continue;
      for (let j = c; j <= size; j++) row[j] = F.subtract(row[j]!, F.multiply(f, pivotRow[j]!));
    }
  }
  const probabilities: T[] = [];
  let zero = false;
  for (let r = 0; r < k; r++) {
    const p = mat[r]![size]!;
    const sign = F.sign(p);
    if (sign < 0) return null;
    if (sign === 0) zero = true;
    probabilities.push(sign === 0 ? F.zero : p);
  }
  return { probabilities, value: mat[k]![size]!, zero };
}

/** A full-length mixed strategy from probabilities on a support. */
function spread<T>(
  F: Arithmetic<T>,
  solution: { probabilities: T[] },
  support: readonly number[],
  size: number,
): T[] {
  const out = Array.from({ length: size }, () => F.zero);
  support.forEach((s, t) => {
    out[s] = solution.probabilities[t]!;
  });
  return out;
}

/**
 * Whether no strategy of the player does better than `value` against the opponent's mixture
 * `other` (payoff pay(own, other)); `extra` when a strategy outside `support` ties.
 */
function check<T>(
  F: Arithmetic<T>,
  own: number,
  others: number,
  other: readonly T[],
  support: readonly number[],
  pay: (s: number, o: number) => T,
  value: T,
): { extra: boolean } | null {
  let extra = false;
  for (let s = 0; s < own; s++) {
    let u = F.zero;
    for (let o = 0; o < others; o++) {
      const p = other[o]!;
      if (F.compare(p, F.zero) !== 0) u = F.add(u, F.multiply(p, pay(s, o)));
    }
    const sign = F.sign(F.subtract(u, value));
    if (sign > 0) return null;
    if (sign === 0 && !support.includes(s)) extra = true;
  }
  return { extra };
}
