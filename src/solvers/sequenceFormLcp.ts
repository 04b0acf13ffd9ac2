import { LinkageError } from "../errors/LinkageError.js";
import type { ExtensiveGame } from "../games/extensiveGame.js";
import {
  type SequenceForm,
  sequenceForm,
  sequenceToBehaviour,
  sequenceToBehaviourExact,
} from "../games/sequenceForm.js";
import { compare, gcd, multiply, type Rational, rational, subtract } from "../math/rational.js";

/**
 * An equilibrium of a two-player extensive game found by Lemke's algorithm on the sequence form.
 * @typeParam S - a vector: `Float64Array` (float variant) or `readonly Rational[]` (exact)
 */
export interface SequenceFormEquilibrium<S> {
  /** Behaviour profile in Gambit's order (see behaviourLayout); pass it to behaviourRegret. */
  readonly behaviour: S;
  /** `[x, y]`: the realisation plans, one entry per sequence (see SequenceFormPlayer). */
  readonly plans: readonly [S, S];
  /** Pivots taken by Lemke's algorithm (including the first, which brings in z₀). */
  readonly pivots: number;
}

export interface SequenceFormLcpOptions {
  /** Give up (E_SOLVER) after this many pivots. @default 1_000_000 */
  readonly maxPivots?: number;
  /** A sequence form of `game` computed earlier (saves rebuilding it). @default sequenceForm(game) */
  readonly sequenceForm?: SequenceForm;
}

const DEFAULT_MAX_PIVOTS = 1_000_000;
/** Float tableau entries at or below this are not pivot candidates (payoffs are scaled to [−1, 0)). */
const PIVOT_TOLERANCE = 1e-9;
/** Float ratios closer than this (relative) are ties, broken lexicographically. */
const TIE_TOLERANCE = 1e-9;

// ---------------------------------------------------------------------------------------------
// The LCP. With the free dual variables split, p = p⁺ − p⁻ and q = q⁺ − q⁻, and Ex = e written
// as Ex ≤ e and −Ex ≤ −e, the sequence-form conditions are the standard LCP
//   w = q̃ + M z + d z₀ ≥ 0,  z ≥ 0,  zᵀw = 0,  z = (x, y, p⁺, p⁻, q⁺, q⁻),
// with q̃ = (0, 0, e, −e, f, −f), d = 1 and
//   w_x  = −A y + Eᵀp⁺ − Eᵀp⁻       (player 1's best-response conditions)
//   w_y  = −Bᵀx + Fᵀq⁺ − Fᵀq⁻
//   w_p⁺ = e − Ex,  w_p⁻ = Ex − e,  w_q⁺ = f − Fy,  w_q⁻ = Fy − f.
// The tableau is kept in compact form as in lemkeHowson.ts: row i reads
// basic_i + Σ_c a[i][c]·nonbasic_c = a[i][0]. Labels: w_i = i, z_j = N + j, z₀ = 2N; complementary
// labels differ by N. The initial basis is w (identity), so the stored columns of the w's are
// the columns of the basis inverse that the lexicographic rule reads.

interface Tableau<E> {
  readonly rows: number;
  /** 1 + the number of nonbasic variables (N + 1); column 0 is the right-hand side. */
  readonly cols: number;
  readonly a: E;
  readonly basis: Int32Array;
  readonly nonbasic: Int32Array;
  readonly rowOf: Int32Array;
  readonly colOf: Int32Array;
}

interface Blocks {
  readonly n1: number;
  readonly n2: number;
  readonly k1: number;
  readonly k2: number;
  /** Number of complementary pairs. */
  readonly size: number;
}

function blocks(sf: SequenceForm): Blocks {
  const [p1, p2] = sf.players;
  const n1 = p1.size;
  const n2 = p2.size;
  const k1 = p1.constraints.rows;
  const k2 = p2.constraints.rows;
  return { n1, n2, k1, k2, size: n1 + n2 + 2 * k1 + 2 * k2 };
}

