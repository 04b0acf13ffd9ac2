import { roundingSlack, ULPS } from "./intervalBox.js";
import { invertInPlace } from "./krawczyk.js";
import {
  addProduct,
  edgeLines,
  elevationWeights,
  linearForm,
  monomials,
  splitAlong,
  toBernsteinForm,
} from "./simplexBernstein.js";
import type { SupportSystem } from "./supportSystem.js";

/**
 * The three-player support system with two players eliminated, for a search over the third
 * player's mixture alone.
 *
 * Take players p (the pivot, λ = σₚ, K = |Sₚ| probabilities), a and b with |Sₐ| ≥ |S_b| = k ≥ 2
 * and K ≥ |Sₐ| − k + 1. Player a's |Sₐ| − 1 indifference equations are linear in σ_b with
 * coefficients linear in λ: Aₐ(λ)·σ_b = 0. The cofactor vector of its first k − 1 rows,
 *   mₛ(λ) = (−1)ˢ det(those rows of Aₐ(λ) without column s)   (homogeneous of degree k − 1),
 * solves them (a determinant with a repeated row), so where they have full rank σ_b = m/N,
 * N = Σₛ mₛ ≠ 0, and where they have not, m = 0. For every equilibrium with this support, at
 * its λ:
 * - Aₐ(λ) has a non-negative non-zero null vector (σ_b), and so has the matrix of player b's
 *   equations over the pivot's equations with σ_b ∝ m substituted (σₐ's columns; if m = 0 those
 *   rows vanish and the condition still holds). A row combination y with yᵀC(λ) > 0 in every
 *   column on a piece of the simplex excludes the piece (Farkas / Gordan);
 * - player a's remaining rows vanish on m: Σₛ Aₐ,ᵣₛ(λ)·mₛ = 0 (degree k);
 * - the entries of m are not of both strict signs, nor of the strict sign opposite to N;
 * - player a's off-support strategies do not pay more: G = Q/N with Q = Σₛ Lₛ(λ)·mₛ, so Q times
 *   N's sign is not strictly positive.
 * When |Sₐ| = |S_b| the same holds with a and b swapped (m′ from player b's rows, σₐ = m′/N′),
 * and the pivot's equations Σ c(sₐ, s_b)·σₐ·σ_b = 0, multiplied by N·N′, become
 *   Fᵣ(λ) = Σ c(sₐ, s_b)·m′ₛₐ·m_s_b = 0   (degree 2k − 2),
 * as do the pivot's deviations (Q/(N·N′)) and player b's (Q/N′).
 * All these polynomials are kept in Bernstein form on a simplex of λ (simplexBernstein), where
 * their ranges are bounded by their coefficients: {@link searchPivotSimplex} subdivides the
 * simplex and excludes the pieces where some test fails, and hands each remaining small piece to
 * the general search as a box of all unknowns (σ_b = m/N enclosed when N keeps its sign).
 *
 * Rounding: each polynomial is also computed on absolute values (|coefficients|, every sign
 * +); its largest Bernstein coefficient M on the whole simplex bounds the absolute values of
 * every intermediate result, in every sub-simplex too (de Casteljau's steps are averages). The
 * computed coefficients differ from the exact ones by at most γₙ·M with n the depth of the
 * computation (sums of at most 6! products, and fewer than 64 subdivision levels of at most 10
 * averaging steps: n < 2¹²), so a tolerance of 2⁻⁴⁰·M covers it (Higham 2002, §3.1).
 */
export interface EliminatedSystem {
  /** The pivot p and the players a, b (σ_b ∝ m from player a's rows). */
  readonly pivot: number;
  readonly first: number;
  readonly second: number;
  /** K = |Sₚ|: the number of barycentric coordinates. */
  readonly variables: number;
  /** Per polynomial: its start in `coefficients`, its degree and its rounding tolerance. */
  readonly start: Int32Array;
  readonly degree: Int32Array;
  readonly tolerance: Float64Array;
  /** Bernstein coefficients of every polynomial on the whole simplex of σₚ, one after another. */
  readonly coefficients: Float64Array;
  /** Polynomials that vanish at every equilibrium (Fᵣ and player a's remaining rows). */
  readonly equations: Int32Array;
  /**
   * Cofactor groups: m (σ_b's direction) and its sum N, one group for each choice of k − 1 of
   * player a's rows; then m′ (σₐ's direction) and N′ when |Sₐ| = |S_b|.
   */
  readonly groups: readonly CofactorGroup[];
  /** Deviation polynomials Q and the groups whose sums divide them (−1: none). */
  readonly deviations: Int32Array;
  readonly divisorFirst: Int32Array;
  readonly divisorSecond: Int32Array;
  /** The Farkas test's matrices (see {@link FarkasMatrix}). */
  readonly matrices: readonly FarkasMatrix[];
}

/** Cofactor polynomials m (one per strategy of `player`'s support, σ ∝ m) and their sum. */
export interface CofactorGroup {
  readonly player: number;
  readonly cofactors: Int32Array;
  readonly sum: number;
}

/**
 * A matrix C(λ) of polynomials of one degree that has a non-negative non-zero null vector at
 * every equilibrium. Its entries are not subdivided polynomials of their own (a node then
 * splits three times fewer coefficients on random 5×5×5 games): the first `linearRows` rows are
 * linear forms in λ (degree-1 polynomials, row-major ids), raised to `degree` where needed by
 * (Σλ)^(degree − 1) = 1 (elevationWeights); the last `rows − linearRows` rows combine a group's
 * cofactor polynomials, entry (r, s) = Σₜ weights[(r·columns + s)·k + t]·mₜ, k =
 * cofactors.length.
 */
