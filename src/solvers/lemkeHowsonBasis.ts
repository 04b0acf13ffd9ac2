/**
 * The exact equilibrium of a Lemke–Howson basis pair, and the check that the pair is an end of a
 * Lemke–Howson path of the exactly perturbed game: used by lemkeHowson.ts to follow a path in
 * doubles and still answer exactly (re-solve the final bases in integers, verify, else pivot
 * exactly).
 */
import type { StrategicGame } from "../games/strategicGame.js";
import { fromNumber, gcd, type Rational, rational } from "../math/rational.js";

/**
 * The payoffs as positive integers, one table per player (entry i + m·j for strategies i, j):
 * each player's payoffs times the lcm of their denominators, shifted to a minimum of 1 (a positive
 * affine map, so the equilibria are unchanged). Both exact Lemke–Howson variants use these.
 */
export function integerPayoffs(game: StrategicGame, m: number, n: number): [bigint[], bigint[]] {
  const exact = game.exactPayoffs ?? Array.from(game.payoffs, fromNumber);
  const integers = [0, 1].map((p) => {
    let lcm = 1n;
    for (let k = 0; k < m * n; k++) {
      const d = exact[2 * k + p]!.d;
      lcm = (lcm / gcd(lcm, d)) * d;
    }
    const values: bigint[] = [];
    let lo = 0n;
    for (let k = 0; k < m * n; k++) {
      const v = exact[2 * k + p]!;
      const x = (v.n * lcm) / v.d;
      values.push(x);
      if (k === 0 || x < lo) lo = x;
    }
    return values.map((x) => x - lo + 1n);
  });
  return integers as [bigint[], bigint[]];
}

/** The exact values of one polytope's basic variables, or why the basis is not acceptable. */
type SideSolution =
  | { readonly values: bigint[]; readonly scale: bigint }
  | { readonly fail: string };

/**
 * Solves one best-response polytope {z ≥ 0 : Mz ≤ 1} (rows × cols, `entry(row, col)`; slack of
 * row r has the r-th perturbation term) at the basis whose basic structural variables are
 * `basicCols` and whose basic slacks are the rows not in `tightRows`, exactly, and checks that the
 * basis is feasible for the right-hand side 1 − (ε, ε², …, ε^rows) for all small ε > 0
 * (lexicographic feasibility, the sign convention of lemkeHowson.ts' tableaus).
 *
 * With T the tight rows (k of them, k = |basicCols|) and M_T the k×k block, the basis inverse is
 * [[M_T⁻¹, 0], [−M_U·M_T⁻¹, I]] (U: the other rows), so only M_T is inverted — fraction-free
 * Gauss–Jordan on [M_T | 1 | I] in bigints, about 2k³ operations — and a basic slack's row of
 * M_U·M_T⁻¹ is formed only when its value is 0 and the tie must be broken.
 *
 * @returns z on `basicCols` as `values / scale` (scale ≠ 0, any sign), or the failed check
 */
