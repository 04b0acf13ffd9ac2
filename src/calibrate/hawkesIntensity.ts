import { LinkageError } from "../errors/LinkageError.js";
import { backgroundPieces, backgroundRate } from "./backgroundPieces.js";
import type { EventTimes } from "./DatedEvents.js";
import type { HawkesSpec } from "./HawkesModel.js";
import { hawkesBackgroundSize, hawkesParameterCount } from "./hawkesParameterLayout.js";

/**
 * The conditional intensity λ(g) = μ(g) + n Σ_k w_k β_k Σ_{t_j<g} e^{−β_k (g − t_j)} on an
 * ascending grid of times (for the plot of the fit), in O(N + G) by walking events and grid
 * together with the recursion of {@link hawkesLogLikelihood}. An event exactly at a grid point
 * is not yet counted there (λ is the left limit, as in the likelihood).
 *
 * Source: A. G. Hawkes, Biometrika 58 (1971) 83–90 (the intensity); T. Ozaki, Annals of the
 * Institute of Statistical Mathematics 31 (1979) 145–155 (the recursion).
 *
 * @param events times assumed checked (checkEventTimes)
 * @param grid ascending times (they may extend beyond the events)
 * @throws {LinkageError} E_DOMAIN if θ has the wrong length or the grid is not ascending
 * @example hawkesIntensity({ times: Float64Array.of(1), duration: 3 },
 *   { background: { kind: "constant" }, components: 1 }, Float64Array.of(0.5, 0.5, 1, 1),
 *   Float64Array.of(0, 1, 2)) // => [0.5, 0.5, 0.5 + 0.5e^{−1} = 0.6839…]
 */
export function hawkesIntensity(
  events: EventTimes,
  spec: HawkesSpec,
  theta: Float64Array,
  grid: Float64Array,
): Float64Array {
  const p = hawkesParameterCount(spec);
  if (theta.length !== p) {
    throw new LinkageError(
      "E_DOMAIN",
      `the Hawkes intensity of this spec takes ${p} parameters, got ${theta.length}`,
    );
  }
  for (let g = 1; g < grid.length; g++) {
    if (!(grid[g]! >= grid[g - 1]!)) {
      throw new LinkageError(
        "E_DOMAIN",
        `intensity grid point ${g} is ${grid[g]}: the grid must ascend`,
      );
    }
  }
  const size = hawkesBackgroundSize(spec.background);
  const kCount = spec.components;
  const n = theta[size]!;
  const pieces = backgroundPieces(spec.background);
  const { times } = events;
  const rp = new Float64Array(kCount);
  const out = new Float64Array(grid.length);
  let previous = 0;
  let i = 0;
  for (let g = 0; g < grid.length; g++) {
    const at = grid[g]!;
    for (; i < times.length && times[i]! < at; i++) {
      const t = times[i]!;
      for (let k = 0; k < kCount; k++)
        rp[k] = Math.exp(-theta[size + 1 + k]! * (t - previous)) * rp[k]! + 1;
      previous = t;
    }
    let excitation = 0;
    for (let k = 0; k < kCount; k++) {
      const beta = theta[size + 1 + k]!;
      excitation +=
        theta[size + 1 + kCount + k]! * beta * Math.exp(-beta * (at - previous)) * rp[k]!;
    }
    out[g] = backgroundRate(pieces, theta, at) + n * excitation;
  }
  return out;
}