export interface FarkasMatrix {
  /** The player whose mixture the columns multiply. */
  readonly player: number;
  readonly rows: number;
  readonly columns: number;
  readonly degree: number;
  readonly linearRows: number;
  readonly linearIds: Int32Array;
  /** The cofactor polynomials mₜ (of degree `degree`) the last rows combine; empty if none. */
  readonly cofactors: Int32Array;
  readonly weights: Float64Array;
}

/** Largest support of the eliminated players (cofactors are expanded over column subsets). */
const MOST_ELIMINATED = 6;
/** Largest support of the pivot (monomial tables have 16^K entries). */
const MOST_PIVOT = 5;

/**
 * The choices [p, a, b] of {@link EliminatedSystem} that fit a support (none when the game has
 * another number of players): the pivot with the smallest support first (fewest dimensions to
 * subdivide), then equal |Sₐ| = |S_b| (more tests).
 */
export function eliminationChoices(system: SupportSystem): number[][] {
  if (system.players !== 3) return [];
  const size = system.size;
  const out: number[][] = [];
  for (let p = 0; p < 3; p++)
    for (let a = 0; a < 3; a++) {
      const b = 3 - p - a;
      if (a === p || b === p || b < 0 || b > 2) continue;
      const K = size[p]!;
      const ka = size[a]!;
      const kb = size[b]!;
      if (kb < 2 || ka < kb || ka > MOST_ELIMINATED || K > ka || K > MOST_PIVOT || K < ka - kb + 1)
        continue;
      out.push([p, a, b]);
    }
  const rank = (c: number[]) => size[c[0]!]! * 16 + size[c[1]!]! - size[c[2]!]!;
  return out.sort((x, y) => rank(x) - rank(y));
}

/**
 * The eliminated system of a three-player support (see {@link EliminatedSystem}), or null when
 * the game has another number of players or no choice of (p, a, b) fits (the general search
 * then handles the support). Of several choices, the pivot with the smallest support (fewest
 * dimensions to subdivide), then equal |Sₐ| = |S_b| (more tests).
 */
