import { LinkageError } from "../errors/LinkageError.js";
import { RoundingBreakdown } from "../errors/RoundingBreakdown.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { formatRational, type Rational, rational } from "../math/rational.js";
import { BasisCycleDetector } from "./basisCycleDetector.js";
import { exactEquilibriumOfBases, integerPayoffs } from "./lemkeHowsonBasis.js";
import {
  type ExactTableau,
  exactPivot,
  exactRatioRow,
  floatPivot,
  floatRatioRow,
  type Tableau,
} from "./lemkeTableau.js";

/**
 * A Nash equilibrium of a two-player strategic game found by Lemke–Howson.
 * @typeParam S - a mixed strategy: `Float64Array` (float variants) or `readonly Rational[]` (exact)
 */
export interface LemkeHowsonEquilibrium<S> {
  /**
   * `[x, y]`: player 1's mixed strategy x (one probability per strategy, file order), then
   * player 2's y. Pass it straight to `strategicRegret` / `strategicRegretExact`.
   */
  readonly strategies: readonly [S, S];
  /**
   * The label dropped on the path that found it: k < m is player 1's strategy k, m + j is player
   * 2's strategy j (0-based, m = player 1's strategy count). The path starts at the artificial
   * equilibrium (0, 0), except in {@link lemkeHowsonAll} with `reachable`, where it may start at
   * an equilibrium found earlier.
   */
  readonly label: number;
  /** Pivots taken on that path (both tableaus together). */
  readonly pivots: number;
  /**
   * Exact variants only: how the exact answer was obtained. `"float-basis"`: the path was
   * followed in doubles and its final bases re-solved and verified exactly
   * ({@link exactEquilibriumOfBases}); `"exact-pivoting"`: the path was followed fraction-free in
   * bigints (asked for, or the fallback).
   */
  readonly exactBy?: "float-basis" | "exact-pivoting";
  /**
   * Exact variants only, with `exactBy: "exact-pivoting"` after a float path: why the float path's
   * answer was not used (its final bases failed the exact check, or it stopped on rounding).
   */
  readonly fallback?: string;
}

export interface LemkeHowsonOptions {
  /** The missing label, 0 … m+n−1 (k < m: player 1's strategy k; m + j: player 2's strategy j). @default 0 */
  readonly label?: number;
  /** Give up (E_SOLVER) after this many pivots on one path. @default 1_000_000 */
  readonly maxPivots?: number;
}

export interface LemkeHowsonExactOptions extends LemkeHowsonOptions {
  /**
   * How the exact variant follows the path. `"float"`: in doubles with the same lexicographic
   * rule, then the final bases are re-solved in exact integers and verified (complementary,
   * lexicographically feasible for the perturbed game, exact regret 0); if a check fails, or
   * the float path stops (no pivot row on rounding, or past `maxPivots`), the path is followed again by `"exact"` pivoting
   * (reported in `fallback`). `"exact"`: fraction-free bigint pivots all the way (10–50 ms per
   * pivot on a 200×200 game). @default "float"
   */
  readonly pivoting?: "float" | "exact";
  /**
   * Tolerances of the `"float"` path: entries at or below `pivot` are not pivot candidates,
   * ratios closer than `tie` (relative) are ties. For tests that force a wrong float path.
   * @default { pivot: 1e-12, tie: 1e-10 }
   */
  readonly floatTolerance?: { readonly pivot: number; readonly tie: number };
}

export interface LemkeHowsonAllOptions {
  /**
   * Also follow every path from every equilibrium found (not only from the artificial
   * equilibrium (0, 0)), so the result is every equilibrium reachable by Lemke–Howson paths of
   * the (lexicographically perturbed) game, as `gambit-lcp` reports. @default false
   */
  readonly reachable?: boolean;
  /** Give up (E_SOLVER) after this many pivots on one path. @default 1_000_000 */
  readonly maxPivots?: number;
}

export interface LemkeHowsonRaceOptions {
  /**
   * The labels whose paths race, in turn order.
   * @default up to 8 labels alternating between the players: 0, m, 1, m + 1, …
   */
  readonly labels?: readonly number[];
  /** Give up (E_SOLVER) after this many pivots on the longest path. @default 1_000_000 */
  readonly maxPivots?: number;
}

/** Float equilibria closer than this in every probability are reported once. */
export const LEMKE_HOWSON_DUPLICATE_TOLERANCE = 1e-9;
/** Float tableau entries at or below this are not pivot candidates (payoffs are scaled to [1, 2]). */
const PIVOT_TOLERANCE = 1e-12;
/** Float ratios closer than this (relative) are ties, broken lexicographically. */
const TIE_TOLERANCE = 1e-10;
const DEFAULT_MAX_PIVOTS = 1_000_000;

