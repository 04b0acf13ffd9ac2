/**
 * The two starting tableaux of the sequence-form LCP (see sequenceFormLcp): Lemke's covering
 * start and the tracing start from a prior.
 */
import { LinkageError } from "../errors/LinkageError.js";
import type { SequenceForm, SequenceFormPlayer } from "../games/sequenceForm.js";
import { isFree, layout, range, type Tableau } from "./lemkeTableau.js";

export interface Blocks {
  readonly n1: number;
  readonly n2: number;
  readonly k1: number;
  readonly k2: number;
}

export function blocks(sf: SequenceForm): Blocks {
  const [p1, p2] = sf.players;
  return { n1: p1.size, n2: p2.size, k1: p1.constraints.rows, k2: p2.constraints.rows };
}

/** Largest tableau (rows × columns) the float LCP builds: 2²⁶ doubles, 512 MiB. */
export const MAX_TABLEAU_CELLS = 2 ** 26;
/** Largest tableau the exact LCP builds: each cell is a bigint, many times a double's size. */
export const MAX_EXACT_TABLEAU_CELLS = 2 ** 22;

/**
 * Refuses, before allocating it, a tableau too large for memory: the covering start's has
 * n₁ + n₂ + 2k₁ + 2k₂ rows, the tracing start's n₁ + n₂ + k₁ + k₂ (sequences and information-set
 * constraints of both players), each with two more columns than rows.
 * @throws {LinkageError} E_INPUT naming the size and what to try instead
 */
export function checkTableauSize(
  { n1, n2, k1, k2 }: Blocks,
  start: "covering" | "tracing",
  exact: boolean,
): void {
  const rows = start === "covering" ? n1 + n2 + 2 * k1 + 2 * k2 : n1 + n2 + k1 + k2;
  const cells = rows * (rows + 2);
  const limit = exact ? MAX_EXACT_TABLEAU_CELLS : MAX_TABLEAU_CELLS;
  if (cells > limit) {
    throw new LinkageError(
      "E_INPUT",
      `the sequence-form LCP would need a tableau of ${rows.toLocaleString("en-US")} rows (${cells.toExponential(2)} cells), above the limit of ${limit.toExponential(2)}${start === "covering" ? "; --start centroid needs fewer" : ""}${exact ? "; without --rational the limit is higher" : ""}`,
    );
  }
}

// ------------------------------------------------------------------------- the covering start

/**
 * The covering start (Koller, Megiddo & von Stengel 1996): with the free duals split,
 * p = p⁺ − p⁻ and q = q⁺ − q⁻, and Ex = e written as Ex ≤ e and −Ex ≤ −e, the conditions are the
 * standard LCP w = q̃ + Mz + d·z₀ ≥ 0, z ≥ 0, zᵀw = 0, z = (x, y, p⁺, p⁻, q⁺, q⁻), with
 * q̃ = (0, 0, e, −e, f, −f), d = 1 and
 *   w_x  = −A y + Eᵀp⁺ − Eᵀp⁻,   w_y  = −Bᵀx + Fᵀq⁺ − Fᵀq⁻,
 *   w_p⁺ = e − Ex,  w_p⁻ = Ex − e,  w_q⁺ = f − Fy,  w_q⁻ = Fy − f.
 * Labels: w_i = i, z_j = N + j, z₀ = 2N; the initial basis is w, so `lexOrder` is 0 … N − 1.
 * `A`, `B` are the shifted, scaled payoff entries aligned with `sf.payoffs` (all negative: the
 * condition under which KMvS show the path ends in a solution, not a ray).
 */
export function coveringTableau<E>(
  sf: SequenceForm,
  { n1, n2, k1, k2 }: Blocks,
  A: ArrayLike<E>,
  B: ArrayLike<E>,
  one: E,
  minusOne: E,
  make: (cells: number) => E[] | Float64Array,
): Tableau<E[] | Float64Array> {
  const size = n1 + n2 + 2 * k1 + 2 * k2;
  const cols = size + 2;
  const a = make(size * cols);
  const set = (r: number, c: number, v: E) => {
    (a as E[])[r * cols + c] = v;
  };
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
  return {
    rows: size,
    cols,
    a,
    ...layout(size, 2 * size + 1, range(0, size), range(size, 2 * size + 1)),
    pairs: size,
    freeStart: 2 * size,
    z0: 2 * size,
    lexOrder: range(0, size),
  };
}

