import type { EventTimes } from "./DatedEvents.js";
import type { HawkesSpec } from "./HawkesModel.js";
import { hawkesBackgroundSize } from "./hawkesParameterLayout.js";

/**
 * The Hawkes log-likelihood by its definition, in O(N²): every intensity λ(t_i) summed over all
 * earlier events, the compensator term by term, and the background's integral piece by piece
 * straight from the spec. Slow on purpose: the reference that {@link hawkesLogLikelihood}'s
 * recursion is tested against, and the baseline of its benchmark.
 *
 *   ℓ = Σ_i log(μ(t_i) + n Σ_k w_k β_k Σ_{j<i} e^{−β_k (t_i − t_j)})
 *       − ∫_0^T μ − n Σ_k w_k Σ_j (1 − e^{−β_k (T − t_j)})
 *
 * Source: Y. Ogata, Annals of the Institute of Statistical Mathematics 30 (1978) 243–261.
 *
 * @example naiveHawkesLogLikelihood({ times: Float64Array.of(1, 2), duration: 3 },
 *   { background: { kind: "constant" }, components: 1 }, Float64Array.of(0.5, 0.5, 1, 1)) // => −3.3214…
 */
export function naiveHawkesLogLikelihood(
  events: EventTimes,
  spec: HawkesSpec,
  theta: Float64Array,
): number {
  const { times, duration } = events;
  const size = hawkesBackgroundSize(spec.background);
  const kCount = spec.components;
  const n = theta[size]!;
  const mu = (t: number): number => naiveBackground(spec, theta, t);
  let total = 0;
  for (let i = 0; i < times.length; i++) {
    let lambda = mu(times[i]!);
    for (let j = 0; j < i; j++) {
      for (let k = 0; k < kCount; k++) {
        const beta = theta[size + 1 + k]!;
        lambda +=
          n * theta[size + 1 + kCount + k]! * beta * Math.exp(-beta * (times[i]! - times[j]!));
      }
    }
    total += Math.log(lambda);
  }
  for (let j = 0; j < times.length; j++) {
    for (let k = 0; k < kCount; k++) {
      const beta = theta[size + 1 + k]!;
      total -= n * theta[size + 1 + kCount + k]! * (1 - Math.exp(-beta * (duration - times[j]!)));
    }
  }
  return total - naiveBackgroundIntegral(spec, theta, duration);
}

function naiveBackground(spec: HawkesSpec, c: Float64Array, t: number): number {
  const b = spec.background;
  if (b.kind === "constant") return c[0]!;
  if (b.kind === "piecewise") {
    let j = 0;
    while (j < b.changePoints.length && t >= b.changePoints[j]!) j++;
    return c[j]!;
  }
  const knots = b.knots;
  if (t <= knots[0]!) return c[0]!;
  if (t >= knots[knots.length - 1]!) return c[knots.length - 1]!;
  let j = 0;
  while (t >= knots[j + 1]!) j++;
  const u = (t - knots[j]!) / (knots[j + 1]! - knots[j]!);
  return (1 - u) * c[j]! + u * c[j + 1]!;
}

/** ∫_0^T μ: segment lengths times levels, or the trapezoid rule between knots. */
function naiveBackgroundIntegral(spec: HawkesSpec, c: Float64Array, duration: number): number {
  const b = spec.background;
  if (b.kind === "constant") return c[0]! * duration;
  if (b.kind === "piecewise") {
    const edges = [0, ...b.changePoints, duration];
    let total = 0;
    for (let j = 0; j + 1 < edges.length; j++) total += c[j]! * (edges[j + 1]! - edges[j]!);
    return total;
  }
  // the interpolant is piecewise linear in t: integrate it exactly on a grid holding every kink
  const grid = [0, ...b.knots.filter((k) => k > 0 && k < duration), duration];
  let total = 0;
  for (let j = 0; j + 1 < grid.length; j++) {
    total +=
      ((grid[j + 1]! - grid[j]!) *
        (naiveBackground(spec, c, grid[j]!) + naiveBackground(spec, c, grid[j + 1]!))) /
      2;
  }
  return total;
}
