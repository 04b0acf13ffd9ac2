/**
 * Homogeneous polynomials in the barycentric coordinates λ₁ … λ_K of a simplex, in Bernstein
 * form, for the reduced three-player search (bilinearElimination).
 *
 * A homogeneous polynomial of degree n, p(λ) = Σ_{|α| = n} aₐ λ^α, equals Σ bₐ Bₐ(λ) with the
 * Bernstein basis Bₐ = (n!/α!) λ^α, so bₐ = aₐ·α!/n!. On the simplex (λ ≥ 0, Σ λ = 1) the
 * Bₐ are non-negative and sum to 1, so p lies between the least and the largest bₐ. Splitting
 * an edge of the simplex at its midpoint gives two sub-simplices whose Bernstein coefficients
 * come from de Casteljau's algorithm along that edge (every other exponent held fixed); the
 * coefficients converge to the polynomial's values as the simplices shrink (Farin, "Curves and
 * Surfaces for CAGD", 5th ed. 2002, ch. 17; de Boor, "B-form basics", 1987).
 *
 * Polynomials are plain coefficient arrays indexed by {@link monomials}; every array built here
 * is paired with the same computation on absolute values, which bounds its rounding error (see
 * bilinearElimination).
 */

/** The exponents of every monomial of degree n in K variables, and their index by key. */
export interface MonomialTable {
  readonly variables: number;
  readonly degree: number;
  /** Exponent of variable t in monomial k at exponents[k·K + t]. */
  readonly exponents: Int32Array;
  /** Number of monomials, C(n + K − 1, K − 1). */
  readonly count: number;
  /** Key Σ αₜ·BASEᵗ of each monomial, and the monomial of a key (−1: none). */
  readonly keys: Int32Array;
  readonly indexOfKey: Int32Array;
  /** α!/n! of each monomial (monomial to Bernstein coefficient factor). */
  readonly toBernstein: Float64Array;
}

/** Exponents are at most BASE − 1 (degrees up to 15: ample for supports of up to 8 strategies). */
export const BASE = 16;

const tables = new Map<number, MonomialTable>();
const splits = new Map<number, Int32Array>();

/** The monomials of degree n in K variables (cached). */
export function monomials(variables: number, degree: number): MonomialTable {
  const id = variables * 64 + degree;
  const known = tables.get(id);
  if (known) return known;
  const list: number[][] = [];
  const current = new Array<number>(variables).fill(0);
  const fill = (t: number, left: number) => {
    if (t === variables - 1) {
      current[t] = left;
      list.push(current.slice());
      return;
    }
    for (let e = left; e >= 0; e--) {
      current[t] = e;
      fill(t + 1, left - e);
    }
  };
  fill(0, degree);
  const count = list.length;
  const exponents = new Int32Array(count * variables);
  const keys = new Int32Array(count);
  const indexOfKey = new Int32Array(BASE ** variables).fill(-1);
  const toBernstein = new Float64Array(count);
  let nFactorial = 1;
  for (let k = 2; k <= degree; k++) nFactorial *= k;
  list.forEach((alpha, k) => {
    let key = 0;
    let factor = 1;
    for (let t = variables - 1; t >= 0; t--) {
      exponents[k * variables + t] = alpha[t]!;
      key = key * BASE + alpha[t]!;
      for (let e = 2; e <= alpha[t]!; e++) factor *= e;
    }
    keys[k] = key;
    indexOfKey[key] = k;
    toBernstein[k] = factor / nFactorial;
  });
  const table = { variables, degree, exponents, count, keys, indexOfKey, toBernstein };
  tables.set(id, table);
  return table;
}

/** The linear form Σₜ cₜ λₜ (degree 1). */
export function linearForm(variables: number, c: ArrayLike<number>): Float64Array {
  const table = monomials(variables, 1);
  const out = new Float64Array(table.count);
  for (let k = 0; k < table.count; k++) {
    for (let t = 0; t < variables; t++)
      if (table.exponents[k * variables + t] === 1) out[k] = c[t]!;
  }
  return out;
}

/**
 * Adds s·a·b to out: a of degree da, b of degree db, out of degree da + db (all in K variables).
 */
export function addProduct(
  variables: number,
  a: Float64Array,
  da: number,
  b: Float64Array,
  db: number,
  s: number,
  out: Float64Array,
): void {
  const ta = monomials(variables, da);
  const tb = monomials(variables, db);
  const to = monomials(variables, da + db);
  for (let i = 0; i < ta.count; i++) {
    const x = s * a[i]!;
    if (x === 0) continue;
    const key = ta.keys[i]!;
    for (let j = 0; j < tb.count; j++) {
      const y = b[j]!;
      if (y === 0) continue;
      const at = to.indexOfKey[key + tb.keys[j]!]!;
      out[at] = out[at]! + x * y;
    }
  }
}

