import { LinkageError } from "../errors/LinkageError.js";
import { minimizeBounded, type SmoothObjective } from "./minimizeBounded.js";
import { normalQuantile } from "./normalQuantile.js";

export interface ProfileLikelihoodOptions {
  /** Lower bound per coordinate (the profiled one's is where its interval may end). */
  readonly lower: ArrayLike<number>;
  /** Upper bound per coordinate. */
  readonly upper: ArrayLike<number>;
  /** Typical magnitude per coordinate, passed to the minimiser. @default 1 each */
  readonly scale?: ArrayLike<number>;
  /** The deviance at the interval's ends: χ²₁'s quantile at the level. @default 3.8415 (95%) */
  readonly critical?: number;
  /** A standard error of the profiled coordinate, for the first trial step (±√critical·se). */
  readonly standardError?: number;
  /** Stop when an end is bracketed to within this times max(scale, |end|). @default 1e-6 */
  readonly tolerance?: number;
  /**
   * The inverse Hessian of f at the estimate (n×n, row-major; e.g. the estimates' covariance):
   * its Schur complement warm-starts the first re-maximisation on each side, whose final
   * quasi-Newton model then warm-starts the next. @default none
   */
  readonly inverseHessian?: ArrayLike<number>;
  /** Iteration cap of each re-maximisation. @default 200 */
  readonly maxIterations?: number;
}

export interface ProfileLikelihoodInterval {
  readonly lower: number;
  readonly upper: number;
  /** Whether an end is the coordinate's bound (the deviance stays below the critical value there). */
  readonly lowerAtBound: boolean;
  readonly upperAtBound: boolean;
  /** Re-maximisations done (each a minimisation over the other coordinates). */
  readonly evaluations: number;
}

/** Largest number of profile evaluations per end before giving up. */
const MAX_EVALUATIONS = 60;

/**
 * The profile-likelihood confidence interval of one coordinate θ_i of a negative
 * log-likelihood f minimised at θ̂: the set {v : D(v) ≤ c} with the profile deviance
 *
 *   D(v) = 2 (min_{θ: θ_i = v} f(θ) − f(θ̂)),   c = χ²₁ quantile at the level (3.8415 for 95%),
 *
 * the other coordinates re-minimised at each v (warm-started from the last profile point on the
 * same side). Each end is bracketed by steps outward from θ̂ (the first ±√c·se if a standard error
 * is given; later ones extrapolate the signed root r(v) = √D(v), nearly linear in v, and at
 * least double), then found by the Illinois variant of regula falsi on r(v) − √c. An end where
 * D stays below c up to the coordinate's bound is that bound (flagged), e.g. a branching ratio
 * whose interval reaches 0.
 *
 * Sources: D. J. Venzon and S. H. Moolgavkar, "A method for computing profile-likelihood-based
 * confidence intervals", Applied Statistics 37 (1988) 87–94; Y. Pawitan, In All Likelihood
 * (2001), §2.4 and §3.4; M. Dowell and P. Jarratt, "A modified regula falsi method for
 * computing the root of an equation", BIT 11 (1971) 168–174 (the Illinois method).
 *
 * @param objective the negative log-likelihood and its gradient
 * @param estimate θ̂, the minimiser of f
 * @param minimum f(θ̂)
 * @param index i, the profiled coordinate
 * @throws {LinkageError} E_DOMAIN if the index or the bounds are malformed, or the estimate lies
 * outside the bounds
 * @example profileLikelihoodInterval((x, g) => { g[0] = x[0]!; return x[0]! ** 2 / 2; }, Float64Array.of(0), 0, 0,
 *   { lower: [-10], upper: [10] }) // => { lower: −1.95996…, upper: 1.95996…, … } (the normal's ±z₀.₉₇₅)
 */
