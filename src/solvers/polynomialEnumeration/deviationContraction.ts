import { roundingSlack, TINY, ULPS } from "./intervalBox.js";
import type { KrawczykWorkspace } from "./krawczyk.js";
import {
  encloseGradient,
  encloseTensor,
  type SupportSystem,
  type SystemWorkspace,
  setBlockAt,
  setSigma,
} from "./supportSystem.js";

/**
 * Shrinks a box [lo, hi] (in place) with the off-support inequalities of a support's system:
 * player i's deviation to t ∉ Sᵢ must not pay more, Gᵢ,ₜ(x) ≤ 0. Like the equations, G is
 * affine in each other player j's block, exactly: G(x) = B + Σᵥ Aᵥ·(xⱼ,ᵥ − cᵥ) with
 * B = G(block j at its centre c) and Aᵥ = ∂G/∂xⱼ,ᵥ free of block j. So for each v with 0 ∉ Aᵥ,
 *   Aᵥ·(xⱼ,ᵥ − cᵥ) ≤ −(B + Σ_{w≠v} A𝓌·(xⱼ,𝓌 − c𝓌)),
 * a one-sided bound on xⱼ,ᵥ (upper when Aᵥ > 0, lower when Aᵥ < 0). This cuts away the parts
 * of the box where a deviation pays, instead of waiting for a box to lie wholly inside them.
 * Sound for every equilibrium in the box; all interval operations are widened for rounding.
 * Returns false when the box holds no equilibrium.
 */
export function deviationContraction(
  system: SupportSystem,
  ws: SystemWorkspace,
  kw: KrawczykWorkspace,
  lo: Float64Array,
  hi: Float64Array,
): boolean {
  const n = system.players;
  const { fLo: gLo, fHi: gHi, centre } = kw;
  for (let r = 0; r < system.deviationPlayer.length; r++) {
    const i = system.deviationPlayer[r]!;
    const start = system.deviationStart[r]!;
    if (!setSigma(system, lo, hi, true, ws)) return false;
    encloseGradient(system, ws, i, start, gLo, gHi, 0);
    for (let j = 0; j < n; j++) {
      if (j === i || system.size[j]! < 2) continue;
      const a = system.variableOffset[j]!;
      const b = system.variableOffset[j + 1]!;
      // B: the inequality with block j at its centre (σ of the others from the current box)
      if (!setSigma(system, lo, hi, true, ws)) return false;
      for (let v = a; v < b; v++) centre[v] = 0.5 * (lo[v]! + hi[v]!);
      setBlockAt(system, ws, j, centre);
      encloseTensor(system, ws, i, start);
      const bLo = ws.pair[0]!;
      for (let v = a; v < b; v++) {
        const aLo = gLo[v]!;
        const aHi = gHi[v]!;
        if (aLo <= 0 && aHi >= 0) continue;
        // lower end of S = B + Σ_{w≠v} A_w (x_w − c_w)
        let sLo = bLo;
        let abs = Math.abs(bLo);
        for (let w = a; w < b; w++) {
          if (w === v) continue;
          const e = 2 ** -52 * Math.max(Math.abs(lo[w]!), Math.abs(hi[w]!)) + TINY;
          const xLo = lo[w]! - centre[w]! - e;
          const xHi = hi[w]! - centre[w]! + e;
          const p = Math.min(gLo[w]! * xLo, gLo[w]! * xHi, gHi[w]! * xLo, gHi[w]! * xHi);
          sLo += p;
          abs += Math.abs(p);
        }
        sLo -= roundingSlack(2 * (b - a) + 2) * abs + TINY;
        // A_v (x_v − c_v) ≤ −sLo for some A_v in [aLo, aHi]
        const bound = -sLo;
        if (aLo > 0) {
          let q = Math.max(bound / aLo, bound / aHi);
          q += Math.abs(q) * ULPS + TINY;
          const upper = centre[v]! + q;
          const up = upper + Math.abs(upper) * ULPS + TINY;
          if (up < hi[v]!) hi[v] = up;
        } else {
          let q = Math.min(bound / aLo, bound / aHi);
          q -= Math.abs(q) * ULPS + TINY;
          const lower = centre[v]! + q;
          const down = lower - Math.abs(lower) * ULPS - TINY;
          if (down > lo[v]!) lo[v] = down;
        }
        if (lo[v]! > hi[v]!) return false;
      }
    }
  }
  return setSigma(system, lo, hi, true, ws);
}