// -------------------------------------------------------------------------- the tracing start

/**
 * The tracing start (van den Elzen & Talman 1991; von Stengel, van den Elzen & Talman 2002) with
 * the free duals kept basic. Each player's plan is x + z₀·x⁰, where x⁰ is the prior's
 * realisation plan and x ≥ 0 with Ex = (1 − z₀)·e is the part that must be a best response:
 *   w_x = Eᵀp − A(y + z₀y⁰) ≥ 0 ⊥ x ≥ 0,     Ex + z₀e = e,
 *   w_y = Fᵀq − Bᵀ(x + z₀x⁰) ≥ 0 ⊥ y ≥ 0,    Fy + z₀f = f,   p, q free.
 * At z₀ = 1, x = y = 0 and p, q are the values of best responses to the prior; the path then
 * moves mass from the prior to best responses, and ends when z₀ reaches 0 with an equilibrium.
 * Every variable is bounded (x_∅ = 1 − z₀), so there are no rays and no sign condition on
 * payoffs.
 *
 * Rows: w_x (n₁), w_y (n₂), the constraints of E (k₁) and F (k₂); R = n₁ + n₂ + k₁ + k₂. Labels:
 * w = 0 … n − 1 (n = n₁ + n₂), x, y = n … 2n − 1, p, q = 2n … 2n + k₁ + k₂ − 1 (free), z₀, then
 * artificial slacks of the equality rows, which start basic and never return. The starting basis
 * is reached by pivoting from the slack basis: p and q into the rows of the slacks that the best
 * responses make tight (w_∅ and w_{h a*(h)}), x_∅, x_{h a*(h)}, y_{h b*(h)} and z₀ into the
 * equality rows (both blocks are triangular, so every pivot element is ±1 times a previous one).
 * There x_∅ is basic at 0 and y_∅ and w_y∅ are both nonbasic, so y_∅ enters first.
 * `fill` receives the payoff and prior terms; `score` ranks sequences for the best responses.
 */
function tracingLayout({ n1, n2, k1, k2 }: Blocks) {
  const n = n1 + n2;
  const rows = n + k1 + k2;
  const z0 = 2 * n + k1 + k2;
  const labels = z0 + 1 + k1 + k2;
  const basis = new Int32Array(rows);
  for (let r = 0; r < rows; r++) basis[r] = r < n ? r : z0 + 1 + (r - n);
  return {
    rows,
    cols: rows + 2,
    n,
    z0,
    ...layout(rows, labels, basis, range(n, z0 + 1)),
  };
}

/**
 * A best response of `player` to per-sequence scores (its payoff against the opponent's prior
 * plan), by backward induction over its information sets: the chosen sequence at each set
 * (ties to the first action). `better(u, v)` says u beats v.
 */
function bestResponse<V>(
  player: SequenceFormPlayer,
  score: readonly V[],
  add: (u: V, v: V) => V,
  better: (u: V, v: V) => boolean,
): Int32Array {
  const sets = player.firstSequence.length;
  const below = score.slice();
  const chosen = new Int32Array(sets);
  for (let k = sets - 1; k >= 0; k--) {
    const first = player.firstSequence[k]!;
    const end = k + 1 < sets ? player.firstSequence[k + 1]! : player.size;
    let best = first;
    for (let s = first + 1; s < end; s++) if (better(below[s]!, below[best]!)) best = s;
    chosen[k] = best;
    const parent = player.parentSequence[k]!;
    below[parent] = add(below[parent]!, below[best]!);
  }
  return chosen;
}

/** The realisation plan of a behaviour prior: x⁰_∅ = 1, x⁰_{ha} = x⁰_{σ_h}·β(h, a). */
export function priorPlan<V>(
  player: SequenceFormPlayer,
  behaviour: ArrayLike<V>,
  one: V,
  times: (u: V, v: V) => V,
): V[] {
  const x = new Array<V>(player.size);
  x[0] = one;
  const sets = player.firstSequence.length;
  for (let k = 0; k < sets; k++) {
    const first = player.firstSequence[k]!;
    const end = k + 1 < sets ? player.firstSequence[k + 1]! : player.size;
    const parent = x[player.parentSequence[k]!]!;
    for (let s = first; s < end; s++)
      x[s] = times(parent, behaviour[player.profileOffset + s - 1]!);
  }
  return x;
}