// ---------------------------------------------------------------------------------------------
// Tableaus. Both polytopes are written as equations over variables indexed by LABEL, so that
// complementary variables share an index:
//   P = {x ≥ 0 : B'ᵀx ≤ 1} as  B'ᵀx + s = 1  (n rows; x_i has label i, s_j has label m+j)
//   Q = {y ≥ 0 : A'y ≤ 1}  as  r + A'y = 1   (m rows; r_i has label i, y_j has label m+j)
// Each tableau is kept in compact form (basic variables' unit columns left out; see
// lemkeTableau.ts, whose ratio test and pivots these use): row i reads
// x_basis[i] + Σ_c a[i][c]·x_nonbasic[c] = a[i][0]. The slack variables (s in P, r in Q) form the
// initial basis, so their columns (a stored column when nonbasic, a unit vector when basic) are
// the columns of the basis inverse, which the lexicographic ratio test reads.

/** A Lemke–Howson tableau: the shared compact tableau (lemkeTableau.ts) plus its slack block. */
type HowsonTableau<E> = Tableau<E> & {
  /** First label of the slack block (the initial basis). */
  readonly slackStart: number;
};

type FloatTableau = HowsonTableau<Float64Array>;
type ExactHowsonTableau = ExactTableau & { readonly slackStart: number };

interface Kernel<T extends HowsonTableau<unknown>> {
  /** Lexicographic minimum-ratio row for the entering label, or −1 when its column is unbounded. */
  ratioRow(t: T, label: number): number;
  /** Exchanges the basic variable of `row` with the nonbasic variable `label`. */
  pivot(t: T, row: number, label: number): void;
  copy(t: T): T;
}

/**
 * The initial layout: the slacks basic in row order, the other labels nonbasic in label order
 * (wrapping around past the slack block); no label is free and there is no z₀. Ties are broken as
 * for the right-hand side 1 − (ε, ε², …, εʳ) (`lexSign` −1, `lexOrder` the slacks from the first
 * to the last): the leaving row is the lexicographic minimum of (rhs, −(basis-inverse columns
 * of the slacks, first to last)) over the pivot-column entry. This is the rule of gambit-lcp
 * (Eaves 1971; Gambit's LemkeTableau::ExitIndex keeps the maximisers of the basis inverse's
 * columns in that order on its tableau of nonpositive variables).
 */
function initialLayout(rows: number, labels: number, slackStart: number) {
  const basis = new Int32Array(rows);
  const nonbasic = new Int32Array(1 + labels - rows).fill(-1);
  const rowOf = new Int32Array(labels).fill(-1);
  const colOf = new Int32Array(labels).fill(-1);
  for (let r = 0; r < rows; r++) {
    basis[r] = slackStart + r;
    rowOf[slackStart + r] = r;
  }
  for (let c = 1; c < nonbasic.length; c++) {
    const label = (slackStart + rows + c - 1) % labels;
    nonbasic[c] = label;
    colOf[label] = c;
  }
  const lexOrder = Int32Array.from({ length: rows }, (_, k) => slackStart + k);
  return {
    basis,
    nonbasic,
    rowOf,
    colOf,
    slackStart,
    pairs: 0,
    freeStart: labels,
    z0: labels,
    lexOrder,
    lexSign: -1 as const,
    tolerance: { pivot: PIVOT_TOLERANCE, tie: TIE_TOLERANCE },
  };
}

function copyLayout<T extends HowsonTableau<unknown>>(t: T) {
  return {
    basis: t.basis.slice(),
    nonbasic: t.nonbasic.slice(),
    rowOf: t.rowOf.slice(),
    colOf: t.colOf.slice(),
  };
}

const floatKernel: Kernel<FloatTableau> = {
  ratioRow: (t, label) => floatRatioRow(t, label, false),
  pivot: floatPivot,
  copy: (t) => ({ ...t, a: t.a.slice(), ...copyLayout(t) }),
};

const exactKernel: Kernel<ExactHowsonTableau> = {
  ratioRow: (t, label) => exactRatioRow(t, label, false),
  pivot: exactPivot,
  copy: (t) => ({ ...t, a: t.a.slice(), ...copyLayout(t) }),
};

