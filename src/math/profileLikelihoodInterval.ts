import { minimizeBounded, type SmoothObjective } from "./minimizeBounded.js";

export interface ProfileLikelihoodInterval {
  readonly lower: number;
  readonly upper: number;
  /** Whether each end is the bound of the parameter's range (the profile never rose that far). */
  readonly lowerAtBound: boolean;
  readonly upperAtBound: boolean;
}

/**
 * The profile-likelihood confidence interval of one coordinate of a negative log-likelihood
 * `objective` minimised at `estimate`: the values v where 2·(min f with x_i = v − f̂) equals
 * `critical` (χ²₁'s quantile at the level: 3.8415 for 95%), the other coordinates re-minimised
 * at each v (warm-started from the estimate). Each end is found by bisection on the deviance
 * (40 halvings of the bracket); an end where the deviance never reaches `critical` before the
 * parameter's bound is the bound.
 *
 * Source: D. J. Venzon and S. H. Moolgavkar, "A method for computing profile-likelihood-based
 * confidence intervals", Applied Statistics 37 (1988) 87–94; Pawitan, In All Likelihood
 * (2001), §2.4.
 */
export function profileLikelihoodInterval(
  objective: SmoothObjective,
  estimate: Float64Array,
  minimum: number,
  index: number,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  critical: number,
): ProfileLikelihoodInterval {
  const fixed = Array.from({ length: estimate.length }, (_, i) => i === index);
  const deviance = (v: number): number => {
    const start = Float64Array.from(estimate);
    start[index] = v;
    // the other coordinates must start strictly inside their bounds
    for (let i = 0; i < start.length; i++) {
      if (i === index) continue;
      const span = upper[i]! - lower[i]!;
      const margin = Number.isFinite(span) ? span * 1e-9 : 1e-12 * Math.max(1, Math.abs(start[i]!));
      start[i] = Math.min(upper[i]! - margin, Math.max(lower[i]! + margin, start[i]!));
    }
    const result = minimizeBounded(objective, start, { lower, upper, fixed });
    return 2 * (result.value - minimum);
  };
  const end = (bound: number): { value: number; atBound: boolean } => {
    if (deviance(bound) < critical) return { value: bound, atBound: true };
    let inside = estimate[index]!;
    let outside = bound;
    for (let step = 0; step < 40; step++) {
      const middle = (inside + outside) / 2;
      if (deviance(middle) < critical) inside = middle;
      else outside = middle;
    }
    return { value: (inside + outside) / 2, atBound: false };
  };
  const low = end(lower[index]!);
  const high = end(upper[index]!);
  return {
    lower: low.value,
    upper: high.value,
    lowerAtBound: low.atBound,
    upperAtBound: high.atBound,
  };
}