const elevations = new Map<number, Float64Array>();

/**
 * Degree elevation of linear forms: a linear form with Bernstein coefficients gⱼ (degree 1, in
 * {@link monomials}(K, 1) order) equals, times (Σλ)^(n − 1) = 1 on the simplex, the degree-n
 * polynomial whose Bernstein coefficient at α is Σⱼ (α_t(j)/n)·gⱼ, t(j) the variable of
 * monomial j. Returns those weights, monomial q of degree n at q·K + j (cached; each rounded
 * once, exact when n is a power of two).
 */
export function elevationWeights(variables: number, degree: number): Float64Array {
  const id = variables * 64 + degree;
  const known = elevations.get(id);
  if (known) return known;
  const to = monomials(variables, degree);
  const from = monomials(variables, 1);
  const out = new Float64Array(to.count * variables);
  for (let q = 0; q < to.count; q++)
    for (let j = 0; j < variables; j++) {
      let t = 0;
      while (from.exponents[j * variables + t] !== 1) t++;
      out[q * variables + j] = to.exponents[q * variables + t]! / degree;
    }
  elevations.set(id, out);
  return out;
}

/** Converts monomial coefficients of degree n (in place) to Bernstein coefficients. */
export function toBernsteinForm(variables: number, degree: number, a: Float64Array): void {
  const table = monomials(variables, degree);
  for (let k = 0; k < table.count; k++) a[k] = a[k]! * table.toBernstein[k]!;
}

/**
 * For splitting edge (u, w) of a degree-n polynomial's simplex: the monomials grouped in lines
 * (every exponent but αᵤ, α𝓌 fixed), each line r + 1 indices with α𝓌 = 0 … r, r = αᵤ + α𝓌;
 * stored as [r, index₀ … index_r] one line after another (cached).
 */
export function edgeLines(variables: number, degree: number, u: number, w: number): Int32Array {
  const id = ((variables * 64 + degree) * 16 + u) * 16 + w;
  const known = splits.get(id);
  if (known) return known;
  const table = monomials(variables, degree);
  const out: number[] = [];
  for (let k = 0; k < table.count; k++) {
    if (table.exponents[k * variables + w] !== 0) continue; // each line starts at α𝓌 = 0
    const r = table.exponents[k * variables + u]!;
    out.push(r);
    // moving one unit from u to w: key changes by BASEʷ − BASEᵘ
    const step = BASE ** w - BASE ** u;
    for (let q = 0; q <= r; q++) out.push(table.indexOfKey[table.keys[k]! + q * step]!);
  }
  const lines = Int32Array.from(out);
  splits.set(id, lines);
  return lines;
}

/**
 * Splits a simplex at the midpoint of its edge between vertices u and w: writes the Bernstein
 * coefficients (degree n, K variables, at `at` … of `from`) of the sub-simplex that keeps u (w
 * replaced by the midpoint) into `left` and of the one that keeps w into `right`, same offsets.
 * `work` is scratch of length ≥ n + 1.
 */
export function splitEdge(
  variables: number,
  degree: number,
  u: number,
  w: number,
  from: Float64Array,
  left: Float64Array,
  right: Float64Array,
  at: number,
  work: Float64Array,
): void {
  splitAlong(edgeLines(variables, degree, u, w), from, left, right, at, work);
}

/** {@link splitEdge} with the edge's lines ({@link edgeLines}) already looked up. */
export function splitAlong(
  lines: Int32Array,
  from: Float64Array,
  left: Float64Array,
  right: Float64Array,
  at: number,
  work: Float64Array,
): void {
  let p = 0;
  while (p < lines.length) {
    const r = lines[p]!;
    const base = p + 1;
    for (let q = 0; q <= r; q++) work[q] = from[at + lines[base + q]!]!;
    // de Casteljau at ½: after step s, work[0] is left's coefficient s and work[r − s] right's r − s
    left[at + lines[base]!] = work[0]!;
    right[at + lines[base + r]!] = work[r]!;
    for (let s = 1; s <= r; s++) {
      for (let q = 0; q <= r - s; q++) work[q] = 0.5 * (work[q]! + work[q + 1]!);
      left[at + lines[base + s]!] = work[0]!;
      right[at + lines[base + r - s]!] = work[r - s]!;
    }
    p = base + r + 1;
  }
}