function checkTwoPlayer(game: StrategicGame, what: string): { m: number; n: number } {
  if (game.players.length !== 2) {
    throw new LinkageError(
      "E_INPUT",
      `${what} needs a two-player game; "${game.title}" has ${game.players.length} players`,
    );
  }
  return { m: game.strategies[0]!.length, n: game.strategies[1]!.length };
}

function checkLabel(label: number, m: number, n: number): void {
  if (!Number.isInteger(label) || label < 0 || label >= m + n) {
    throw new LinkageError(
      "E_DOMAIN",
      `Lemke–Howson: label ${label} is not an integer in 0 … ${m + n - 1} (m + n − 1)`,
    );
  }
}

/** Builds P and Q in floats from payoffs scaled to [1, 2] (a positive affine map per player). */
function floatTableaus(game: StrategicGame, m: number, n: number): [FloatTableau, FloatTableau] {
  const scaled = [0, 1].map((p) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < m * n; k++) {
      const v = game.payoffs[2 * k + p]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
      throw new LinkageError("E_DOMAIN", "Lemke–Howson: payoffs must be finite numbers");
    }
    const scale = hi > lo ? 1 / (hi - lo) : 1;
    return (k: number) => 1 + (game.payoffs[2 * k + p]! - lo) * scale;
  });
  const [a, b] = scaled as [(k: number) => number, (k: number) => number];
  // P: n rows, nonbasic x_0 … x_{m−1} in columns 1 … m; Q: m rows, y_0 … y_{n−1} in 1 … n
  const pA = new Float64Array(n * (1 + m));
  const qA = new Float64Array(m * (1 + n));
  for (let j = 0; j < n; j++) {
    pA[j * (1 + m)] = 1;
    for (let i = 0; i < m; i++) pA[j * (1 + m) + 1 + i] = b(i + m * j);
  }
  for (let i = 0; i < m; i++) {
    qA[i * (1 + n)] = 1;
    for (let j = 0; j < n; j++) qA[i * (1 + n) + 1 + j] = a(i + m * j);
  }
  return [
    { rows: n, cols: 1 + m, a: pA, ...initialLayout(n, m + n, m) },
    { rows: m, cols: 1 + n, a: qA, ...initialLayout(m, m + n, 0) },
  ];
}

/** Builds P and Q in integers: payoffs times the lcm of their denominators, shifted to min 1. */
function exactTableaus(
  game: StrategicGame,
  m: number,
  n: number,
): [ExactHowsonTableau, ExactHowsonTableau] {
  const [a, b] = integerPayoffs(game, m, n);
  const pA = new Array<bigint>(n * (1 + m)).fill(0n);
  const qA = new Array<bigint>(m * (1 + n)).fill(0n);
  for (let j = 0; j < n; j++) {
    pA[j * (1 + m)] = 1n;
    for (let i = 0; i < m; i++) pA[j * (1 + m) + 1 + i] = b[i + m * j]!;
  }
  for (let i = 0; i < m; i++) {
    qA[i * (1 + n)] = 1n;
    for (let j = 0; j < n; j++) qA[i * (1 + n) + 1 + j] = a[i + m * j]!;
  }
  return [
    { rows: n, cols: 1 + m, a: pA, det: 1n, ...initialLayout(n, m + n, m) },
    { rows: m, cols: 1 + n, a: qA, det: 1n, ...initialLayout(m, m + n, 0) },
  ];
}

/** A complementary path in progress: the tableau pair, whose turn it is, and what enters next. */
interface Path<T> {
  readonly p: T;
  readonly q: T;
  readonly label: number;
  /** The tableau the next variable enters. */
  t: T;
  entering: number;
  pivots: number;
  done: boolean;
  /** Watches for a return to earlier bases (cycling, possible in doubles only). */
  readonly cycle: BasisCycleDetector;
  /** The path returned to bases it had left: it cannot end (see BasisCycleDetector). */
  cycled: boolean;
}

/**
 * Starts the complementary path that drops `label` from the current (completely labelled) bases
 * of P and Q; {@link step} pivots along it, mutating both tableaus.
 */
function startPath<T extends HowsonTableau<unknown>>(p: T, q: T, label: number): Path<T> {
  // the label is nonbasic in exactly one tableau at a (perturbed) completely labelled pair
  const t = p.rowOf[label]! < 0 ? p : q;
  const cycle = new BasisCycleDetector();
  return { p, q, label, t, entering: label, pivots: 0, done: false, cycle, cycled: false };
}

