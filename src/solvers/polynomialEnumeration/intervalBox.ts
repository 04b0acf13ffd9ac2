/**
 * Sound floating-point enclosures for the subdivision of polynomialEnumeration.
 *
 * Outward rounding, as used throughout this folder: every interval is computed with ordinary
 * round-to-nearest arithmetic and then widened by an a-priori bound on the rounding error of the
 * operations that produced it (Higham, "Accuracy and Stability of Numerical Algorithms", 2002,
 * §3.1: a sum of k products carries a relative error of at most γₖ = k·u/(1 − k·u) of the sum of
 * the absolute values of its terms, u = 2⁻⁵³). We widen by {@link roundingSlack}(k) = (k + 4)·2⁻⁵²
 * times that absolute sum — about twice γₖ — plus {@link TINY} for underflow, so each enclosure
 * contains the exact real result.
 */

/** Absolute widening added to every enclosure, covering underflow of products. */
export const TINY = 1e-300;

/** Relative widening of one interval product or quotient (a few ulps). */
export const ULPS = 2 ** -50;

/** Relative widening after an operation of `count` terms: (count + 4)·2⁻⁵² (≥ 2γ_count). */
export function roundingSlack(count: number): number {
  return (count + 4) * 2 ** -52;
}

/**
 * Encloses the range of the linear form Σₛ cₛ σₛ over the σ with σₛ ∈ [lₛ, hₛ] and Σₛ σₛ = 1
 * (a box cut by a simplex's hyperplane), for coefficients cₛ ∈ [midₛ − radₛ, midₛ + radₛ].
 *
 * For point coefficients the exact range is a continuous knapsack: start every σₛ at lₛ and give
 * the remaining mass 1 − Σ lₛ to the cheapest (for the minimum; the dearest for the maximum)
 * coefficients first, each up to hₛ. The coefficients' radii add Σ radₛ·max(|lₛ|, |hₛ|) on each
 * side, then the result is widened for rounding (see the module comment). Bounds may be of any
 * sign (the boxes of the Krawczyk test can leave the simplex slightly).
 *
 * The knapsack's value moves by at most max|cₛ| per unit of mass, so the mass 1 − Σ lₛ is summed
 * with its rounding errors carried (TwoSum, Knuth; Ogita, Rump & Oishi 2005): its error is a few
 * ulps of the mass itself, not of 1. With payoffs of 10¹⁵ and a probability of 10⁻¹⁵ beside one
 * near 1, an ulp of 1 times max|cₛ| would be 0.2 and hide the root; this bound is 10⁻¹⁴.
 *
 * Writes [lo, hi] into out[0], out[1]; `order` is scratch of length ≥ m.
 *
 * @param mid - coefficients' midpoints at mid[at … at + m − 1]
 * @param rad - their radii, same positions
 * @param sLo - lower bounds of σ at sLo[sAt … sAt + m − 1]
 * @param sHi - upper bounds of σ, same positions
 */
export function encloseSimplexLinear(
  mid: Float64Array,
  rad: Float64Array,
  at: number,
  m: number,
  sLo: Float64Array,
  sHi: Float64Array,
  sAt: number,
  order: Int32Array,
  out: Float64Array,
): void {
  let base = 0;
  let sumLo = 0;
  /** Σ lₛ = sumLo + carried, up to (m + 4)²·2⁻¹⁰⁴·Σ|lₛ| (TwoSum keeps each addition's error). */
  let carried = 0;
  let lAbs = 0;
  let sumAbs = 0;
  let radius = 0;
  let cMax = 0;
  for (let s = 0; s < m; s++) {
    const c = mid[at + s]!;
    const l = sLo[sAt + s]!;
    const h = sHi[sAt + s]!;
    base += c * l;
    const next = sumLo + l;
    const moved = next - sumLo;
    carried += sumLo - (next - moved) + (l - moved);
    sumLo = next;
    lAbs += Math.abs(l);
    const big = Math.max(Math.abs(l), Math.abs(h));
    sumAbs += Math.abs(c) * big;
    radius += rad[at + s]! * big;
    if (Math.abs(c) > cMax) cMax = Math.abs(c);
    // insertion sort of s by c, ascending
    let k = s;
    while (k > 0 && mid[at + order[k - 1]!]! > c) {
      order[k] = order[k - 1]!;
      k--;
    }
    order[k] = s;
  }
  const mass = Math.max(0, 1 - sumLo - carried);
  const massError =
    2 ** -52 * (Math.abs(1 - sumLo) + Math.abs(carried) + mass) + (m + 4) ** 2 * 2 ** -104 * lAbs;
  let low = base;
  let left = mass;
  for (let k = 0; k < m && left > 0; k++) {
    const s = order[k]!;
    const take = Math.min(left, sHi[sAt + s]! - sLo[sAt + s]!);
    if (take > 0) {
      low += mid[at + s]! * take;
      left -= take;
    }
  }
  let high = base;
  left = mass;
  for (let k = m - 1; k >= 0 && left > 0; k--) {
    const s = order[k]!;
    const take = Math.min(left, sHi[sAt + s]! - sLo[sAt + s]!);
    if (take > 0) {
      high += mid[at + s]! * take;
      left -= take;
    }
  }
  // products and sums: relative to Σ|cₛ|·(|lₛ| + |hₛ − lₛ|) ≤ 3·sumAbs and max|c|·mass (the
  // greedy's running remainder); the mass's own error moves the value by at most cMax·massError
  const slack =
    roundingSlack(3 * m) * (3 * sumAbs + radius + cMax * mass) + cMax * massError + TINY;
  out[0] = low - radius - slack;
  out[1] = high + radius + slack;
}