function layout(rows: number) {
  const labels = 2 * rows + 1;
  const basis = new Int32Array(rows);
  const nonbasic = new Int32Array(rows + 2).fill(-1);
  const rowOf = new Int32Array(labels).fill(-1);
  const colOf = new Int32Array(labels).fill(-1);
  for (let r = 0; r < rows; r++) {
    basis[r] = r;
    rowOf[r] = r;
  }
  for (let c = 1; c <= rows + 1; c++) {
    nonbasic[c] = rows + c - 1;
    colOf[rows + c - 1] = c;
  }
  return { basis, nonbasic, rowOf, colOf };
}

/**
 * Writes the tableau entries −M (and q̃, −d) through `set(row, col, value)` for a value type E:
 * `A`, `B` are the shifted, scaled payoff entries aligned with `sf.payoffs`.
 */
function fillTableau<E>(
  sf: SequenceForm,
  b: Blocks,
  A: readonly E[] | ArrayLike<E>,
  B: readonly E[] | ArrayLike<E>,
  one: E,
  minusOne: E,
  set: (row: number, col: number, value: E) => void,
): void {
  const { n1, n2, k1, k2, size } = b;
  const col = (j: number) => 1 + j;
  const yo = n1;
  const p1 = n1 + n2;
  const p2 = p1 + k1;
  const q1 = p2 + k1;
  const q2 = q1 + k2;
  const { row: pr, col: pc } = sf.payoffs;
  for (let e = 0; e < pr.length; e++) {
    const s = pr[e]!;
    const t = pc[e]!;
    set(s, col(yo + t), A[e]!); // −M[x_s][y_t] = A[s,t]
    set(yo + t, col(s), B[e]!); // −M[y_t][x_s] = B[s,t]
  }
  const constraint = (player: 0 | 1, varOffset: number, plus: number, minus: number) => {
    const { row, col: c, value } = sf.players[player].constraints;
    for (let k = 0; k < row.length; k++) {
      const r = row[k]!;
      const sq = c[k]!;
      const positive = value[k]! > 0;
      // w_σ row: −M[σ][p⁺_r] = −E[r,σ], −M[σ][p⁻_r] = E[r,σ]
      set(varOffset + sq, col(plus + r), positive ? minusOne : one);
      set(varOffset + sq, col(minus + r), positive ? one : minusOne);
      // w_p⁺ row: −M = E[r,σ]; w_p⁻ row: −M = −E[r,σ]
      set(plus + r, col(varOffset + sq), positive ? one : minusOne);
      set(minus + r, col(varOffset + sq), positive ? minusOne : one);
    }
  };
  constraint(0, 0, p1, p2);
  constraint(1, yo, q1, q2);
  set(p1, 0, one); // e = (1, 0, …)
  set(p2, 0, minusOne);
  set(q1, 0, one);
  set(q2, 0, minusOne);
  for (let i = 0; i < size; i++) set(i, col(size), minusOne); // −d
}

function exchange(t: Tableau<unknown>, row: number, label: number): void {
  const c = t.colOf[label]!;
  const leaving = t.basis[row]!;
  t.basis[row] = label;
  t.rowOf[label] = row;
  t.colOf[label] = -1;
  t.nonbasic[c] = leaving;
  t.colOf[leaving] = c;
  t.rowOf[leaving] = -1;
}

// --------------------------------------------------------------------------------- float kernel