/** One pivot: enter the variable, and finish when the variable with the dropped label leaves. */
function step<T extends HowsonTableau<unknown>>(kernel: Kernel<T>, path: Path<T>): void {
  const { t, entering } = path;
  const row = kernel.ratioRow(t, entering);
  if (row < 0) {
    throw new RoundingBreakdown(
      `Lemke–Howson: no pivot row for label ${entering} (numerical trouble; try the exact variant)`,
    );
  }
  const leaving = t.basis[row]!;
  kernel.pivot(t, row, entering);
  path.pivots++;
  if (leaving === path.label) path.done = true;
  path.entering = leaving;
  path.t = t === path.p ? path.q : path.p;
  const side = t === path.p ? 0 : 1;
  path.cycle.toggle(side, entering);
  path.cycle.toggle(side, leaving);
  if (!path.done && path.cycle.repeated(1 - side, leaving)) path.cycled = true;
}

/** Follows the path that drops `label` to its end; returns the number of pivots. */
function followPath<T extends HowsonTableau<unknown>>(
  kernel: Kernel<T>,
  p: T,
  q: T,
  label: number,
  maxPivots: number,
): number {
  const path = startPath(p, q, label);
  while (!path.done) {
    if (path.pivots >= maxPivots) throw tooLong(label, maxPivots);
    step(kernel, path);
    if (path.cycled) throw cycling(label, path.pivots);
  }
  return path.pivots;
}

function tooLong(label: number, maxPivots: number): LinkageError {
  return new LinkageError(
    "E_SOLVER",
    `Lemke–Howson: the path dropping label ${label} did not end within ${maxPivots} pivots`,
  );
}

function cycling(label: number, pivots: number): LinkageError {
  return new RoundingBreakdown(
    `Lemke–Howson: the path dropping label ${label} returned to bases it had left after ${pivots} pivots (rounding broke a tie; exact pivoting cannot cycle)`,
  );
}

function floatStrategies(p: FloatTableau, q: FloatTableau, m: number, n: number) {
  const x = new Float64Array(m);
  const y = new Float64Array(n);
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < m; i++) {
    const r = p.rowOf[i]!;
    const v = r < 0 ? 0 : Math.max(0, p.a[r * p.cols]!);
    x[i] = v;
    sx += v;
  }
  for (let j = 0; j < n; j++) {
    const r = q.rowOf[m + j]!;
    const v = r < 0 ? 0 : Math.max(0, q.a[r * q.cols]!);
    y[j] = v;
    sy += v;
  }
  for (let i = 0; i < m; i++) x[i]! /= sx;
  for (let j = 0; j < n; j++) y[j]! /= sy;
  return [x, y] as const;
}

function exactStrategies(p: ExactTableau, q: ExactTableau, m: number, n: number) {
  const pick = (t: ExactTableau, first: number, count: number): Rational[] => {
    const values: bigint[] = [];
    let sum = 0n;
    for (let k = 0; k < count; k++) {
      const r = t.rowOf[first + k]!;
      const v = r < 0 ? 0n : t.a[r * t.cols]!;
      values.push(v);
      sum += v;
    }
    return values.map((v) => rational(v, sum));
  };
  return [pick(p, 0, m), pick(q, m, n)] as const;
}

/** True when P is back at its initial basis, i.e. x = 0: the artificial equilibrium. */
function isArtificial(p: HowsonTableau<unknown>): boolean {
  for (let k = 0; k < p.rows; k++) if (p.basis[k]! < p.slackStart) return false;
  return true;
}

function basisKey(p: Tableau<unknown>, q: Tableau<unknown>): string {
  const sorted = (t: Tableau<unknown>) => Array.from(t.basis).sort((u, v) => u - v);
  return `${sorted(p).join(",")}|${sorted(q).join(",")}`;
}

