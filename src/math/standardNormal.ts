import type { RandomStream } from "./randomStream.js";

/** Layers of the ziggurat, its right-most x and the common area of a layer (Marsaglia & Tsang 2000, n = 128). */
const LAYERS = 128;
const R = 3.442619855899;
const AREA = 9.91256303526217e-3;
const SCALE = 2147483648; // 2^31

// Tables built once from the definitions: k[i] are acceptance thresholds on |31-bit integers|,
// w[i] scale an integer to x, f[i] = exp(−x_i²/2) at the layer edges.
const K = new Uint32Array(LAYERS);
const W = new Float64Array(LAYERS);
const F = new Float64Array(LAYERS);
{
  let d = R;
  let t = d;
  const q = AREA / Math.exp(-0.5 * d * d);
  K[0] = Math.floor((d / q) * SCALE);
  K[1] = 0;
  W[0] = q / SCALE;
  W[LAYERS - 1] = d / SCALE;
  F[0] = 1;
  F[LAYERS - 1] = Math.exp(-0.5 * d * d);
  for (let i = LAYERS - 2; i >= 1; i--) {
    d = Math.sqrt(-2 * Math.log(AREA / d + Math.exp(-0.5 * d * d)));
    K[i + 1] = Math.floor((d / t) * SCALE);
    t = d;
    F[i] = Math.exp(-0.5 * d * d);
    W[i] = d / SCALE;
  }
}

/**
 * A standard normal draw by the ziggurat method: one 32-bit integer and a table lookup for about
 * 99% of draws, no logarithm or trigonometry; the wedges and the tail (beyond x = 3.4426) are
 * sampled exactly by rejection, so the draw is exactly N(0, 1) up to 32-bit resolution.
 *
 * Source: G. Marsaglia & W. W. Tsang, "The ziggurat method for generating random variables",
 * Journal of Statistical Software 5(8), 2000 (128 layers).
 * @example standardNormal(randomStream(0, 0)) // a N(0, 1) draw
 */
export function standardNormal(rng: RandomStream): number {
  for (;;) {
    const h = rng.nextUint32() | 0; // signed: the sign bit chooses the side
    const i = h & (LAYERS - 1);
    const x = h * W[i]!;
    if (Math.abs(h) < K[i]!) return x; // inside the layer's rectangle
    if (i === 0) {
      // the tail beyond R (Marsaglia 1964)
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(1 - rng.next()) / R;
        y = -Math.log(1 - rng.next());
      } while (y + y < tail * tail);
      return h > 0 ? R + tail : -R - tail;
    }
    // a wedge: accept under the density
    if (F[i]! + rng.next() * (F[i - 1]! - F[i]!) < Math.exp(-0.5 * x * x)) return x;
  }
}