function floatRatioRow(t: Tableau<Float64Array>, label: number, first: boolean): number {
  const { rows, cols, a, rowOf, colOf } = t;
  const c = colOf[label]!;
  let best = -1;
  let bestRatio = 0;
  let bestPivot = 0;
  // first step (z₀ enters, all coefficients −1): lexicographic maximum; later: minimum over p > 0
  const sign = first ? -1 : 1;
  for (let i = 0; i < rows; i++) {
    const p = a[i * cols + c]!;
    if (sign * p <= PIVOT_TOLERANCE) continue;
    const ratio = a[i * cols]! / p;
    if (best < 0) {
      best = i;
      bestRatio = ratio;
      bestPivot = p;
      continue;
    }
    const tie = TIE_TOLERANCE * Math.max(1, Math.abs(bestRatio));
    if (sign * ratio < sign * bestRatio - tie) {
      best = i;
      bestRatio = ratio;
      bestPivot = p;
    } else if (sign * ratio <= sign * bestRatio + tie) {
      for (let k = 0; k < rows; k++) {
        const r = rowOf[k]!;
        const s = colOf[k]!;
        const u = (r >= 0 ? (i === r ? 1 : 0) : a[i * cols + s]!) / p;
        const v = (r >= 0 ? (best === r ? 1 : 0) : a[best * cols + s]!) / bestPivot;
        if (sign * u < sign * v - TIE_TOLERANCE) {
          best = i;
          bestRatio = ratio;
          bestPivot = p;
          break;
        }
        if (sign * u > sign * v + TIE_TOLERANCE) break;
      }
    }
  }
  return best;
}

function floatPivot(t: Tableau<Float64Array>, row: number, label: number, nz: Int32Array): void {
  const { rows, cols, a } = t;
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
  for (let i = 0; i < rows; i++) {
    if (i === row) continue;
    const o = i * cols;
    const f = a[o + c]!;
    if (f === 0) continue;
    for (let k = 0; k < count; k++) {
      const j = nz[k]!;
      a[o + j]! -= f * a[base + j]!;
    }
    a[o + c] = -f * inv;
  }
  exchange(t, row, label);
}

// --------------------------------------------------------------------------------- exact kernel

interface ExactTableau extends Tableau<bigint[]> {
  /** Previous pivot element D: stored entries are D times the true ones (D may be negative). */
  det: bigint;
}

function exactRatioRow(t: ExactTableau, label: number, first: boolean): number {
  const { rows, cols, a, rowOf, colOf, det } = t;
  const c = colOf[label]!;
  const positive = det > 0n;
  let best = -1;
  let bestPivot = 0n;
  const sign = first ? -1 : 1;
  for (let i = 0; i < rows; i++) {
    const p = a[i * cols + c]!;
    // true entry p / det must be positive (negative for the first step)
    const truePositive = p !== 0n && p > 0n === positive;
    if (p === 0n || truePositive !== sign > 0) continue;
    if (best < 0) {
      best = i;
      bestPivot = p;
      continue;
    }
    // p and bestPivot have the same sign, so u/p < v/bestPivot ⇔ u·bestPivot < v·p
    for (let k = -1; k < rows; k++) {
      const r = k < 0 ? -1 : rowOf[k]!;
      const s = k < 0 ? 0 : colOf[k]!;
      const u = (r >= 0 ? (i === r ? det : 0n) : a[i * cols + s]!) * bestPivot;
      const v = (r >= 0 ? (best === r ? det : 0n) : a[best * cols + s]!) * p;
      if (sign > 0 ? u < v : u > v) {
        best = i;
        bestPivot = p;
        break;
      }
      if (u !== v) break;
    }
  }
  return best;
}

function exactPivot(t: ExactTableau, row: number, label: number): void {
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

function followPath<T extends Tableau<unknown>>(
  t: T,
  ratioRow: (t: T, label: number, first: boolean) => number,
  pivot: (t: T, row: number, label: number) => void,
  maxPivots: number,
): number {
  const n = t.rows;
  const z0 = 2 * n;
  let entering = z0;
  let pivots = 0;
  for (;;) {
    if (pivots >= maxPivots) {
      throw new LinkageError(
        "E_SOLVER",
        `sequence-form LCP: Lemke's algorithm did not end within ${maxPivots} pivots`,
      );
    }
    const row = ratioRow(t, entering, pivots === 0);
    if (row < 0) {
      throw new LinkageError(
        "E_SOLVER",
        `sequence-form LCP: ray termination after ${pivots} pivots when label ${entering} entered (numerical trouble; try the exact variant)`,
      );
    }
    const leaving = t.basis[row]!;
    pivot(t, row, entering);
    pivots++;
    if (leaving === z0) return pivots;
    entering = leaving < n ? leaving + n : leaving - n;
  }
}

function checkGame(game: ExtensiveGame): void {
  if (game.players.length !== 2) {
    throw new LinkageError(
      "E_INPUT",
      `the sequence-form LCP needs a two-player game; "${game.title}" has ${game.players.length} players`,
    );
  }
}

/** The largest value (0 for none). */
function floatShift(values: Float64Array): number {
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > hi) hi = v;
  return Number.isFinite(hi) ? hi : 0;
}