/**
 * One Nash equilibrium of a two-player strategic game by the Lemke–Howson algorithm, in doubles.
 *
 * Algorithm (von Stengel 2007, §3.4–3.5): shift and scale the payoffs to A′, B′ ∈ [1, 2] (a
 * positive affine map per player leaves the equilibria unchanged) and form the best-response
 * polytopes P = {x ∈ ℝᵐ : x ≥ 0, B′ᵀx ≤ 1} and Q = {y ∈ ℝⁿ : A′y ≤ 1, y ≥ 0}. A point has label
 * i (player 1's strategy) where xᵢ = 0 or (A′y)ᵢ = 1, and label m + j where (B′ᵀx)ⱼ = 1 or
 * yⱼ = 0. Starting from the artificial pair (0, 0), which has every label, drop `label`: pivot
 * the variable with that label into its tableau; the variable that leaves carries a duplicate
 * label, whose complementary variable enters the other tableau; repeat until the variable with
 * the dropped label itself leaves. The pair is then completely labelled, i.e. a Nash equilibrium
 * after normalising x and y to probabilities. Degenerate games cannot cycle: the leaving row is
 * the lexicographic minimum of (rhs, −(basis-inverse entries from the first column to the last))
 * divided by the pivot-column entry, which follows the path of the nondegenerate game whose k-th
 * inequality in each polytope has right-hand side 1 − εᵏ for a small ε > 0. That is gambit-lcp's
 * rule, so label 0 follows gambit-lcp's path (its first equilibrium and the equilibria reachable
 * from the artificial one agree on all 44 two-player games of Gambit's collection). The rule
 * matters for speed, not only for which equilibrium: every perturbation gives a valid path, but on
 * degenerate games their lengths differ by orders of magnitude (random 200×200 game with payoffs in
 * [−10, 10], seed 1: 80 665 pivots with this rule, 284 182 with 1 + εʳ⁻ᵏ).
 *
 * Dense tableaus in `Float64Array`s, about (m + n)·max(m, n) multiply-adds per pivot; nothing is
 * allocated inside the pivot loop. For exact rationals use {@link lemkeHowsonExact}.
 *
 * Sources: C. E. Lemke & J. T. Howson, "Equilibrium points of bimatrix games", J. SIAM 12 (1964);
 * B. von Stengel, "Equilibrium computation for two-player games in strategic and extensive
 * form", ch. 3 of Nisan et al., Algorithmic Game Theory (2007).
 *
 * @throws {LinkageError} E_INPUT unless the game has two players; E_DOMAIN for a label outside
 * 0 … m+n−1 or non-finite payoffs; E_SOLVER when floating-point trouble stops the path, or after
 * `maxPivots` pivots
 * @example
 * // matching pennies
 * lemkeHowson(strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]])).strategies
 * // => [Float64Array [0.5, 0.5], Float64Array [0.5, 0.5]] (to rounding)
 */
export function lemkeHowson(
  game: StrategicGame,
  { label = 0, maxPivots = DEFAULT_MAX_PIVOTS }: LemkeHowsonOptions = {},
): LemkeHowsonEquilibrium<Float64Array> {
  const { m, n } = checkTwoPlayer(game, "Lemke–Howson");
  checkLabel(label, m, n);
  const [p, q] = floatTableaus(game, m, n);
  const pivots = followPath(floatKernel, p, q, label, maxPivots);
  return { strategies: floatStrategies(p, q, m, n), label, pivots };
}

/**
 * {@link lemkeHowson} in exact rational arithmetic, on the game's exact payoffs (or the exact
 * values of its doubles when it has none). The answer is exact and verified whichever way the
 * path is followed (`pivoting`, and `exactBy` in the result).
 *
 * Default (`pivoting: "float"`): follow the path in doubles with the same lexicographic rule,
 * then re-solve its final pair of bases exactly — a k×k integer system per player, k the
 * support size ({@link exactEquilibriumOfBases}) — and verify it exactly: complementary (every
 * label basic in one polytope), lexicographically feasible (so it is an equilibrium of the same
 * perturbed game the exact path follows: an end of a Lemke–Howson path for every label), not the
 * artificial pair, and exact regret 0. Float and exact pivoting take the same decisions unless
 * rounding flips a ratio test; if the final bases fail any check, or the float path stops, the
 * path is followed again fraction-free and `fallback` says why. (A flipped decision that still
 * ends at a valid equilibrium is not detected: the answer is then an exact equilibrium at the
 * end of another label-`label` path of the perturbed game; the tests compare both paths on
 * Gambit's games.)
 *
 * `pivoting: "exact"`: payoffs are scaled to integers (times the lcm of their denominators,
 * then shifted to a minimum of 1) and the tableaus are pivoted fraction-free (integer pivoting;
 * Bareiss 1968, von Stengel 2007 §3.5): with pivot element p and the previous pivot element d,
 * every other entry becomes (aᵢⱼ·p − aᵢₛ·aᵣⱼ)/d, a division that is always exact, so entries
 * stay integers (subdeterminants of the payoff matrix) and never need a gcd. The ratio and
 * lexicographic tests compare by cross-multiplication. Dense: (m + n)·max(m, n) bigint
 * operations a pivot.
 *
 * @throws {LinkageError} E_INPUT unless the game has two players; E_DOMAIN for a label outside
 * 0 … m+n−1; E_SOLVER after `maxPivots` pivots
 * @example
 * // matching pennies
 * lemkeHowsonExact(strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]])).strategies
 * // => [[{ n: 1n, d: 2n }, { n: 1n, d: 2n }], [{ n: 1n, d: 2n }, { n: 1n, d: 2n }]]
 */
