import { LinkageError } from "../errors/LinkageError.js";
import type { SmoothObjective } from "./minimizeBounded.js";

export interface ObservedInformationOptions {
  /** Lower bound per coordinate: a difference step never goes below it. @default −∞ each */
  readonly lower?: ArrayLike<number>;
  /** Upper bound per coordinate: a difference step never goes above it. @default +∞ each */
  readonly upper?: ArrayLike<number>;
  /** The coordinates to differentiate in (the others held fixed). @default all, in order */
  readonly indices?: readonly number[];
  /** Typical magnitude per coordinate, the floor of the step's scale. @default 1e-3 each */
  readonly scale?: ArrayLike<number>;
  /** Relative difference step. @default 1e-5 */
  readonly relativeStep?: number;
}

/**
 * The observed information: the Hessian of a negative log-likelihood f (with analytic gradient)
 * at the maximum-likelihood estimate, by differences of the gradient, symmetrised:
 *
 *   I_ab = ½ (∂g_a/∂x_b + ∂g_b/∂x_a),   ∂g_a/∂x_b ≈ (g_a(x + h_b e_b) − g_a(x − h_b e_b)) / 2h_b,
 *
 * with h_b = relativeStep·max(|x_b|, scale_b). Where a central step would leave the box the
 * difference is one-sided (x on a bound). Costs 2k gradient evaluations for k coordinates.
 * Invert it with {@link covarianceFromInformation} for the covariance of the estimates.
 *
 * Sources: Y. Pawitan, In All Likelihood (Oxford, 2001), §2.5 (observed Fisher information);
 * J. Nocedal and S. J. Wright, Numerical Optimization, 2nd ed. (2006), §8.1 (Hessians from
 * differences of gradients).
 *
 * @param objective the negative log-likelihood and its gradient
 * @param x the estimate
 * @returns the k×k matrix, row-major, over `indices`
 * @throws {LinkageError} E_DOMAIN if an index is out of range, the bounds have the wrong length
 * or the gradient is not finite at a step
 * @example observedInformation((x, g) => { g[0] = 4 * x[0]!; return 2 * x[0]! ** 2; }, [1])
 *   // => Float64Array [4] (to ~1e-10)
 */
export function observedInformation(
  objective: SmoothObjective,
  x: ArrayLike<number>,
  options: ObservedInformationOptions = {},
): Float64Array {
  const n = x.length;
  const indices = options.indices ?? Array.from({ length: n }, (_, i) => i);
  const relativeStep = options.relativeStep ?? 1e-5;
  const { lower, upper, scale } = options;
  if (
    (lower && lower.length !== n) ||
    (upper && upper.length !== n) ||
    (scale && scale.length !== n)
  ) {
    throw new LinkageError(
      "E_DOMAIN",
      `observedInformation: ${n} coordinates but bounds or scales of another length`,
    );
  }
  for (const j of indices) {
    if (!(Number.isInteger(j) && j >= 0 && j < n)) {
      throw new LinkageError(
        "E_DOMAIN",
        `observedInformation: index ${j} is not a coordinate of ${n}`,
      );
    }
  }
  const k = indices.length;
  const info = new Float64Array(k * k);
  const point = Float64Array.from(x);
  const gUp = new Float64Array(n);
  const gDown = new Float64Array(n);
  for (let b = 0; b < k; b++) {
    const j = indices[b]!;
    const h = relativeStep * Math.max(Math.abs(x[j]!), scale?.[j] ?? 1e-3);
    const up = Math.min(x[j]! + h, upper?.[j] ?? Number.POSITIVE_INFINITY);
    const down = Math.max(x[j]! - h, lower?.[j] ?? Number.NEGATIVE_INFINITY);
    point[j] = up;
    objective(point, gUp);
    point[j] = down;
    objective(point, gDown);
    point[j] = x[j]!;
    for (let a = 0; a < k; a++) {
      const d = (gUp[indices[a]!]! - gDown[indices[a]!]!) / (up - down);
      if (!Number.isFinite(d)) {
        throw new LinkageError(
          "E_DOMAIN",
          `observedInformation: the gradient is not finite within ${h} of the estimate in coordinate ${j}`,
        );
      }
      info[a * k + b] = d;
    }
  }
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const mean = (info[a * k + b]! + info[b * k + a]!) / 2;
      info[a * k + b] = mean;
      info[b * k + a] = mean;
    }
  }
  return info;
}