/**
 * One Nash equilibrium of a two-player extensive game with perfect recall, by Lemke's algorithm
 * on the sequence-form LCP, in doubles. The strategic form is never built.
 *
 * Formulation (Koller, Megiddo & von Stengel 1996): (x, y) is an equilibrium iff, with dual
 * vectors p, q of the constraints Ex = e, Fy = f (see sequenceForm),
 *   x, y ≥ 0,  Ex = e,  Fy = f,  Eᵀp − Ay ≥ 0 ⊥ x,  Fᵀq − Bᵀx ≥ 0 ⊥ y.
 * The free p, q are split into nonnegative parts and the equalities into two inequalities, which
 * gives a standard LCP w = q̃ + Mz, z ≥ 0, w ≥ 0, zᵀw = 0. Lemke's algorithm adds an artificial
 * variable z₀ with covering vector d = 1, starts at z = 0 with z₀ = 1 and pivots
 * complementarily until z₀ leaves. Payoffs are first shifted (every leaf's payoff minus the
 * largest leaf payoff plus one, weighted by chance; this changes each player's payoff by a
 * constant on all plans) and scaled so that A and B are negative, the condition under which KMvS
 * show that Lemke's algorithm ends in a solution, not a ray. Degeneracy is resolved
 * lexicographically: the leaving row is the lexicographic minimum of (rhs, basis-inverse row)
 * divided by the pivot-column entry (the perturbation q̃ + (ε, ε², …)), so the path cannot cycle.
 *
 * A dense compact tableau of N × (N + 2) doubles, N = |x| + |y| + 2(1 + sets₁) + 2(1 + sets₂);
 * pivots update only the nonzero columns of the pivot row.
 *
 * Behaviour at information sets that the player's own plan reaches with probability zero is
 * uniform (see sequenceToBehaviour); any behaviour there keeps the profile an equilibrium
 * (Nash, not necessarily perfect).
 *
 * Sources: Koller, Megiddo & von Stengel, "Efficient computation of equilibria for extensive
 * two-person games", GEB 14 (1996); C. E. Lemke, "Bimatrix equilibrium points and mathematical
 * programming", Management Science 11 (1965); von Stengel, ch. 3.11 of Nisan et al.,
 * Algorithmic Game Theory (2007).
 *
 * @throws {LinkageError} E_INPUT unless the game has two players and perfect recall; E_SOLVER on
 * floating-point trouble (a ray) or after `maxPivots` pivots
 * @example
 * // matching pennies as a tree
 * sequenceFormLcp(pennies).behaviour // => Float64Array [0.5, 0.5, 0.5, 0.5] (to rounding)
 */
export function sequenceFormLcp(
  game: ExtensiveGame,
  { maxPivots = DEFAULT_MAX_PIVOTS, sequenceForm: given }: SequenceFormLcpOptions = {},
): SequenceFormEquilibrium<Float64Array> {
  checkGame(game);
  const sf = given ?? sequenceForm(game);
  const b = blocks(sf);
  const N = b.size;
  const cols = N + 2;
  const { a: pa, b: pb, chance } = sf.payoffs;
  const scaled = [pa, pb].map((values) => {
    const c = floatShift(values.map((v, e) => (chance[e]! > 0 ? v / chance[e]! : v)));
    const shifted = values.map((v, e) => v - (c + 1) * chance[e]!);
    let big = 0;
    for (const v of shifted) big = Math.max(big, Math.abs(v));
    return big > 0 ? shifted.map((v) => v / big) : shifted;
  });
  const a = new Float64Array(N * cols);
  fillTableau(sf, b, scaled[0]!, scaled[1]!, 1, -1, (r, c, v) => {
    a[r * cols + c] = v;
  });
  const t: Tableau<Float64Array> = { rows: N, cols, a, ...layout(N) };
  const nz = new Int32Array(cols);
  const pivots = followPath(t, floatRatioRow, (tt, r, l) => floatPivot(tt, r, l, nz), maxPivots);
  const value = (label: number) => {
    const r = t.rowOf[label]!;
    return r >= 0 ? Math.max(0, a[r * cols]!) : 0;
  };
  const x = Float64Array.from({ length: b.n1 }, (_, s) => value(N + s));
  const y = Float64Array.from({ length: b.n2 }, (_, s) => value(N + b.n1 + s));
  return { behaviour: sequenceToBehaviour(game, sf, x, y), plans: [x, y], pivots };
}