export function lemkeHowsonExact(
  game: StrategicGame,
  {
    label = 0,
    maxPivots = DEFAULT_MAX_PIVOTS,
    pivoting = "float",
    floatTolerance,
  }: LemkeHowsonExactOptions = {},
): LemkeHowsonEquilibrium<readonly Rational[]> {
  const { m, n } = checkTwoPlayer(game, "Lemke–Howson");
  checkLabel(label, m, n);
  let fallback: string | undefined;
  if (pivoting === "float") {
    const floats = floatPathBases(game, m, n, label, maxPivots, floatTolerance);
    if ("stopped" in floats) fallback = floats.stopped;
    else {
      const check = exactEquilibriumOfBases(game, floats.p, floats.q);
      if (check.ok) {
        return {
          strategies: check.strategies,
          label,
          pivots: floats.pivots,
          exactBy: "float-basis",
        };
      }
      fallback = `the float path's final bases failed the exact check (${check.reason})`;
    }
  }
  const [p, q] = exactTableaus(game, m, n);
  const pivots = followPath(exactKernel, p, q, label, maxPivots);
  return {
    strategies: exactStrategies(p, q, m, n),
    label,
    pivots,
    exactBy: "exact-pivoting",
    ...(fallback === undefined ? {} : { fallback }),
  };
}

/**
 * Follows the path that drops `label` in doubles and returns its final bases, or why it stopped
 * short (no pivot row on rounding, or longer than `maxPivots`); the exact path then decides.
 */
function floatPathBases(
  game: StrategicGame,
  m: number,
  n: number,
  label: number,
  maxPivots: number,
  tolerance: { readonly pivot: number; readonly tie: number } | undefined,
): { p: Int32Array; q: Int32Array; pivots: number } | { stopped: string } {
  const [p0, q0] = floatTableaus(game, m, n);
  const p = tolerance ? { ...p0, tolerance } : p0;
  const q = tolerance ? { ...q0, tolerance } : q0;
  const path = startPath(p, q, label);
  while (!path.done) {
    // a float path that runs too long may have been led astray by rounding: the exact path decides
    if (path.pivots >= maxPivots)
      return { stopped: `${tooLong(label, maxPivots).message} in doubles` };
    try {
      step(floatKernel, path);
    } catch (error) {
      if (!(error instanceof LinkageError)) throw error;
      return { stopped: `the float path stopped after ${path.pivots} pivots: ${error.message}` };
    }
    if (path.cycled) return { stopped: `${cycling(label, path.pivots).message} in doubles` };
  }
  return { p: p.basis, q: q.basis, pivots: path.pivots };
}

/**
 * Runs the search behind {@link lemkeHowsonAll} and {@link lemkeHowsonAllExact}: every label from
 * the artificial equilibrium, and with `reachable` every label from every equilibrium found
 * (breadth first over the perturbed game's vertex pairs, identified by their bases).
 */
function allPaths<T extends HowsonTableau<unknown>, S>(
  kernel: Kernel<T>,
  initial: readonly [T, T],
  labels: number,
  reachable: boolean,
  maxPivots: number,
  strategies: (p: T, q: T) => readonly [S, S],
  same: (u: readonly [S, S], v: readonly [S, S]) => boolean,
): LemkeHowsonEquilibrium<S>[] {
  const found: LemkeHowsonEquilibrium<S>[] = [];
  const seen = new Set<string>();
  const queue: [T, T][] = [[initial[0], initial[1]]];
  for (let head = 0; head < queue.length; head++) {
    const [p0, q0] = queue[head]!;
    for (let label = 0; label < labels; label++) {
      const p = kernel.copy(p0);
      const q = kernel.copy(q0);
      const pivots = followPath(kernel, p, q, label, maxPivots);
      if (isArtificial(p)) continue;
      const key = basisKey(p, q);
      if (seen.has(key)) continue;
      seen.add(key);
      if (reachable) queue.push([p, q]);
      const s = strategies(p, q);
      if (!found.some((e) => same(e.strategies, s))) found.push({ strategies: s, label, pivots });
    }
    if (!reachable) break;
  }
  return found;
}

