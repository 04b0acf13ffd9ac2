import { roundingSlack, TINY, ULPS } from "./intervalBox.js";
import { invertInPlace, type KrawczykWorkspace } from "./krawczyk.js";
import {
  encloseTensor,
  type SupportSystem,
  type SystemWorkspace,
  setSigma,
} from "./supportSystem.js";

/**
 * Preconditioned interval Gauss–Seidel on square blocks of a support's system: shrinks the box
 * [lo, hi] (in place) around its solutions in the simplex. Player i's m = |Sᵢ| − 1 equations
 * are affine in each other player j's block of unknowns, exactly:
 *   Eᵢ(x) = B + A·(xⱼ − c),   B = Eᵢ(x with block j at c),   A = ∂Eᵢ/∂xⱼ (free of block j),
 * so when block j has m ≤ |Sᵢ| − 1 unknowns, with Y ≈ mid(A)⁻¹ (the least-squares inverse
 * (MᵀM)⁻¹Mᵀ of M = mid(A) when there are more equations than unknowns) every solution in the
 * box satisfies
 *   (Y·A)ᵥᵥ·(xⱼ,ᵥ − cᵥ) = −(Y·B)ᵥ − Σ_{w≠v} (Y·A)ᵥ𝓌·(xⱼ,𝓌 − c𝓌),
 * which pins block j once the remaining players' blocks are narrow (Y·A ≈ I), where the
 * unpreconditioned sweep of contractBox stalls on coupled equations (Hansen & Walster, "Global
 * Optimization Using Interval Analysis", 2004, §5.6). For three players this makes the system
 * nearly linear in two blocks once the third is narrow. A block with more unknowns than any
 * single other player has equations (the 5-strategy player of a 5-4-4 support) is swept on all
 * the other players' equations stacked (each is affine in block j just the same): without it
 * that block was never pinned, only bisected (on random 5×5×5 games, seed 3, the support
 * ({0…4}, {1…4}, {1…4}) ran out of its 50,000 boxes without it, took 45,801 with it). The
 * Jacobian enclosure over
 * the box must be in kw.jLo/jHi (as contractBox leaves it); every interval operation is widened
 * for rounding.
 * Returns false when the box holds no solution.
 */
export function blockContraction(
  system: SupportSystem,
  ws: SystemWorkspace,
  kw: KrawczykWorkspace,
  lo: Float64Array,
  hi: Float64Array,
): boolean {
  const n = system.players;
  for (let i = 0; i < n; i++) {
    const rows = system.size[i]! - 1;
    if (rows < 2) continue;
    for (let j = 0; j < n; j++) {
      const m = system.size[j]! - 1;
      if (j === i || m < 2 || m > rows) continue;
      // player i's equations are rows variableOffset[i] … + rows − 1
      for (let k = 0; k < rows; k++) kw.rowList[k] = system.variableOffset[i]! + k;
      if (!sweepBlock(system, ws, kw, lo, hi, rows, j)) return false;
    }
  }
  // a block no single player's equations determine (more unknowns than any other player has
  // rows, e.g. the 5-strategy player of a 5-4-4 support): all the other players' rows at once
  for (let j = 0; j < n; j++) {
    const m = system.size[j]! - 1;
    if (m < 2) continue;
    let rows = 0;
    let single = false;
    for (let i = 0; i < n; i++) {
      if (i === j) continue;
      const own = system.size[i]! - 1;
      if (own >= 2 && own >= m) single = true;
      for (let k = 0; k < own; k++) kw.rowList[rows++] = system.variableOffset[i]! + k;
    }
    if (single || rows < m) continue;
    if (!sweepBlock(system, ws, kw, lo, hi, rows, j)) return false;
  }
  return setSigma(system, lo, hi, true, ws);
}

/**
 * One preconditioned Gauss–Seidel sweep of block j on the equations kw.rowList[0 … rows − 1]
 * (all of players other than j, so affine in block j); false when the box holds no solution.
 */