/** Checks a prior behaviour profile: the right length, entries in [0, 1], each set summing to 1. */
export function checkPrior<V>(
  sf: SequenceForm,
  prior: ArrayLike<V>,
  toNumber: (v: V) => number,
  sumsToOne: (values: V[]) => boolean,
): void {
  const size = Math.max(...sf.players.map((p) => p.profileOffset + p.size - 1));
  if (prior.length !== size) {
    throw new LinkageError(
      "E_INPUT",
      `sequence-form LCP: the prior has ${prior.length} entries, expected a behaviour profile of ${size}`,
    );
  }
  for (const player of sf.players) {
    const sets = player.firstSequence.length;
    for (let k = 0; k < sets; k++) {
      const first = player.firstSequence[k]!;
      const end = k + 1 < sets ? player.firstSequence[k + 1]! : player.size;
      const values: V[] = [];
      for (let s = first; s < end; s++) {
        const v = prior[player.profileOffset + s - 1]!;
        const x = toNumber(v);
        if (!(x >= 0 && x <= 1)) {
          throw new LinkageError(
            "E_INPUT",
            `sequence-form LCP: prior entry ${player.profileOffset + s - 1} is ${x}, expected a probability in [0, 1]`,
          );
        }
        values.push(v);
      }
      if (!sumsToOne(values)) {
        throw new LinkageError(
          "E_INPUT",
          `sequence-form LCP: the prior's probabilities at information set ${player.infosets[k]! + 1} (entries ${player.profileOffset + first - 1}–${player.profileOffset + end - 2}) do not sum to 1`,
        );
      }
    }
  }
}

/** Uniform behaviour at every information set, in Gambit's order. */
export function centroid<V>(sf: SequenceForm, fraction: (count: number) => V): V[] {
  const out: V[] = [];
  for (const player of sf.players) {
    const sets = player.firstSequence.length;
    for (let k = 0; k < sets; k++) {
      const first = player.firstSequence[k]!;
      const end = k + 1 < sets ? player.firstSequence[k + 1]! : player.size;
      for (let s = first; s < end; s++) out[player.profileOffset + s - 1] = fraction(end - first);
    }
  }
  return out;
}

/** The arithmetic a tableau builder needs, for doubles or integer bigints. */
export interface Arithmetic<V> {
  readonly zero: V;
  readonly one: V;
  readonly minusOne: V;
  add(u: V, v: V): V;
  multiply(u: V, v: V): V;
  greater(u: V, v: V): boolean;
}

export const FLOAT: Arithmetic<number> = {
  zero: 0,
  one: 1,
  minusOne: -1,
  add: (u, v) => u + v,
  multiply: (u, v) => u * v,
  greater: (u, v) => u > v + 1e-12 * Math.max(1, Math.abs(v)),
};

export const INTEGER: Arithmetic<bigint> = {
  zero: 0n,
  one: 1n,
  minusOne: -1n,
  add: (u, v) => u + v,
  multiply: (u, v) => u * v,
  greater: (u, v) => u > v,
};

/**
 * Fills the tracing start's tableau (see tracingLayout) and pivots to its starting basis.
 * `plans` are the prior's realisation plans scaled by `level` (so z₀ starts at 1/level).
 */
