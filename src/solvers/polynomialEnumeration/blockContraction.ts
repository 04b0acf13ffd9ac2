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
 * nearly linear in two blocks once the third is narrow. The Jacobian enclosure over the box must
 * be in kw.jLo/jHi (as contractBox leaves it); every interval operation is widened for rounding.
 * Returns false when the box holds no solution.
 */
export function blockContraction(
  system: SupportSystem,
  ws: SystemWorkspace,
  kw: KrawczykWorkspace,
  lo: Float64Array,
  hi: Float64Array,
): boolean {
  const d = system.dimension;
  const n = system.players;
  const { jLo, jHi, scratch, inverse, centre, fLo, fHi, pLo, pHi, qLo, qHi, work } = kw;
  for (let i = 0; i < n; i++) {
    const rows = system.size[i]! - 1;
    if (rows < 2) continue;
    const row0 = system.variableOffset[i]!; // player i's equations are rows row0 … row0 + rows − 1
    for (let j = 0; j < n; j++) {
      const m = system.size[j]! - 1;
      if (j === i || m < 2 || m > rows) continue;
      const a = system.variableOffset[j]!;
      if (!leastSquaresInverse(jLo, jHi, d, row0, rows, a, m, scratch, inverse, work)) continue;
      // B: player i's equations with block j at the box's centre
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
        encloseTensor(system, ws, i, system.rowStart[row0 + k]!);
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
            const at = (row0 + k) * d + a + w;
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
    }
  }
  return setSigma(system, lo, hi, true, ws);
}

/**
 * A preconditioner Y (m × rows, row-major in `out`) with Y·M ≈ I for the midpoint M of the
 * Jacobian block rows row0 … row0 + rows − 1, columns a … a + m − 1 (rows ≥ m): M⁻¹ when
 * square, else the least-squares inverse (MᵀM)⁻¹Mᵀ. Y is computed in floats (the contraction
 * is sound for any Y). `scratch` (≥ rows·m + m²) and `work` (≥ m², as its first entries are
 * used) are destroyed. False when M is numerically singular or has deficient column rank.
 */
function leastSquaresInverse(
  jLo: Float64Array,
  jHi: Float64Array,
  d: number,
  row0: number,
  rows: number,
  a: number,
  m: number,
  scratch: Float64Array,
  out: Float64Array,
  work: Float64Array,
): boolean {
  for (let k = 0; k < rows; k++)
    for (let l = 0; l < m; l++) {
      const at = (row0 + k) * d + a + l;
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