export function profileLikelihoodInterval(
  objective: SmoothObjective,
  estimate: Float64Array,
  minimum: number,
  index: number,
  options: ProfileLikelihoodOptions,
): ProfileLikelihoodInterval {
  const { lower, upper } = options;
  const n = estimate.length;
  if (!(Number.isInteger(index) && index >= 0 && index < n)) {
    throw new LinkageError(
      "E_DOMAIN",
      `profileLikelihoodInterval: index ${index} is not a coordinate of ${n}`,
    );
  }
  if (lower.length !== n || upper.length !== n) {
    throw new LinkageError(
      "E_DOMAIN",
      `profileLikelihoodInterval: ${n} coordinates but bounds of another length`,
    );
  }
  const hat = estimate[index]!;
  if (!(hat >= lower[index]! && hat <= upper[index]!)) {
    throw new LinkageError(
      "E_DOMAIN",
      `profileLikelihoodInterval: the estimate ${hat} lies outside its bounds`,
    );
  }
  const critical = options.critical ?? normalQuantile(0.975) ** 2;
  const rootCritical = Math.sqrt(critical);
  const scale = options.scale?.[index] ?? 1;
  const tolerance = options.tolerance ?? 1e-6;
  const fixed = Array.from({ length: n }, (_, i) => i === index);
  let evaluations = 0;
  const nuisanceStart = options.inverseHessian
    ? conditionalInverse(options.inverseHessian, n, index)
    : undefined;

  const end = (direction: 1 | -1): { value: number; atBound: boolean } => {
    const bound = direction > 0 ? upper[index]! : lower[index]!;
    if (hat === bound) return { value: bound, atBound: true };
    let warm: Float64Array = Float64Array.from(estimate);
    let warmInverse = nuisanceStart;
    /** The signed root √D(v) (≥ 0), re-maximising the other coordinates from `warm`. */
    const root = (v: number): number => {
      evaluations++;
      const start = Float64Array.from(warm);
      start[index] = v;
      const result = minimizeBounded(objective, start, {
        lower,
        upper,
        fixed,
        ...(options.scale ? { scale: options.scale } : {}),
        maxIterations: options.maxIterations ?? 200,
        ...(warmInverse ? { inverseHessian: warmInverse } : {}),
      });
      warm = result.x;
      warmInverse = result.inverseHessian;
      return Math.sqrt(Math.max(0, 2 * (result.value - minimum)));
    };
    // bracket: inside has r < √c, outside r ≥ √c
    let inside = hat;
    let rInside = 0;
    let step =
      options.standardError && options.standardError > 0
        ? rootCritical * options.standardError
        : 0.1 * scale;
    let outside = Number.NaN;
    let rOutside = Number.NaN;
    for (let tries = 0; tries < MAX_EVALUATIONS; tries++) {
      const v = direction > 0 ? Math.min(bound, inside + step) : Math.max(bound, inside - step);
      const r = root(v);
      if (r >= rootCritical) {
        outside = v;
        rOutside = r;
        break;
      }
      if (v === bound) return { value: bound, atBound: true };
      // extrapolate r linearly from θ̂ to √c, with a margin, and at least double the distance
      const distance = Math.abs(v - hat);
      const predicted = r > 0 ? (distance * rootCritical) / r : 2 * distance;
      step = Math.max(1.2 * predicted, 2 * distance) - distance;
      inside = v;
      rInside = r;
    }
    if (Number.isNaN(outside)) return { value: inside, atBound: false };
    // Illinois regula falsi on g(v) = r(v) − √c over [inside, outside]
    let gInside = rInside - rootCritical;
    let gOutside = rOutside - rootCritical;
    let side = 0;
    for (let tries = 0; tries < MAX_EVALUATIONS; tries++) {
      if (Math.abs(outside - inside) <= tolerance * Math.max(scale, Math.abs(inside))) break;
      let v = (inside * gOutside - outside * gInside) / (gOutside - gInside);
      if (!(v > Math.min(inside, outside) && v < Math.max(inside, outside)))
        v = (inside + outside) / 2;
      const g = root(v) - rootCritical;
      if (Math.abs(g) <= 1e-9 * rootCritical) return { value: v, atBound: false };
      if (g < 0) {
        inside = v;
        gInside = g;
        if (side === -1) gOutside /= 2;
        side = -1;
      } else {
        outside = v;
        gOutside = g;
        if (side === 1) gInside /= 2;
        side = 1;
      }
    }
    return { value: (inside + outside) / 2, atBound: false };
  };
  const low = end(-1);
  const high = end(1);
  return {
    lower: low.value,
    upper: high.value,
    lowerAtBound: low.atBound,
    upperAtBound: high.atBound,
    evaluations,
  };
}

/**
 * The inverse Hessian of f restricted to x_i fixed, from the full one H: the Schur complement
 * H_νν − H_νi H_iν / H_ii over the other coordinates ν (the inverse of the Hessian's ν-block).
 * Undefined when H_ii is not positive or an entry is not finite.
 */
function conditionalInverse(
  h: ArrayLike<number>,
  n: number,
  index: number,
): Float64Array | undefined {
  if (h.length !== n * n) {
    throw new LinkageError(
      "E_DOMAIN",
      `profileLikelihoodInterval: the inverse Hessian has ${h.length} entries, expected ${n}×${n}`,
    );
  }
  const hii = h[index * n + index]!;
  if (!(hii > 0)) return undefined;
  const others = Array.from({ length: n }, (_, i) => i).filter((i) => i !== index);
  const m = others.length;
  const out = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      const i = others[a]!;
      const j = others[b]!;
      out[a * m + b] = h[i * n + j]! - (h[i * n + index]! * h[index * n + j]!) / hii;
    }
  }
  return out.every(Number.isFinite) ? out : undefined;
}