export function eliminatedSystem(
  system: SupportSystem,
  choice: readonly number[] | undefined = eliminationChoices(system)[0],
): EliminatedSystem | null {
  if (choice === undefined) return null;
  const size = system.size;
  const [pivot, a, b] = choice as [number, number, number];
  const K = size[pivot]!;
  const ka = size[a]!;
  const k = size[b]!;
  const square = ka === k;
  const deg = k - 1;
  const polys: { value: Float64Array; abs: Float64Array; degree: number }[] = [];
  const add = (value: Float64Array, abs: Float64Array, degree: number) => {
    polys.push({ value, abs, degree });
    return polys.length - 1;
  };
  /** Entry of a tensor of player `owner` at strategy index ix of player x and iy of player y. */
  const entry = (owner: number, start: number, x: number, ix: number, y: number, iy: number) => {
    const first = system.others[owner]![0]!;
    return first === x
      ? system.coefficients[start + ix + size[x]! * iy]!
      : system.coefficients[start + iy + size[y]! * ix]!;
  };
  /** The linear form (in λ) of a tensor of `owner` at strategy index s of the linear player. */
  const form = (owner: number, start: number, linear: number, s: number, abs: boolean) => {
    const c = new Float64Array(K);
    for (let t = 0; t < K; t++) {
      const x = entry(owner, start, linear, s, pivot, t);
      c[t] = abs ? Math.abs(x) : x;
    }
    return linearForm(K, c);
  };
  const rowOf = (owner: number, r: number) => system.rowStart[system.variableOffset[owner]! + r]!;
  // cofactors of (columns − 1) rows `chosen` of player `owner`'s matrix (columns: `linear`)
  const cofactors = (owner: number, linear: number, chosen: readonly number[]) => {
    const columns = size[linear]!;
    const rows = columns - 1;
    const matrix: Float64Array[][] = [];
    const absMatrix: Float64Array[][] = [];
    for (let r = 0; r < rows; r++) {
      matrix.push([]);
      absMatrix.push([]);
      for (let s = 0; s < columns; s++) {
        matrix[r]!.push(form(owner, rowOf(owner, chosen[r]!), linear, s, false));
        absMatrix[r]!.push(form(owner, rowOf(owner, chosen[r]!), linear, s, true));
      }
    }
    // minors of the first |C| rows on column subsets C, by expansion along the last row
    const minor: (Float64Array | undefined)[] = new Array(1 << columns);
    const absMinor: (Float64Array | undefined)[] = new Array(1 << columns);
    minor[0] = Float64Array.of(1);
    absMinor[0] = Float64Array.of(1);
    for (let mask = 1; mask < 1 << columns; mask++) {
      const h = popCount(mask);
      if (h > rows) continue;
      const value = new Float64Array(monomials(K, h).count);
      const abs = new Float64Array(value.length);
      let position = 0;
      for (let c = 0; c < columns; c++) {
        if (((mask >>> c) & 1) === 0) continue;
        const sign = (h - 1 + position) % 2 === 0 ? 1 : -1;
        const rest = mask & ~(1 << c);
        addProduct(K, matrix[h - 1]![c]!, 1, minor[rest]!, h - 1, sign, value);
        addProduct(K, absMatrix[h - 1]![c]!, 1, absMinor[rest]!, h - 1, 1, abs);
        position++;
      }
      minor[mask] = value;
      absMinor[mask] = abs;
    }
    const full = (1 << columns) - 1;
    const m: number[] = [];
    const mValue: Float64Array[] = [];
    const mAbs: Float64Array[] = [];
    const sum = new Float64Array(monomials(K, rows).count);
    const sumAbs = new Float64Array(sum.length);
    for (let s = 0; s < columns; s++) {
      const value = minor[full & ~(1 << s)]!.slice();
      if (s % 2 === 1) for (let q = 0; q < value.length; q++) value[q] = -value[q]!;
      const abs = absMinor[full & ~(1 << s)]!;
      for (let q = 0; q < value.length; q++) {
        sum[q] = sum[q]! + value[q]!;
        sumAbs[q] = sumAbs[q]! + abs[q]!;
      }
      mValue.push(value);
      mAbs.push(abs);
      m.push(add(value, abs, rows));
    }
    return { m, mValue, mAbs, sum: add(sum, sumAbs, rows), player: linear };
  };
  /** Σₛ L(owner's tensor at s of `linear`)·mₛ: a linear form in σ of `linear` with σ ∝ m. */
  const formTimes = (owner: number, start: number, linear: number, cof: Cofactors) => {
    const value = new Float64Array(monomials(K, deg + 1).count);
    const abs = new Float64Array(value.length);
    for (let s = 0; s < k; s++) {
      addProduct(K, form(owner, start, linear, s, false), 1, cof.mValue[s]!, deg, 1, value);
      addProduct(K, form(owner, start, linear, s, true), 1, cof.mAbs[s]!, deg, 1, abs);
    }
    return add(value, abs, deg + 1);
  };
  type Cofactors = ReturnType<typeof cofactors>;
  // σ_b ∝ m, for each choice of k − 1 of player a's ka − 1 rows (where one choice's rows lose
  // rank and its m vanishes, another's need not)
  const choices: number[][] = [];
  for (let mask = 0; mask < 1 << (ka - 1); mask++)
    if (popCount(mask) === k - 1)
      choices.push(Array.from({ length: ka - 1 }, (_, r) => r).filter((r) => (mask >>> r) & 1));
  const firsts = choices.map((chosen) => cofactors(a, b, chosen));
  const M = firsts[0]!;
  const equations: number[] = [];
  firsts.forEach((cof, c) => {
    for (let r = 0; r < ka - 1; r++)
      if (!choices[c]!.includes(r)) equations.push(formTimes(a, rowOf(a, r), b, cof));
  });
  const deviations: number[] = [];
  const divisorFirst: number[] = [];
  const divisorSecond: number[] = [];
  const pivotRow0 = system.variableOffset[pivot]!;
  /** Player `owner`'s rows (columns: `linear`) over the pivot's rows with σ of `other` ∝ cof. */
  const stacked = (
    owner: number,
    linear: number,
    other: number,
    cof: Cofactors | null,
  ): FarkasMatrix => {
    const linearIds: number[] = [];
    const columns = size[linear]!;
    const linearRows = size[owner]! - 1;
    for (let r = 0; r < linearRows; r++)
      for (let s = 0; s < columns; s++)
        linearIds.push(
          add(
            form(owner, rowOf(owner, r), linear, s, false),
            form(owner, rowOf(owner, r), linear, s, true),
            1,
          ),
        );
    const weights = new Float64Array(cof === null ? 0 : (K - 1) * columns * k);
    if (cof !== null)
      for (let r = 0; r < K - 1; r++) {
        const rowStart = system.rowStart[pivotRow0 + r]!;
        for (let s = 0; s < columns; s++)
          for (let t = 0; t < k; t++)
            weights[(r * columns + s) * k + t] = entry(pivot, rowStart, linear, s, other, t);
      }
    return {
      player: linear,
      rows: linearRows + (cof === null ? 0 : K - 1),
      columns,
      degree: cof === null ? 1 : deg,
      linearRows,
      linearIds: Int32Array.from(linearIds),
      cofactors: Int32Array.from(cof === null ? [] : cof.m),
      weights,
    };
  };
  const matrices: FarkasMatrix[] = [];
  // σₐ's columns: player b's rows over the pivot's with σ_b ∝ m
  for (const cof of firsts) matrices.push(stacked(b, a, b, cof));
  let second: Cofactors | null = null;
  if (square) {
    second = cofactors(
      b,
      a,
      Array.from({ length: k - 1 }, (_, r) => r),
    ); // σₐ ∝ m′
    matrices.push(stacked(a, b, a, second));
    /** Σ c(sₐ, s_b)·m′ₛₐ·mₛ_b for a tensor of the pivot. */
    const pivotProduct = (start: number) => {
      const value = new Float64Array(monomials(K, 2 * deg).count);
      const abs = new Float64Array(value.length);
      const inner = new Float64Array(monomials(K, deg).count);
      const innerAbs = new Float64Array(inner.length);
      for (let sa = 0; sa < k; sa++) {
        inner.fill(0);
        innerAbs.fill(0);
        for (let sb = 0; sb < k; sb++) {
          const c = entry(pivot, start, a, sa, b, sb);
          if (c === 0) continue;
          addScaled(inner, innerAbs, c, M.mValue[sb]!, M.mAbs[sb]!);
        }
        addProduct(K, second!.mValue[sa]!, deg, inner, deg, 1, value);
        addProduct(K, second!.mAbs[sa]!, deg, innerAbs, deg, 1, abs);
      }
      return add(value, abs, 2 * deg);
    };
    for (let r = 0; r < K - 1; r++) equations.push(pivotProduct(system.rowStart[pivotRow0 + r]!));
    for (let r = 0; r < system.deviationPlayer.length; r++) {
      const owner = system.deviationPlayer[r]!;
      if (owner === a) continue;
      const start = system.deviationStart[r]!;
      deviations.push(owner === pivot ? pivotProduct(start) : formTimes(b, start, a, second));
      divisorFirst.push(owner === pivot ? 0 : -1);
      divisorSecond.push(1);
    }
  } else {
    // player a's rows alone: σ_b's columns
    matrices.push(stacked(a, b, a, null));
  }
  for (let r = 0; r < system.deviationPlayer.length; r++) {
    if (system.deviationPlayer[r] !== a) continue;
    firsts.forEach((cof, c) => {
      deviations.push(formTimes(a, system.deviationStart[r]!, b, cof));
      divisorFirst.push(c);
      divisorSecond.push(-1);
    });
  }
  const groups: CofactorGroup[] = firsts.map((cof) => ({
    player: b,
    cofactors: Int32Array.from(cof.m),
    sum: cof.sum,
  }));
  if (second) groups.push({ player: a, cofactors: Int32Array.from(second.m), sum: second.sum });
  const start = new Int32Array(polys.length);
  let length = 0;
  polys.forEach((poly, q) => {
    start[q] = length;
    length += poly.value.length;
  });
  const coefficients = new Float64Array(length);
  const tolerance = new Float64Array(polys.length);
  polys.forEach((poly, q) => {
    toBernsteinForm(K, poly.degree, poly.value);
    toBernsteinForm(K, poly.degree, poly.abs);
    coefficients.set(poly.value, start[q]!);
    let most = 0;
    for (const x of poly.abs) if (x > most) most = x;
    tolerance[q] = most * 2 ** -40 + 1e-300;
  });
  return {
    pivot,
    first: a,
    second: b,
    variables: K,
    start,
    degree: Int32Array.from(polys, (p) => p.degree),
    tolerance,
    coefficients,
    equations: Int32Array.from(equations),
    groups,
    deviations: Int32Array.from(deviations),
    divisorFirst: Int32Array.from(divisorFirst),
    divisorSecond: Int32Array.from(divisorSecond),
    matrices,
  };
}