function solveSide(
  rows: number,
  entry: (row: number, col: number) => bigint,
  basicCols: readonly number[],
  tightRows: readonly number[],
): SideSolution {
  const k = basicCols.length;
  if (tightRows.length !== k) {
    return { fail: `${k} basic strategies but ${tightRows.length} tight rows` };
  }
  // [M_T | 1 | I], k rows of 2k + 1
  const width = 2 * k + 1;
  const a: bigint[] = new Array<bigint>(k * width).fill(0n);
  for (let t = 0; t < k; t++) {
    for (let s = 0; s < k; s++) a[t * width + s] = entry(tightRows[t]!, basicCols[s]!);
    a[t * width + k] = 1n;
    a[t * width + k + 1 + t] = 1n;
  }
  const rowOfCol = new Int32Array(k).fill(-1);
  const used = new Uint8Array(k);
  let det = 1n;
  for (let c = 0; c < k; c++) {
    let r = -1;
    for (let i = 0; i < k; i++) if (used[i] === 0 && a[i * width + c] !== 0n) r = i;
    if (r < 0) return { fail: "the basis matrix is singular" };
    used[r] = 1;
    rowOfCol[c] = r;
    const p = a[r * width + c]!;
    const base = r * width;
    for (let i = 0; i < k; i++) {
      if (i === r) continue;
      const o = i * width;
      const f = a[o + c]!;
      if (f === 0n) {
        if (p !== det) for (let j = 0; j < width; j++) a[o + j] = (a[o + j]! * p) / det;
        continue;
      }
      for (let j = 0; j < width; j++) a[o + j] = (a[o + j]! * p - f * a[base + j]!) / det;
    }
    det = p;
  }
  // every pivot row now reads det·z_c = a[r][k], and its inverse row det·(M_T⁻¹)_c = a[r][k+1…]
  const positive = det > 0n;
  const sign = (v: bigint) => (v === 0n ? 0 : v > 0n === positive ? 1 : -1);
  const order = tightRows.map((row, t) => ({ row, t })).sort((u, v) => u.row - v.row);
  const values: bigint[] = [];
  for (let s = 0; s < k; s++) {
    const r = rowOfCol[s]!;
    const v = a[r * width + k]!;
    values.push(v);
    const sv = sign(v);
    if (sv < 0) return { fail: `a basic strategy has a negative value` };
    if (sv === 0) {
      // perturbed value −Σ ε^row·(M_T⁻¹)[s][t]: the first nonzero term, in row order, decides
      let decided = 0;
      for (const { t } of order) {
        decided = -sign(a[r * width + k + 1 + t]!);
        if (decided !== 0) break;
      }
      if (decided < 0) return { fail: "a basic strategy at 0 is negative once perturbed" };
    }
  }
  const tight = new Uint8Array(rows);
  for (const row of tightRows) tight[row] = 1;
  for (let u = 0; u < rows; u++) {
    if (tight[u] === 1) continue;
    // det·slack = det − Σ_s M[u][basicCols[s]]·(det·z_s)
    let slack = det;
    const coefficients = basicCols.map((col) => entry(u, col));
    for (let s = 0; s < k; s++) slack -= coefficients[s]! * values[s]!;
    const ss = sign(slack);
    if (ss < 0) return { fail: `slack of row ${u} is negative` };
    if (ss > 0) continue;
    // perturbed value: +Σ_{t} ε^T[t]·(M_U·M_T⁻¹)[u][t] − ε^u; the first nonzero term decides
    let decided = -1;
    for (const { row, t } of order) {
      if (row > u) break;
      let w = 0n;
      for (let s = 0; s < k; s++) w += coefficients[s]! * a[rowOfCol[s]! * width + k + 1 + t]!;
      decided = sign(w);
      if (decided !== 0) break;
      decided = -1;
    }
    if (decided < 0) return { fail: `slack of row ${u} at 0 is negative once perturbed` };
  }
  return { values, scale: det };
}

/** The outcome of {@link exactEquilibriumOfBases}. */
export type BasisCheck =
  | { readonly ok: true; readonly strategies: readonly [Rational[], Rational[]] }
  | { readonly ok: false; readonly reason: string };

/**
 * Re-solves a pair of Lemke–Howson bases exactly and checks that it is a Nash equilibrium of the
 * lexicographically perturbed game (right-hand sides 1 − (ε, ε², …) in both polytopes, as
 * lemkeHowson.ts perturbs them), on the integer payoffs of {@link integerPayoffs}.
 *
 * `pBasis` lists the n basic labels of P = {x ≥ 0 : B′ᵀx ≤ 1} (label i < m is xᵢ, label m + j
 * the slack of column j), `qBasis` the m basic labels of Q = {y ≥ 0 : A′y ≤ 1} (label i the
 * slack of row i, m + j is yⱼ). Checked exactly: every label is basic in exactly one polytope
 * (complementary), x ≠ 0 (not the artificial pair), each basis matrix is nonsingular, and each
 * basis is lexicographically feasible (its basic solution is ≥ 0 for the perturbed right-hand
 * side, for all small ε > 0). Such a pair is a vertex pair of the perturbed game with every
 * label, i.e. an end of one Lemke–Howson path for each label (Shapley 1974), and its
 * unperturbed solution, normalised, is an exact Nash equilibrium.
 *
 * Cost: a k×k fraction-free inversion per polytope, k the support size, plus (m + n)·k products
 * for the slacks — not the (m + n)·max(m, n) bigint operations of each exact pivot.
 *
 * @returns the exact equilibrium (x, y), or the first check that failed
 * @example
 * // matching pennies: x₀, x₁ basic in P, y₀, y₁ in Q
 * exactEquilibriumOfBases(pennies, Int32Array.of(0, 1), Int32Array.of(2, 3))
 * // => { ok: true, strategies: [[1/2, 1/2], [1/2, 1/2]] }
 */
