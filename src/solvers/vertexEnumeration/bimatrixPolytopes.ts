import { LinkageError } from "../../errors/LinkageError.js";
import type { StrategicGame } from "../../games/strategicGame.js";
import { fromNumber, gcd, type Rational } from "../../math/rational.js";

export function bimatrixShape(game: StrategicGame): { m: number; n: number } {
  if (game.players.length !== 2) {
    throw new LinkageError(
      "E_DOMAIN",
      `vertex enumeration needs a two-player game, this one has ${game.players.length} players`,
    );
  }
  return { m: game.strategies[0]!.length, n: game.strategies[1]!.length };
}

/** Player p's payoffs as integers ≥ 1 (scaled by the common denominator, shifted), column-major m × n. */
export function integerPayoffs(
  exact: readonly Rational[],
  m: number,
  n: number,
  p: number,
): bigint[] {
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
export function scaledPayoffs(
  payoffs: Float64Array,
  m: number,
  n: number,
  p: number,
): Float64Array {
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
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly num: Float64Array;
  readonly big: readonly bigint[] | null;
  readonly small: boolean;
}

/** Magnitude below which exact integer tableau entries are kept as doubles. */
export const NUMBER_LIMIT = 2 ** 50;
export const NUMBER_LIMIT_BIG = BigInt(NUMBER_LIMIT);
/** A pivot stays in doubles while |T_rc·Tᵢⱼ| + |Tᵢc·T_rj| ≤ ROUND_LIMIT·D for every entry. */
export const ROUND_LIMIT = 2 ** 49;
/** Relative gap above which the sign of a difference of two rounded products is certain. */
export const PRODUCT_GAP = 2 ** -50;

export function exactMatrix(k: number, d: number, entry: (i: number, j: number) => bigint): Matrix {
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

export function floatMatrix(k: number, d: number, entry: (i: number, j: number) => number): Matrix {
  const num = new Float64Array(k * d);
  for (let i = 0; i < k; i++) for (let j = 0; j < d; j++) num[i * d + j] = entry(i, j);
  return { rows: k, cols: d, num, big: null, small: true };
}

/** The game as the two polytopes' constraint matrices: P's rows Bᵀ (n × m), Q's rows A (m × n). */
export interface Polytopes {
  readonly m: number;
  readonly n: number;
  readonly p: Matrix;
  readonly q: Matrix;
}

/** The polytopes of a game in exact integers (payoffs scaled by their common denominator, shifted to ≥ 1). */
export function exactPolytopes(game: StrategicGame): Polytopes {
  const { m, n } = bimatrixShape(game);
  const exact = game.exactPayoffs ?? Array.from(game.payoffs, fromNumber);
  const a = integerPayoffs(exact, m, n, 0);
  const b = integerPayoffs(exact, m, n, 1);
  // P's rows: Bᵀ (n × m); Q's rows: A (m × n)
  const bt = exactMatrix(n, m, (j, i) => b[i + m * j]!);
  const am = exactMatrix(m, n, (i, j) => a[i + m * j]!);
  return { m, n, p: bt, q: am };
}

/** The polytopes of a game in doubles (payoffs affinely scaled into [1, 2]). */
export function floatPolytopes(game: StrategicGame): Polytopes {
  const { m, n } = bimatrixShape(game);
  const a = scaledPayoffs(game.payoffs, m, n, 0);
  const b = scaledPayoffs(game.payoffs, m, n, 1);
  const bt = floatMatrix(n, m, (j, i) => b[i + m * j]!);
  const am = floatMatrix(m, n, (i, j) => a[i + m * j]!);
  return { m, n, p: bt, q: am };
}