/**
 * The distinct Nash equilibria that Lemke–Howson finds from every starting label 0 … m+n−1 (and,
 * with `reachable`, from every equilibrium so found), in doubles.
 *
 * Algorithm: {@link lemkeHowson} once per label from the artificial equilibrium (0, 0). With
 * `reachable: true` the search continues from each new equilibrium, dropping every label in turn:
 * each path ends at the artificial pair or at another equilibrium, so a breadth-first search
 * over (perturbed) equilibria, identified by their pair of bases, visits the whole component of
 * the Lemke–Howson graph that contains (0, 0) — the equilibria `gambit-lcp` enumerates, though
 * Gambit's tie-breaking in degenerate games may differ. Equilibria whose probabilities all agree
 * within {@link LEMKE_HOWSON_DUPLICATE_TOLERANCE} are reported once, in order of discovery.
 *
 * Source: Shapley, "A note on the Lemke–Howson algorithm", Math. Programming Study 1 (1974);
 * von Stengel (2007) §3.5, the LH graph.
 *
 * @throws {LinkageError} as {@link lemkeHowson}
 * @example
 * // coordination game: the pure equilibria from labels 0 and 1, the mixed one only by reachability
 * lemkeHowsonAll(coordination, { reachable: true }).length // => 3
 */
export function lemkeHowsonAll(
  game: StrategicGame,
  { reachable = false, maxPivots = DEFAULT_MAX_PIVOTS }: LemkeHowsonAllOptions = {},
): LemkeHowsonEquilibrium<Float64Array>[] {
  const { m, n } = checkTwoPlayer(game, "Lemke–Howson");
  const same = (
    u: readonly [Float64Array, Float64Array],
    v: readonly [Float64Array, Float64Array],
  ) =>
    u.every((s, k) =>
      s.every((x, i) => Math.abs(x - v[k]![i]!) <= LEMKE_HOWSON_DUPLICATE_TOLERANCE),
    );
  return allPaths(
    floatKernel,
    floatTableaus(game, m, n),
    m + n,
    reachable,
    maxPivots,
    (p, q) => floatStrategies(p, q, m, n),
    same,
  );
}

/**
 * {@link lemkeHowsonAll} in exact rationals ({@link lemkeHowsonExact} per path); duplicates are
 * equal probabilities. From the artificial equilibrium each path is followed as `pivoting` says
 * (by default in doubles, its end re-solved and verified exactly; `exactBy` and `fallback` on
 * each result); with `reachable`, paths from the equilibria found are pivoted exactly, as they
 * start from exact tableaus.
 * @throws {LinkageError} as {@link lemkeHowsonExact}
 * @example lemkeHowsonAllExact(coordination, { reachable: true }).length // => 3
 */
export function lemkeHowsonAllExact(
  game: StrategicGame,
  {
    reachable = false,
    maxPivots = DEFAULT_MAX_PIVOTS,
    pivoting = "float",
  }: LemkeHowsonAllOptions & Pick<LemkeHowsonExactOptions, "pivoting"> = {},
): LemkeHowsonEquilibrium<readonly Rational[]>[] {
  const { m, n } = checkTwoPlayer(game, "Lemke–Howson");
  const key = (s: readonly [readonly Rational[], readonly Rational[]]) =>
    s.map((v) => v.map(formatRational).join(",")).join(";");
  if (!reachable) {
    const found: LemkeHowsonEquilibrium<readonly Rational[]>[] = [];
    const keys = new Set<string>();
    for (let label = 0; label < m + n; label++) {
      const e = lemkeHowsonExact(game, { label, maxPivots, pivoting });
      const k = key(e.strategies);
      if (keys.has(k)) continue;
      keys.add(k);
      found.push(e);
    }
    return found;
  }
  return allPaths(
    exactKernel,
    exactTableaus(game, m, n),
    m + n,
    reachable,
    maxPivots,
    (p, q) => exactStrategies(p, q, m, n),
    (u, v) => key(u) === key(v),
  );
}

function raceLabels(m: number, n: number, labels: readonly number[] | undefined): number[] {
  if (labels !== undefined) {
    if (labels.length === 0) throw new LinkageError("E_DOMAIN", "Lemke–Howson race: no labels");
    for (const label of labels) checkLabel(label, m, n);
    return [...labels];
  }
  const chosen: number[] = [];
  for (let k = 0; chosen.length < RACE_PATHS && (k < m || k < n); k++) {
    if (k < m) chosen.push(k);
    if (k < n && chosen.length < RACE_PATHS) chosen.push(m + k);
  }
  return chosen;
}

/** Paths raced by default. */
const RACE_PATHS = 8;

