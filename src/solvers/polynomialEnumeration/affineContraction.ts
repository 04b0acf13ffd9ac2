import { blockContraction } from "./blockContraction.js";
import { deviationContraction } from "./deviationContraction.js";
import { roundingSlack, TINY, ULPS } from "./intervalBox.js";
import type { KrawczykWorkspace } from "./krawczyk.js";
import {
  encloseJacobian,
  encloseTensor,
  type SupportSystem,
  type SystemWorkspace,
  setBlockAt,
  setSigma,
} from "./supportSystem.js";

/**
 * Shrinks a box [lo, hi] (in place) around the simplex points that can solve a support's
 * system, using that every equation is affine in each other player's block of unknowns: for
 * equation r of player i and a player j ≠ i with centre c of its block,
 *   Eᵣ(x) = Eᵣ(x with block j at c) + Σₜ Aᵣ,ₜ(x₋ⱼ)·(xⱼ,ₜ − cₜ)   exactly,
 * where Aᵣ,ₜ = ∂Eᵣ/∂xⱼ,ₜ does not depend on block j. With B ⊇ Eᵣ(block j at c) and the Aᵣ,ₜ
 * enclosed over the box (the Jacobian enclosure), Eᵣ = 0 gives, for each t with 0 ∉ Aᵣ,ₜ,
 *   xⱼ,ₜ ∈ cₜ − (B + Σ_{t'≠t} Aᵣ,ₜ'·(xⱼ,ₜ' − cₜ')) / Aᵣ,ₜ,
 * intersected with the box (a Gauss–Seidel sweep on the exact affine decomposition; tighter
 * than the mean-value form because block j does not widen its own coefficients). Also
 * Σₜ xⱼ,ₜ ≤ 1 (the first probability is ≥ 0). Roots outside the simplex may be cut off; none in
 * it. Then, with `sharper` (the default), blockContraction and deviationContraction. Returns
 * false when the box holds no solution in the simplex. All interval operations are widened for
 * rounding.
 */
export function contractBox(
  system: SupportSystem,
  ws: SystemWorkspace,
  kw: KrawczykWorkspace,
  lo: Float64Array,
  hi: Float64Array,
  sharper = true,
): boolean {
  const d = system.dimension;
  const n = system.players;
  // the first probability is ≥ 0 and the others ≥ 0: each unknown ≤ 1 − Σ of the other lower bounds
  for (let j = 0; j < n; j++) {
    const a = system.variableOffset[j]!;
    const b = system.variableOffset[j + 1]!;
    let sumLo = 0;
    for (let v = a; v < b; v++) {
      if (lo[v]! < 0) lo[v] = 0;
      sumLo += lo[v]!;
    }
    for (let v = a; v < b; v++) {
      const cap = 1 - (sumLo - lo[v]!) + roundingSlack(b - a) * (1 + sumLo);
      if (hi[v]! > cap) hi[v] = cap;
      if (lo[v]! > hi[v]!) return false;
    }
  }
  if (!setSigma(system, lo, hi, true, ws)) return false;
  const { jLo, jHi, centre } = kw;
  encloseJacobian(system, ws, jLo, jHi);
  for (let v = 0; v < d; v++) centre[v] = 0.5 * (lo[v]! + hi[v]!);
  for (let r = 0; r < d; r++) {
    const i = system.rowPlayer[r]!;
    for (let j = 0; j < n; j++) {
      if (j === i || system.size[j]! < 2) continue;
      const a = system.variableOffset[j]!;
      const b = system.variableOffset[j + 1]!;
      // B: equation r with block j at its centre (σ of the others from the current box)
      if (!setSigma(system, lo, hi, true, ws)) return false;
      setBlockAt(system, ws, j, centre);
      encloseTensor(system, ws, i, system.rowStart[r]!);
      const bLo = ws.pair[0]!;
      const bHi = ws.pair[1]!;
      for (let v = a; v < b; v++) {
        const aLo = jLo[r * d + v]!;
        const aHi = jHi[r * d + v]!;
        if (aLo <= 0 && aHi >= 0) continue;
        // S = B + Σ_{w≠v} A_w (x_w − c_w)
        let sLo = bLo;
        let sHi = bHi;
        let abs = Math.abs(bLo) + Math.abs(bHi);
        for (let w = a; w < b; w++) {
          if (w === v) continue;
          const xLo = lo[w]! - centre[w]!;
          const xHi = hi[w]! - centre[w]!;
          const p1 = jLo[r * d + w]! * xLo;
          const p2 = jLo[r * d + w]! * xHi;
          const p3 = jHi[r * d + w]! * xLo;
          const p4 = jHi[r * d + w]! * xHi;
          sLo += Math.min(p1, p2, p3, p4);
          sHi += Math.max(p1, p2, p3, p4);
          abs += Math.max(Math.abs(p1), Math.abs(p2), Math.abs(p3), Math.abs(p4));
        }
        const sumSlack = roundingSlack(2 * (b - a) + 2) * abs + TINY;
        sLo -= sumSlack;
        sHi += sumSlack;
        // x_v − c_v ∈ −S / A (A of one sign)
        const q1 = -sLo / aLo;
        const q2 = -sLo / aHi;
        const q3 = -sHi / aLo;
        const q4 = -sHi / aHi;
        let qLo = Math.min(q1, q2, q3, q4);
        let qHi = Math.max(q1, q2, q3, q4);
        qLo -= Math.abs(qLo) * ULPS + TINY;
        qHi += Math.abs(qHi) * ULPS + TINY;
        const newLo = centre[v]! + qLo;
        const newHi = centre[v]! + qHi;
        const lower = newLo - Math.abs(newLo) * ULPS - TINY;
        const upper = newHi + Math.abs(newHi) * ULPS + TINY;
        if (lower > lo[v]!) lo[v] = lower;
        if (upper < hi[v]!) hi[v] = upper;
        if (lo[v]! > hi[v]!) return false;
      }
    }
  }
  if (!setSigma(system, lo, hi, true, ws)) return false;
  if (!sharper) return true;
  // the Jacobian enclosure still covers the shrunk box: reuse it for the preconditioned sweep
  if (!blockContraction(system, ws, kw, lo, hi)) return false;
  return deviationContraction(system, ws, kw, lo, hi);
}
