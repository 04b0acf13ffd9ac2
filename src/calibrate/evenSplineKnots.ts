import { LinkageError } from "../errors/LinkageError.js";

/**
 * `count` evenly spaced knot times over [0, duration]: κ_j = j·duration/(count − 1), the usual
 * spline background ({@link HawkesBackground} `spline`) for a window of that length.
 *
 * @throws {LinkageError} E_DOMAIN if count < 2 or the duration is not finite and > 0
 * @example evenSplineKnots(10, 3) // => [0, 5, 10]
 */
export function evenSplineKnots(duration: number, count: number): number[] {
  if (!(Number.isInteger(count) && count >= 2)) {
    throw new LinkageError(
      "E_DOMAIN",
      `a spline background needs an integer ≥ 2 knots, got ${count}`,
    );
  }
  if (!(duration > 0 && Number.isFinite(duration))) {
    throw new LinkageError("E_DOMAIN", `spline knots need a finite duration > 0, got ${duration}`);
  }
  return Array.from({ length: count }, (_, j) => (j * duration) / (count - 1));
}