function race<T extends HowsonTableau<unknown>>(
  kernel: Kernel<T>,
  initial: readonly [T, T],
  labels: readonly number[],
  maxPivots: number,
): Path<T> {
  const paths = labels.map((label) =>
    startPath(kernel.copy(initial[0]), kernel.copy(initial[1]), label),
  );
  for (let round = 0; round < maxPivots; round++) {
    let moving = 0;
    for (const path of paths) {
      if (path.cycled) continue; // a path cycling on rounding drops out of the race
      step(kernel, path);
      if (path.done) return path;
      moving++;
    }
    if (moving === 0) throw cycling(paths[0]!.label, paths[0]!.pivots);
  }
  throw new LinkageError(
    "E_SOLVER",
    `Lemke–Howson race: no path of labels ${labels.join(", ")} ended within ${maxPivots} pivots`,
  );
}

/**
 * One Nash equilibrium, fast in practice: Lemke–Howson paths from several labels advance one pivot
 * each in turn, and the first to end wins. In doubles.
 *
 * Why: the length of a Lemke–Howson path depends strongly on the dropped label and is heavy
 * tailed — on random 200×200 games some labels end in tens of pivots and others need 10⁵ or more
 * (and some games make every path exponentially long; Savani & von Stengel, "Hard-to-solve
 * bimatrix games", Econometrica 74 (2006)). Racing k paths costs k times the shortest of them.
 * Deterministic: the same game and labels always give the same equilibrium.
 *
 * @returns the equilibrium, with the label whose path won and that path's pivots
 * @throws {LinkageError} as {@link lemkeHowson}; E_DOMAIN for an empty or invalid `labels`
 * @example lemkeHowsonRace(matchingPennies).strategies // => [[0.5, 0.5], [0.5, 0.5]] (Float64Arrays, to rounding) (to rounding)
 */
export function lemkeHowsonRace(
  game: StrategicGame,
  { labels, maxPivots = DEFAULT_MAX_PIVOTS }: LemkeHowsonRaceOptions = {},
): LemkeHowsonEquilibrium<Float64Array> {
  const { m, n } = checkTwoPlayer(game, "Lemke–Howson");
  const winner = race(floatKernel, floatTableaus(game, m, n), raceLabels(m, n, labels), maxPivots);
  return {
    strategies: floatStrategies(winner.p, winner.q, m, n),
    label: winner.label,
    pivots: winner.pivots,
  };
}

/**
 * {@link lemkeHowsonRace} in exact rationals (see {@link lemkeHowsonExact}): by default the race
 * is run in doubles and the winner's final bases are re-solved and verified exactly, and if they
 * fail (or the float race stops: rounding, or past `maxPivots`) the race is run again with fraction-free pivots
 * (`exactBy`, `fallback` in the result).
 * @throws {LinkageError} as {@link lemkeHowsonRace}
 * @example lemkeHowsonRaceExact(matchingPennies).strategies[0].map(formatRational) // => ["1/2", "1/2"]
 */
export function lemkeHowsonRaceExact(
  game: StrategicGame,
  {
    labels,
    maxPivots = DEFAULT_MAX_PIVOTS,
    pivoting = "float",
  }: LemkeHowsonRaceOptions & Pick<LemkeHowsonExactOptions, "pivoting"> = {},
): LemkeHowsonEquilibrium<readonly Rational[]> {
  const { m, n } = checkTwoPlayer(game, "Lemke–Howson");
  const chosen = raceLabels(m, n, labels);
  let fallback: string | undefined;
  if (pivoting === "float") {
    try {
      const floats = race(floatKernel, floatTableaus(game, m, n), chosen, maxPivots);
      const check = exactEquilibriumOfBases(game, floats.p.basis, floats.q.basis);
      if (check.ok) {
        return {
          strategies: check.strategies,
          label: floats.label,
          pivots: floats.pivots,
          exactBy: "float-basis",
        };
      }
      fallback = `the float race's final bases failed the exact check (${check.reason})`;
    } catch (error) {
      // rounding trouble or a race too long in doubles (rounding may have led it astray): the
      // exact race decides, under the same maxPivots
      if (!(error instanceof LinkageError && error.code === "E_SOLVER")) throw error;
      fallback = `the float race stopped: ${error.message}`;
    }
  }
  const winner = race(exactKernel, exactTableaus(game, m, n), chosen, maxPivots);
  return {
    strategies: exactStrategies(winner.p, winner.q, m, n),
    label: winner.label,
    pivots: winner.pivots,
    exactBy: "exact-pivoting",
    ...(fallback === undefined ? {} : { fallback }),
  };
}