/**
 * {@link sequenceFormLcp} in exact arithmetic: the same LCP and path, with payoffs made integer
 * (shifted as above, then multiplied by the lcm of their denominators) and the tableau pivoted
 * fraction-free in bigints (integer pivoting; Bareiss 1968, von Stengel 2007 §3.5): with pivot
 * element p and previous pivot element D every other entry becomes (aᵢⱼ·p − aᵢc·aᵣⱼ)/D, always an
 * exact division. Ratio and lexicographic tests compare by cross-multiplication. Returns exact
 * realisation plans and behaviour.
 *
 * @throws {LinkageError} E_INPUT unless the game has two players and perfect recall; E_SOLVER
 * after `maxPivots` pivots (or a ray, which the theory excludes)
 * @example sequenceFormLcpExact(pennies).behaviour.map(formatRational) // => ["1/2", "1/2", "1/2", "1/2"]
 */
export function sequenceFormLcpExact(
  game: ExtensiveGame,
  { maxPivots = DEFAULT_MAX_PIVOTS, sequenceForm: given }: SequenceFormLcpOptions = {},
): SequenceFormEquilibrium<readonly Rational[]> {
  checkGame(game);
  const sf = given ?? sequenceForm(game);
  const b = blocks(sf);
  const N = b.size;
  const cols = N + 2;
  const { aExact, bExact, chanceExact } = sf.payoffs;
  const integers = [aExact, bExact].map((values) => {
    // the largest chance-weighted average leaf payoff of an entry, plus one, makes all negative
    let top: Rational | null = null;
    for (let e = 0; e < values.length; e++) {
      const v = values[e]!;
      const c = chanceExact[e]!;
      if (c.n === 0n) continue;
      const leaf = rational(v.n * c.d, v.d * c.n);
      if (top === null || compare(leaf, top) > 0) top = leaf;
    }
    top ??= { n: 0n, d: 1n };
    const shift: Rational = { n: top.n + top.d, d: top.d };
    const shifted = values.map((v, e) => subtract(v, multiply(shift, chanceExact[e]!)));
    let lcm = 1n;
    for (const v of shifted) lcm = (lcm / gcd(lcm, v.d)) * v.d;
    return shifted.map((v) => (v.n * lcm) / v.d);
  });
  const a = new Array<bigint>(N * cols).fill(0n);
  fillTableau(sf, b, integers[0]!, integers[1]!, 1n, -1n, (r, c, v) => {
    a[r * cols + c] = v;
  });
  const t: ExactTableau = { rows: N, cols, a, det: 1n, ...layout(N) };
  const pivots = followPath(t, exactRatioRow, exactPivot, maxPivots);
  const value = (label: number): Rational => {
    const r = t.rowOf[label]!;
    return r >= 0 ? rational(a[r * cols]!, t.det) : { n: 0n, d: 1n };
  };
  const x = Array.from({ length: b.n1 }, (_, s) => value(N + s));
  const y = Array.from({ length: b.n2 }, (_, s) => value(N + b.n1 + s));
  return { behaviour: sequenceToBehaviourExact(game, sf, x, y), plans: [x, y], pivots };
}