/** How {@link searchPivotSimplex} ended. */
export interface PivotSearchOutcome {
  /** Sub-simplices examined. */
  readonly simplices: number;
  /** false when the budget ran out first (the support must then be reported). */
  readonly complete: boolean;
  /** Boxes emitted with a side wider than ½ (an eliminated mixture left unresolved). */
  readonly wide: number;
  /** The deadline passed before the search ended (complete is then false). */
  readonly timedOut: boolean;
}

/** A piece at the hand-over width whose box is wider than this many times it is halved further… */
const WIDE_BOX = 4;
/** …down to this share of the hand-over width. */
const FINEST = 1 / 4;
/** Most halvings of the simplex along one path (rounding tolerance assumes fewer than 64). */
const MOST_LEVELS = 60;

/**
 * Subdivides the simplex of σₚ (halving its longest edge), excludes the sub-simplices where a
 * test of {@link EliminatedSystem} fails, and calls `emit(lo, hi)` with a box of all D unknowns
 * (as supportSystem numbers them) for each remaining sub-simplex whose edges are at most
 * `width` long (a box holding every equilibrium of the support whose σₚ lies in it). The box
 * takes σₚ from the piece's vertices, σ_b = m/N (and σₐ = m′/N′) where a group's sum N keeps
 * its sign, intersected with the interval Gauss–Seidel enclosure of each Farkas matrix's
 * non-negative null vectors; a box still wider than 4·width (near a rank drop, where the
 * cofactors vanish) or reaching an eliminated mixture's boundary is halved further, down to
 * width/4. `lo`/`hi` are reused between calls.
 * Stops (complete: false) after `budget` sub-simplices, or (timedOut too) once `Date.now()` passes
 * `deadline` (checked every 1,024 sub-simplices).
 */