function sweepBlock(
  system: SupportSystem,
  ws: SystemWorkspace,
  kw: KrawczykWorkspace,
  lo: Float64Array,
  hi: Float64Array,
  rows: number,
  j: number,
): boolean {
  const d = system.dimension;
  const { jLo, jHi, scratch, inverse, centre, fLo, fHi, pLo, pHi, qLo, qHi, work, rowList } = kw;
  const m = system.size[j]! - 1;
  const a = system.variableOffset[j]!;
  if (!leastSquaresInverse(jLo, jHi, d, rowList, rows, a, m, scratch, inverse, work)) return true;
  // B: the equations with block j at the box's centre
  if (!setSigma(system, lo, hi, true, ws)) return false;
  const sAt = system.sigmaOffset[j]!;
  let sum = 0;
  for (let l = 0; l < m; l++) {
    const c = 0.5 * (lo[a + l]! + hi[a + l]!);
    centre[l] = c;
    ws.sLo[sAt + l + 1] = c;
    ws.sHi[sAt + l + 1] = c;
    sum += c;
  }
  const slack = roundingSlack(m) * (1 + sum) + TINY;
  ws.sLo[sAt] = 1 - sum - slack;
  ws.sHi[sAt] = 1 - sum + slack;
  for (let k = 0; k < rows; k++) {
    const r = rowList[k]!;
    encloseTensor(system, ws, system.rowPlayer[r]!, system.rowStart[r]!);
    fLo[k] = ws.pair[0]!;
    fHi[k] = ws.pair[1]!;
  }
  // Y·A (m × m intervals) and Y·B
  const dotSlack = roundingSlack(rows + 2);
  for (let v = 0; v < m; v++) {
    for (let w = 0; w < m; w++) {
      let sLo = 0;
      let sHi = 0;
      let abs = 0;
      for (let k = 0; k < rows; k++) {
        const y = inverse[v * rows + k]!;
        const at = rowList[k]! * d + a + w;
        const p = y * jLo[at]!;
        const q = y * jHi[at]!;
        sLo += Math.min(p, q);
        sHi += Math.max(p, q);
        abs += Math.max(Math.abs(p), Math.abs(q));
      }
      pLo[v * m + w] = sLo - dotSlack * abs - TINY;
      pHi[v * m + w] = sHi + dotSlack * abs + TINY;
    }
    let sLo = 0;
    let sHi = 0;
    let abs = 0;
    for (let k = 0; k < rows; k++) {
      const y = inverse[v * rows + k]!;
      const p = y * fLo[k]!;
      const q = y * fHi[k]!;
      sLo += Math.min(p, q);
      sHi += Math.max(p, q);
      abs += Math.max(Math.abs(p), Math.abs(q));
    }
    qLo[v] = sLo - dotSlack * abs - TINY;
    qHi[v] = sHi + dotSlack * abs + TINY;
  }
  // Gauss–Seidel sweep over block j
  for (let v = 0; v < m; v++) {
    const dLo = pLo[v * m + v]!;
    const dHi = pHi[v * m + v]!;
    if (dLo <= 0 && dHi >= 0) continue;
    let sLo = qLo[v]!;
    let sHi = qHi[v]!;
    let abs = Math.abs(sLo) + Math.abs(sHi);
    for (let w = 0; w < m; w++) {
      if (w === v) continue;
      const xLo = lo[a + w]! - centre[w]!;
      const xHi = hi[a + w]! - centre[w]!;
      const e = 2 ** -52 * Math.max(Math.abs(xLo), Math.abs(xHi)) + TINY;
      const p1 = pLo[v * m + w]! * (xLo - e);
      const p2 = pLo[v * m + w]! * (xHi + e);
      const p3 = pHi[v * m + w]! * (xLo - e);
      const p4 = pHi[v * m + w]! * (xHi + e);
      sLo += Math.min(p1, p2, p3, p4);
      sHi += Math.max(p1, p2, p3, p4);
      abs += Math.max(Math.abs(p1), Math.abs(p2), Math.abs(p3), Math.abs(p4));
    }
    const sumSlack = roundingSlack(2 * m + 2) * abs + TINY;
    sLo -= sumSlack;
    sHi += sumSlack;
    const q1 = -sLo / dLo;
    const q2 = -sLo / dHi;
    const q3 = -sHi / dLo;
    const q4 = -sHi / dHi;
    const qLow = Math.min(q1, q2, q3, q4);
    const qHigh = Math.max(q1, q2, q3, q4);
    const newLo = centre[v]! + (qLow - Math.abs(qLow) * ULPS - TINY);
    const newHi = centre[v]! + (qHigh + Math.abs(qHigh) * ULPS + TINY);
    const lower = newLo - Math.abs(newLo) * ULPS - TINY;
    const upper = newHi + Math.abs(newHi) * ULPS + TINY;
    if (lower > lo[a + v]!) lo[a + v] = lower;
    if (upper < hi[a + v]!) hi[a + v] = upper;
    if (lo[a + v]! > hi[a + v]!) return false;
  }
  return true;
}

/**
 * A preconditioner Y (m × rows, row-major in `out`) with Y·M ≈ I for the midpoint M of the
 * Jacobian block rows rowList[0 … rows − 1], columns a … a + m − 1 (rows ≥ m): M⁻¹ when
 * square, else the least-squares inverse (MᵀM)⁻¹Mᵀ. Y is computed in floats (the contraction
 * is sound for any Y). `scratch` (≥ rows·m + m²) and `work` (≥ m², as its first entries are
 * used) are destroyed. False when M is numerically singular or has deficient column rank.
 */
function leastSquaresInverse(
  jLo: Float64Array,
  jHi: Float64Array,
  d: number,
  rowList: Int32Array,
  rows: number,
  a: number,
  m: number,
  scratch: Float64Array,
  out: Float64Array,
  work: Float64Array,
): boolean {
  for (let k = 0; k < rows; k++)
    for (let l = 0; l < m; l++) {
      const at = rowList[k]! * d + a + l;
      scratch[k * m + l] = 0.5 * (jLo[at]! + jHi[at]!);
    }
  if (rows === m) return invertInPlace(scratch, out, m);
  // normal matrix MᵀM after M in scratch, its inverse in work, then Y = (MᵀM)⁻¹Mᵀ in out
  const normal = rows * m;
  for (let p = 0; p < m; p++)
    for (let q = 0; q < m; q++) {
      let sum = 0;
      for (let k = 0; k < rows; k++) sum += scratch[k * m + p]! * scratch[k * m + q]!;
      scratch[normal + p * m + q] = sum;
    }
  if (!invertInPlace(scratch.subarray(normal, normal + m * m), work, m)) return false;
  for (let v = 0; v < m; v++)
    for (let k = 0; k < rows; k++) {
      let sum = 0;
      for (let p = 0; p < m; p++) sum += work[v * m + p]! * scratch[k * m + p]!;
      out[v * rows + k] = sum;
    }
  return true;
}
