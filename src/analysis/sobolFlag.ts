/** What a flagged Sobol estimate violates, beyond its sampling noise. */
export type SobolFlag = "first-order above total" | "first-order below zero";

/**
 * The flag of one parameter's Sobol estimates, or null: the true indices satisfy
 * 0 ≤ S_i ≤ S_Ti, and an estimate is flagged when its interval says it breaks one of these
 * beyond sampling noise:
 * - "first-order above total" when the whole interval of S_Ti − S_i lies below 0
 *   (`interactionHigh` < 0; the interval is from paired bootstrap resamples, see `sobolIndices`);
 * - "first-order below zero" when the whole interval of S_i lies below 0 (`firstHigh` < 0).
 * The two cannot both hold (the total estimate is a mean of squares, so ≥ 0). A flagged estimate
 * is reported as estimated, never clipped: the flag says the model, or the sample, is not what the
 * estimators assume (a noisy model, or too few samples for a heavy tail).
 *
 * @example sobolFlag(0.053, 0.098, -0.01) // => "first-order above total"
 * @example sobolFlag(-0.011, -0.005, 0.011) // => "first-order below zero"
 * @example sobolFlag(0.2, 0.25, 0.05) // => null
 */
export function sobolFlag(
  first: number,
  firstHigh: number,
  interactionHigh: number,
): SobolFlag | null {
  if (interactionHigh < 0) return "first-order above total";
  if (firstHigh < 0 && first < 0) return "first-order below zero";
  return null;
}