export function searchPivotSimplex(
  system: SupportSystem,
  reduced: EliminatedSystem,
  width: number,
  budget: number,
  emit: (lo: Float64Array, hi: Float64Array) => void,
  deadline = Number.POSITIVE_INFINITY,
): PivotSearchOutcome {
  const K = reduced.variables;
  const d = system.dimension;
  const lo = new Float64Array(Math.max(1, d));
  const hi = new Float64Array(Math.max(1, d));
  const work = new Float64Array(32);
  const range = new Float64Array(2);
  const polyCount = reduced.start.length;
  /** Per polynomial, its number of coefficients (looked up once: rangeOf runs per test). */
  const counts = Int32Array.from(reduced.degree, (n) => monomials(K, n).count);
  const rangeOf = (coefficients: Float64Array, q: number) => {
    const at = reduced.start[q]!;
    const end = at + counts[q]!;
    let low = coefficients[at]!;
    let high = low;
    for (let c = at + 1; c < end; c++) {
      const x = coefficients[c]!;
      if (x < low) low = x;
      else if (x > high) high = x;
    }
    range[0] = low - reduced.tolerance[q]!;
    range[1] = high + reduced.tolerance[q]!;
  };
  /** Sign of a direction's sum that the cofactors agree with: +1, −1, 0 unknown; NaN excluded. */
  const cofactorSign = (coefficients: Float64Array, m: Int32Array, sum: number) => {
    rangeOf(coefficients, sum);
    let positive = range[0]! > 0;
    let negative = range[1]! < 0;
    const sign = positive ? 1 : negative ? -1 : 0;
    for (let s = 0; s < m.length; s++) {
      rangeOf(coefficients, m[s]!);
      if (range[0]! > 0) positive = true;
      if (range[1]! < 0) negative = true;
    }
    return positive && negative ? Number.NaN : sign;
  };
  let most = 1;
  for (const matrix of reduced.matrices) most = Math.max(most, matrix.rows, matrix.columns);
  const mean = new Float64Array((most + 1) * most);
  const gram = new Float64Array(most * most);
  const inverse = new Float64Array(most * most);
  const y = new Float64Array(most);
  const weight = new Float64Array(most + 1);
  /** elevationWeights by degree, looked up once. */
  const lifts: Float64Array[] = [];
  for (const matrix of reduced.matrices) lifts[matrix.degree] = elevationWeights(K, matrix.degree);
  let mostCofactors = 1;
  for (const matrix of reduced.matrices)
    mostCofactors = Math.max(mostCofactors, matrix.cofactors.length);
  /** Per cofactor of a matrix: its mean on the piece, and y's combination of its weights. */
  const cofactorMean = new Float64Array(mostCofactors);
  const combined = new Float64Array(mostCofactors);
  const combinedAbs = new Float64Array(mostCofactors);
  /** Where each cofactor of the matrix at hand starts in the coefficients. */
  const cofactorAt = new Int32Array(mostCofactors);
  /** y's combination of the linear rows' degree-1 coefficients, and of their absolute values. */
  const linear = new Float64Array(K);
  const linearAbs = new Float64Array(K);
  /**
   * The mean on the piece of each entry of a matrix (the mean of a polynomial's Bernstein
   * coefficients is its mean value, in any degree) into `mean`, row-major.
   */
  const entryMeans = (coefficients: Float64Array, matrix: FarkasMatrix) => {
    const { columns, linearRows, linearIds, cofactors, weights } = matrix;
    for (let e = 0; e < linearRows * columns; e++) {
      const at = reduced.start[linearIds[e]!]!;
      let sum = 0;
      for (let q = 0; q < K; q++) sum += coefficients[at + q]!;
      mean[e] = sum / K;
    }
    const k = cofactors.length;
    if (k === 0) return;
    const count = counts[cofactors[0]!]!;
    for (let t = 0; t < k; t++) {
      const at = reduced.start[cofactors[t]!]!;
      cofactorAt[t] = at;
      let sum = 0;
      for (let q = 0; q < count; q++) sum += coefficients[at + q]!;
      cofactorMean[t] = sum / count;
    }
    for (let e = linearRows * columns; e < matrix.rows * columns; e++) {
      const w = (e - linearRows * columns) * k;
      let sum = 0;
      for (let t = 0; t < k; t++) sum += weights[w + t]! * cofactorMean[t]!;
      mean[e] = sum;
    }
  };
  /**
   * Farkas: a row combination y with yᵀC(λ) > 0 in every column over the piece leaves C no
   * non-negative non-zero null vector, so no equilibrium on the piece. y = W·z with z the
   * least-norm solution of (W·C̄)ᵀz = 1, C̄ the piece's mean of C and W = diag(1/max|rowᵣ(C̄)|)
   * (rowWeights): the player's linear rows and the cofactor rows differ in scale by 10³ and more,
   * and without W the least-squares y all but ignores the small rows (on random 5×5×5 games,
   * seed 3, the full support needed 115,000 sub-simplices without W, 36,000 with). Any y is
   * sound. Column s's polynomial yᵀC·,ₛ is Σⱼ gⱼ·λⱼ (raised to the degree) + Σₜ wₜ·mₜ with
   * g = y's combination of the linear rows and w of the cofactor weights; its Bernstein
   * coefficients must all exceed their rounding bound: the tolerances of the polynomials
   * combined, and (rows + 2K + 2k + 8) units of rounding of Σ of the terms' absolute values
   * (Higham 2002, §3.1).
   */
  const farkasExcluded = (coefficients: Float64Array, matrix: FarkasMatrix) => {
    const { rows, columns, linearRows, linearIds, cofactors, weights } = matrix;
    const k = cofactors.length;
    const count = k === 0 ? K : counts[cofactors[0]!]!;
    const lift = lifts[matrix.degree]!;
    entryMeans(coefficients, matrix);
    rowWeights(mean, rows, columns, weight);
    for (let x = 0; x < columns; x++)
      for (let z = 0; z < columns; z++) {
        let sum = 0;
        for (let r = 0; r < rows; r++)
          sum += weight[r]! * mean[r * columns + x]! * mean[r * columns + z]!;
        gram[x * columns + z] = sum;
      }
    if (!invertInPlace(gram, inverse, columns)) return false;
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      for (let x = 0; x < columns; x++) {
        let z = 0;
        for (let w = 0; w < columns; w++) z += inverse[x * columns + w]!;
        sum += mean[r * columns + x]! * z;
      }
      y[r] = weight[r]! * sum;
    }
    const relative = (rows + 2 * K + 2 * k + 8) * 2 ** -52;
    for (let col = 0; col < columns; col++) {
      let slack = 0;
      linear.fill(0);
      linearAbs.fill(0);
      for (let r = 0; r < linearRows; r++) {
        const id = linearIds[r * columns + col]!;
        const at = reduced.start[id]!;
        const yr = y[r]!;
        slack += Math.abs(yr) * reduced.tolerance[id]!;
        for (let j = 0; j < K; j++) {
          const term = yr * coefficients[at + j]!;
          linear[j] = linear[j]! + term;
          linearAbs[j] = linearAbs[j]! + Math.abs(term);
        }
      }
      for (let t = 0; t < k; t++) {
        let sum = 0;
        let abs = 0;
        for (let r = linearRows; r < rows; r++) {
          const term = y[r]! * weights[((r - linearRows) * columns + col) * k + t]!;
          sum += term;
          abs += Math.abs(term);
        }
        combined[t] = sum;
        combinedAbs[t] = abs;
        slack += abs * reduced.tolerance[cofactors[t]!]!;
      }
      for (let q = 0; q < count; q++) {
        let value = 0;
        let bound = 0;
        for (let j = 0; j < K; j++) {
          const e = lift[q * K + j]!;
          value += e * linear[j]!;
          bound += e * linearAbs[j]!;
        }
        for (let t = 0; t < k; t++) {
          const m = coefficients[cofactorAt[t]! + q]!;
          value += combined[t]! * m;
          bound += combinedAbs[t]! * Math.abs(m);
        }
        if (!(value - relative * bound - slack > 0)) return false;
      }
    }
    return true;
  };
  const mLo = new Float64Array((most + 1) * most);
  const mHi = new Float64Array((most + 1) * most);
  const pinv = new Float64Array((most + 1) * most);
  const pLo = new Float64Array(most * most);
  const pHi = new Float64Array(most * most);
  const xLo = new Float64Array(most);
  const xHi = new Float64Array(most);
  /**
   * Encloses the non-negative null vectors x (Σx = 1) of a matrix over the piece into xLo/xHi:
   * preconditioned interval Gauss–Seidel (Hansen & Walster 2004, §5.6) on [C; 1ᵀ]·x = (0, 1)
   * with Y ≈ the least-squares inverse of its mean, rows weighted as in farkasExcluded (any Y is
   * sound), from x ∈ [0, 1]. False when none exists.
   */
  const encloseNull = (coefficients: Float64Array, matrix: FarkasMatrix) => {
    const { rows, columns, linearRows, linearIds, cofactors, weights } = matrix;
    const all = rows + 1;
    entryMeans(coefficients, matrix);
    // a linear entry's range: its degree-1 coefficients (the raised ones are their averages)
    for (let e = 0; e < linearRows * columns; e++) {
      const id = linearIds[e]!;
      const at = reduced.start[id]!;
      let low = coefficients[at]!;
      let high = low;
      for (let q = at + 1; q < at + K; q++) {
        const x = coefficients[q]!;
        if (x < low) low = x;
        if (x > high) high = x;
      }
      mLo[e] = low - reduced.tolerance[id]!;
      mHi[e] = high + reduced.tolerance[id]!;
    }
    // a cofactor entry's range: its Bernstein coefficients, combined here
    const k = cofactors.length;
    const count = k === 0 ? K : counts[cofactors[0]!]!;
    const relative = (k + 4) * 2 ** -52;
    for (let e = linearRows * columns; e < rows * columns; e++) {
      const w = (e - linearRows * columns) * k;
      let slack = 0;
      for (let t = 0; t < k; t++)
        slack += Math.abs(weights[w + t]!) * reduced.tolerance[cofactors[t]!]!;
      let low = Number.POSITIVE_INFINITY;
      let high = Number.NEGATIVE_INFINITY;
      for (let q = 0; q < count; q++) {
        let value = 0;
        let abs = 0;
        for (let t = 0; t < k; t++) {
          const term = weights[w + t]! * coefficients[cofactorAt[t]! + q]!;
          value += term;
          abs += Math.abs(term);
        }
        const error = relative * abs;
        if (value - error < low) low = value - error;
        if (value + error > high) high = value + error;
      }
      mLo[e] = low - slack;
      mHi[e] = high + slack;
    }
    for (let x = 0; x < columns; x++) {
      mLo[rows * columns + x] = 1;
      mHi[rows * columns + x] = 1;
      mean[rows * columns + x] = 1;
    }
    rowWeights(mean, all, columns, weight);
    for (let x = 0; x < columns; x++)
      for (let z = 0; z < columns; z++) {
        let sum = 0;
        for (let r = 0; r < all; r++)
          sum += weight[r]! * mean[r * columns + x]! * mean[r * columns + z]!;
        gram[x * columns + z] = sum;
      }
    // no narrowing when the system is singular: the enclosure is the whole simplex (left stale,
    // it would narrow the box with another matrix's numbers and hide a degenerate support)
    xLo.fill(0, 0, columns);
    xHi.fill(1, 0, columns);
    if (!invertInPlace(gram, inverse, columns)) return true;
    // Y = (C̄ᵀC̄)⁻¹C̄ᵀ, columns × all
    for (let v = 0; v < columns; v++)
      for (let r = 0; r < all; r++) {
        let sum = 0;
        for (let w = 0; w < columns; w++) sum += inverse[v * columns + w]! * mean[r * columns + w]!;
        pinv[v * all + r] = weight[r]! * sum;
      }
    const slack = roundingSlack(all + 2);
    for (let v = 0; v < columns; v++)
      for (let w = 0; w < columns; w++) {
        let low = 0;
        let high = 0;
        let abs = 0;
        for (let r = 0; r < all; r++) {
          const yv = pinv[v * all + r]!;
          const p = yv * mLo[r * columns + w]!;
          const q = yv * mHi[r * columns + w]!;
          low += Math.min(p, q);
          high += Math.max(p, q);
          abs += Math.max(Math.abs(p), Math.abs(q));
        }
        pLo[v * columns + w] = low - slack * abs - 1e-300;
        pHi[v * columns + w] = high + slack * abs + 1e-300;
      }
    for (let sweep = 0; sweep < 3; sweep++) {
      let moved = false;
      for (let v = 0; v < columns; v++) {
        const dLo = pLo[v * columns + v]!;
        const dHi = pHi[v * columns + v]!;
        if (dLo <= 0 && dHi >= 0) continue;
        const rhs = pinv[v * all + rows]!;
        let low = rhs;
        let high = rhs;
        let abs = Math.abs(rhs);
        for (let w = 0; w < columns; w++) {
          if (w === v) continue;
          // x_w ≥ 0: the product's ends are at the ends of both intervals
          const a1 = pLo[v * columns + w]! * xLo[w]!;
          const a2 = pLo[v * columns + w]! * xHi[w]!;
          const a3 = pHi[v * columns + w]! * xLo[w]!;
          const a4 = pHi[v * columns + w]! * xHi[w]!;
          low -= Math.max(a1, a2, a3, a4);
          high -= Math.min(a1, a2, a3, a4);
          abs += Math.max(Math.abs(a1), Math.abs(a2), Math.abs(a3), Math.abs(a4));
        }
        low -= slack * abs + 1e-300;
        high += slack * abs + 1e-300;
        const q1 = low / dLo;
        const q2 = low / dHi;
        const q3 = high / dLo;
        const q4 = high / dHi;
        let qLo = Math.min(q1, q2, q3, q4);
        let qHi = Math.max(q1, q2, q3, q4);
        qLo -= Math.abs(qLo) * ULPS + 1e-300;
        qHi += Math.abs(qHi) * ULPS + 1e-300;
        if (qLo > xLo[v]!) {
          xLo[v] = qLo;
          moved = true;
        }
        if (qHi < xHi[v]!) {
          xHi[v] = qHi;
          moved = true;
        }
        if (xLo[v]! > xHi[v]!) return false;
      }
      if (!moved) break;
    }
    return true;
  };
  const excluded = (coefficients: Float64Array, signs: Float64Array) => {
    for (let e = 0; e < reduced.equations.length; e++) {
      rangeOf(coefficients, reduced.equations[e]!);
      if (range[0]! > 0 || range[1]! < 0) return true;
    }
    for (let g = 0; g < reduced.groups.length; g++) {
      const group = reduced.groups[g]!;
      const sign = cofactorSign(coefficients, group.cofactors, group.sum);
      if (Number.isNaN(sign)) return true;
      signs[g] = sign;
    }
    for (let r = 0; r < reduced.deviations.length; r++) {
      const first = reduced.divisorFirst[r]!;
      const second = reduced.divisorSecond[r]!;
      const sign = (first < 0 ? 1 : signs[first]!) * (second < 0 ? 1 : signs[second]!);
      if (sign === 0) continue;
      rangeOf(coefficients, reduced.deviations[r]!);
      if (sign > 0 ? range[0]! > 0 : range[1]! < 0) return true;
    }
    for (const matrix of reduced.matrices) if (farkasExcluded(coefficients, matrix)) return true;
    return false;
  };
  /** Narrows lo/hi to the enclosure of σ (the block of `player`, ∝ cofactors m / sum). */
  const encloseBlock = (
    coefficients: Float64Array,
    player: number,
    m: Int32Array,
    sum: number,
    sign: number,
  ) => {
    const v0 = system.variableOffset[player]!;
    const count = system.size[player]! - 1;
    if (sign === 0) return;
    rangeOf(coefficients, sum);
    const nLo = range[0]!;
    const nHi = range[1]!;
    for (let t = 1; t <= count; t++) {
      rangeOf(coefficients, m[t]!);
      const q1 = range[0]! / nLo;
      const q2 = range[0]! / nHi;
      const q3 = range[1]! / nLo;
      const q4 = range[1]! / nHi;
      const low = Math.min(q1, q2, q3, q4);
      const high = Math.max(q1, q2, q3, q4);
      const lower = low - Math.abs(low) * ULPS - 1e-300;
      const upper = high + Math.abs(high) * ULPS + 1e-300;
      if (lower > lo[v0 + t - 1]!) lo[v0 + t - 1] = lower;
      if (upper < hi[v0 + t - 1]!) hi[v0 + t - 1] = upper;
    }
  };
  const signs = new Float64Array(reduced.groups.length);
  // depth-first over sub-simplices: vertices (K × K, vertex v's σₚ at v·K + t) and coefficients
  const stack: { vertices: Float64Array; coefficients: Float64Array; level: number }[] = [];
  const vertices = new Float64Array(K * K);
  for (let v = 0; v < K; v++) vertices[v * K + v] = 1;
  stack.push({ vertices, coefficients: reduced.coefficients.slice(), level: 0 });
  /** Coefficient and vertex arrays of finished pieces, reused (fewer allocations, less collection). */
  const pool: Float64Array[] = [];
  const corners: Float64Array[] = [];
  /** edgeLines by (degree, u, w), looked up once per search. */
  const edges: Int32Array[] = [];
  let simplices = 0;
  let wideBoxes = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    simplices++;
    if (simplices > budget) return { simplices, complete: false, wide: wideBoxes, timedOut: false };
    if ((simplices & 1023) === 0 && Date.now() > deadline)
      return { simplices, complete: false, wide: wideBoxes, timedOut: true };
    if (excluded(node.coefficients, signs)) {
      pool.push(node.coefficients);
      corners.push(node.vertices);
      continue;
    }
    // the longest edge
    let u = 0;
    let w = 0;
    let longest = 0;
    for (let a = 0; a < K; a++)
      for (let b = a + 1; b < K; b++) {
        let edge = 0;
        for (let t = 0; t < K; t++)
          edge = Math.max(edge, Math.abs(node.vertices[a * K + t]! - node.vertices[b * K + t]!));
        if (edge > longest) {
          longest = edge;
          u = a;
          w = b;
        }
      }
    if (longest <= width || node.level >= MOST_LEVELS) {
      const p = reduced.pivot;
      const v0 = system.variableOffset[p]!;
      for (let t = 1; t < K; t++) {
        let low = 1;
        let high = 0;
        for (let v = 0; v < K; v++) {
          const x = node.vertices[v * K + t]!;
          if (x < low) low = x;
          if (x > high) high = x;
        }
        lo[v0 + t - 1] = Math.max(0, low - 2 ** -50);
        hi[v0 + t - 1] = Math.min(1, high + 2 ** -50);
      }
      for (const player of [reduced.first, reduced.second]) {
        const v0 = system.variableOffset[player]!;
        lo.fill(0, v0, system.variableOffset[player + 1]!);
        hi.fill(1, v0, system.variableOffset[player + 1]!);
      }
      reduced.groups.forEach((group, g) => {
        encloseBlock(node.coefficients, group.player, group.cofactors, group.sum, signs[g]!);
      });
      let empty = false;
      for (let v = 0; v < d; v++) if (lo[v]! > hi[v]!) empty = true;
      for (const matrix of reduced.matrices) {
        if (empty) break;
        if (!encloseNull(node.coefficients, matrix)) {
          empty = true;
          break;
        }
        const v0 = system.variableOffset[matrix.player]!;
        for (let t = 1; t < matrix.columns; t++) {
          if (xLo[t]! > lo[v0 + t - 1]!) lo[v0 + t - 1] = xLo[t]!;
          if (xHi[t]! < hi[v0 + t - 1]!) hi[v0 + t - 1] = xHi[t]!;
          if (lo[v0 + t - 1]! > hi[v0 + t - 1]!) empty = true;
        }
      }
      if (empty) {
        pool.push(node.coefficients);
        corners.push(node.vertices);
        continue;
      }
      // a box still wide in the eliminated mixtures (near a rank drop) is halved further first
      let wide = 0;
      for (let v = 0; v < d; v++) if (hi[v]! - lo[v]! > wide) wide = hi[v]! - lo[v]!;
      // …and so is one that reaches an eliminated mixture's boundary: a root just outside the
      // simplex (a probability slightly negative) leaves the general search many boxes there,
      // which Farkas excludes here on small pieces (random 5×5×5 games, seed 3: 30,118 boxes →
      // 9,467 with this and the simplex test of K ∩ X, for 0.3% more sub-simplices)
      const boundary =
        longest > width * FINEST &&
        node.level < MOST_LEVELS &&
        touchesBoundary(system, reduced, lo, hi);
      if (
        !boundary &&
        (wide <= WIDE_BOX * width || longest <= width * FINEST || node.level >= MOST_LEVELS)
      ) {
        if (wide > 0.5) wideBoxes++;
        emit(lo, hi);
        pool.push(node.coefficients);
        corners.push(node.vertices);
        continue;
      }
    }
    const left = pool.pop() ?? new Float64Array(node.coefficients.length);
    const right = pool.pop() ?? new Float64Array(node.coefficients.length);
    for (let q = 0; q < polyCount; q++) {
      const id = (reduced.degree[q]! * K + u) * K + w;
      let lines = edges[id];
      if (lines === undefined) {
        lines = edgeLines(K, reduced.degree[q]!, u, w);
        edges[id] = lines;
      }
      splitAlong(lines, node.coefficients, left, right, reduced.start[q]!, work);
    }
    pool.push(node.coefficients);
    const leftVertices = corners.pop() ?? new Float64Array(K * K);
    const rightVertices = corners.pop() ?? new Float64Array(K * K);
    leftVertices.set(node.vertices);
    rightVertices.set(node.vertices);
    corners.push(node.vertices);
    for (let t = 0; t < K; t++) {
      const mid = 0.5 * (node.vertices[u * K + t]! + node.vertices[w * K + t]!);
      leftVertices[w * K + t] = mid;
      rightVertices[u * K + t] = mid;
    }
    stack.push({ vertices: rightVertices, coefficients: right, level: node.level + 1 });
    stack.push({ vertices: leftVertices, coefficients: left, level: node.level + 1 });
  }
  return { simplices, complete: true, wide: wideBoxes, timedOut: false };
}