export function exactEquilibriumOfBases(
  game: StrategicGame,
  pBasis: ArrayLike<number>,
  qBasis: ArrayLike<number>,
): BasisCheck {
  const m = game.strategies[0]!.length;
  const n = game.strategies[1]!.length;
  if (pBasis.length !== n || qBasis.length !== m) {
    return {
      ok: false,
      reason: `bases of sizes ${pBasis.length}, ${qBasis.length}; expected ${n}, ${m}`,
    };
  }
  const seen = new Uint8Array(m + n);
  for (const basis of [pBasis, qBasis]) {
    for (let r = 0; r < basis.length; r++) {
      const label = basis[r]!;
      if (!(label >= 0 && label < m + n) || seen[label] === 1) {
        return { ok: false, reason: `label ${label} is basic twice or out of range` };
      }
      seen[label] = 1;
    }
  }
  const [a, b] = integerPayoffs(game, m, n);
  const inP = new Uint8Array(m + n);
  for (let r = 0; r < n; r++) inP[pBasis[r]!] = 1;
  const basicX: number[] = [];
  const tightColumns: number[] = [];
  for (let i = 0; i < m; i++) if (inP[i] === 1) basicX.push(i);
  for (let j = 0; j < n; j++) if (inP[m + j] === 0) tightColumns.push(j);
  if (basicX.length === 0) return { ok: false, reason: "x = 0: the artificial equilibrium" };
  const basicY: number[] = [];
  const tightRows: number[] = [];
  for (let j = 0; j < n; j++) if (inP[m + j] === 0) basicY.push(j);
  for (let i = 0; i < m; i++) if (inP[i] === 1) tightRows.push(i);
  // P's row j is column j of B′ (B′ᵀx ≤ 1); Q's row i is row i of A′
  const p = solveSide(n, (j, i) => b[i + m * j]!, basicX, tightColumns);
  if ("fail" in p) return { ok: false, reason: `P: ${p.fail}` };
  const q = solveSide(m, (i, j) => a[i + m * j]!, basicY, tightRows);
  if ("fail" in q) return { ok: false, reason: `Q: ${q.fail}` };
  // the profile's regret, exactly (on the integer payoffs, a positive affine map of each
  // player's): every strategy in a support must be a best response to the other's
  const regretFree = (
    count: number,
    payoff: (own: number, other: number) => bigint,
    support: readonly number[],
    otherSupport: readonly number[],
    otherValues: readonly bigint[],
    otherScale: bigint,
  ) => {
    const flip = otherScale < 0n ? -1n : 1n;
    const value = (own: number) => {
      let v = 0n;
      for (let s = 0; s < otherSupport.length; s++) {
        v += payoff(own, otherSupport[s]!) * otherValues[s]!;
      }
      return v * flip;
    };
    let best = value(0);
    for (let own = 1; own < count; own++) {
      const v = value(own);
      if (v > best) best = v;
    }
    return support.every((own) => value(own) === best);
  };
  if (!regretFree(m, (i, j) => a[i + m * j]!, basicX, basicY, q.values, q.scale)) {
    return { ok: false, reason: "player 1 has positive regret" };
  }
  if (!regretFree(n, (j, i) => b[i + m * j]!, basicY, basicX, p.values, p.scale)) {
    return { ok: false, reason: "player 2 has positive regret" };
  }
  const normalise = (count: number, support: readonly number[], values: readonly bigint[]) => {
    let sum = 0n;
    for (const v of values) sum += v;
    const z: Rational[] = Array.from({ length: count }, () => rational(0n, 1n));
    support.forEach((s, k) => {
      z[s] = rational(values[k]!, sum);
    });
    return z;
  };
  return {
    ok: true,
    strategies: [normalise(m, basicX, p.values), normalise(n, basicY, q.values)],
  };
}