export function tracingTableau<V, T extends Tableau<unknown>>(
  sf: SequenceForm,
  b: Blocks,
  A: ArrayLike<V>,
  B: ArrayLike<V>,
  plans: readonly [V[], V[]],
  level: V,
  num: Arithmetic<V>,
  make: (shape: ReturnType<typeof tracingLayout>) => {
    t: T;
    set: (r: number, c: number, v: V) => void;
  },
  pivot: (t: T, row: number, label: number) => void,
  isZero: (t: T, row: number, label: number) => boolean,
): T {
  const { n1, k1 } = b;
  const shape = tracingLayout(b);
  const { n, z0 } = shape;
  const { t, set } = make(shape);
  const col = (label: number) => label - n + 1;
  const x = (s: number) => n + s;
  const y = (s: number) => n + n1 + s;
  const p = (r: number) => 2 * n + r;
  const q = (r: number) => 2 * n + k1 + r;
  const rowP = (r: number) => n + r;
  const rowQ = (r: number) => n + k1 + r;
  const { row: pr, col: pc } = sf.payoffs;
  const priorA = new Array<V>(b.n1).fill(num.zero);
  const priorB = new Array<V>(b.n2).fill(num.zero);
  for (let e = 0; e < pr.length; e++) {
    const s = pr[e]!;
    const u = pc[e]!;
    set(s, col(y(u)), A[e]!);
    set(n1 + u, col(x(s)), B[e]!);
    priorA[s] = num.add(priorA[s]!, num.multiply(A[e]!, plans[1][u]!));
    priorB[u] = num.add(priorB[u]!, num.multiply(B[e]!, plans[0][s]!));
  }
  for (let s = 0; s < b.n1; s++) set(s, col(z0), priorA[s]!);
  for (let u = 0; u < b.n2; u++) set(n1 + u, col(z0), priorB[u]!);
  const constraint = (player: 0 | 1, seq: (s: number) => number, dual: (r: number) => number) => {
    const { row, col: c, value } = sf.players[player].constraints;
    const slackRow = player === 0 ? (s: number) => s : (s: number) => n1 + s;
    const equalityRow = player === 0 ? rowP : rowQ;
    for (let k = 0; k < row.length; k++) {
      const positive = value[k]! > 0;
      set(slackRow(c[k]!), col(dual(row[k]!)), positive ? num.minusOne : num.one); // −Eᵀ
      set(equalityRow(row[k]!), col(seq(c[k]!)), positive ? num.one : num.minusOne); // E
    }
    set(equalityRow(0), 0, num.one); // e = (1, 0, …)
    set(equalityRow(0), col(z0), level);
  };
  constraint(0, x, p);
  constraint(1, y, q);

  // the starting basis: duals into the rows of the tight slacks, plans and z₀ into the equalities
  const best1 = bestResponse(sf.players[0], priorA, num.add, num.greater);
  const best2 = bestResponse(sf.players[1], priorB, num.add, num.greater);
  const moves: [number, number][] = [
    [0, p(0)],
    [n1, q(0)],
    [rowP(0), x(0)],
    [rowQ(0), z0],
  ];
  best1.forEach((s, k) => {
    moves.push([s, p(1 + k)], [rowP(1 + k), x(s)]);
  });
  best2.forEach((s, k) => {
    moves.push([n1 + s, q(1 + k)], [rowQ(1 + k), y(s)]);
  });
  for (const [row, label] of moves) {
    if (isZero(t, row, label)) {
      throw new LinkageError(
        "E_SOLVER",
        `sequence-form LCP: singular starting basis at row ${row} (internal error; please report)`,
      );
    }
    pivot(t, row, label);
  }
  t.lexOrder = Int32Array.from(Array.from(t.basis).filter((l) => !isFree(t, l)));
  return withoutFreeRows(t);
}

/**
 * The tableau without the rows of the free duals (basic for good, and never read) and without
 * the columns of the artificial slacks (nonbasic for good): n rows and n + 2 columns remain.
 */
function withoutFreeRows<T extends Tableau<unknown>>(t: T): T {
  const keepRows: number[] = [];
  for (let i = 0; i < t.rows; i++) if (!isFree(t, t.basis[i]!)) keepRows.push(i);
  const keepCols: number[] = [0];
  for (let c = 1; c < t.cols; c++) if (t.nonbasic[c]! <= t.z0) keepCols.push(c);
  const rows = keepRows.length;
  const cols = keepCols.length;
  const from = t.a as unknown as ArrayLike<unknown> & { constructor: unknown };
  const a = (
    from instanceof Float64Array ? new Float64Array(rows * cols) : new Array<unknown>(rows * cols)
  ) as unknown[] | Float64Array;
  for (let i = 0; i < rows; i++) {
    const o = keepRows[i]! * t.cols;
    for (let j = 0; j < cols; j++) (a as unknown[])[i * cols + j] = from[o + keepCols[j]!];
  }
  const basis = Int32Array.from(keepRows, (r) => t.basis[r]!);
  const nonbasic = Int32Array.from(keepCols, (c) => (c === 0 ? -1 : t.nonbasic[c]!));
  const rowOf = new Int32Array(t.rowOf.length).fill(-1);
  const colOf = new Int32Array(t.colOf.length).fill(-1);
  basis.forEach((l, r) => {
    rowOf[l] = r;
  });
  for (let c = 1; c < cols; c++) colOf[nonbasic[c]!] = c;
  return { ...t, rows, cols, a, basis, nonbasic, rowOf, colOf };
}