/**
 * Whether a box reaches the boundary of an eliminated player's simplex: some probability's lower
 * bound is 0 or less (the first's is 1 − Σ of the others' upper bounds).
 */
function touchesBoundary(
  system: SupportSystem,
  reduced: EliminatedSystem,
  lo: Float64Array,
  hi: Float64Array,
): boolean {
  for (let e = 0; e < 2; e++) {
    const player = e === 0 ? reduced.first : reduced.second;
    let sum = 0;
    for (let v = system.variableOffset[player]!; v < system.variableOffset[player + 1]!; v++) {
      if (lo[v]! <= 0) return true;
      sum += hi[v]!;
    }
    if (sum >= 1) return true;
  }
  return false;
}

/**
 * Row weights 1/max(|rowᵣ|)² of a mean matrix (1 for a zero row) into `out`: the least-squares
 * preconditioners are computed on the equilibrated rows, so that rows of very different scales
 * (the linear rows of a player, the cofactor rows of degree k − 1) all count.
 */
function rowWeights(mean: Float64Array, rows: number, columns: number, out: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    let big = 0;
    for (let x = 0; x < columns; x++) big = Math.max(big, Math.abs(mean[r * columns + x]!));
    out[r] = big > 0 ? 1 / (big * big) : 1;
  }
}

function popCount(mask: number): number {
  let count = 0;
  for (let x = mask; x !== 0; x &= x - 1) count++;
  return count;
}

/**
 * value += c·coefficients and abs += |c|·absolute, entry by entry (a polynomial's Bernstein
 * coefficients and the bound on their rounding, over the first value.length entries).
 */
function addScaled(
  value: Float64Array,
  abs: Float64Array,
  c: number,
  coefficients: Float64Array,
  absolute: Float64Array,
): void {
  const size = Math.abs(c);
  for (let q = 0; q < value.length; q++) {
    value[q] = value[q]! + c * coefficients[q]!;
    abs[q] = abs[q]! + size * absolute[q]!;
  }
}
