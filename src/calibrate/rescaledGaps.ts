import { LinkageError } from "../errors/LinkageError.js";

/**
 * The time-rescaling residuals of a fitted point process: the compensator's increments between
 * successive events,
 *
 *   τᵢ = Λ(tᵢ) − Λ(tᵢ₋₁),  Λ(t₀) = Λ(0) = 0,  Λ(t) = ∫₀ᵗ λ*(s) ds,
 *
 * which are i.i.d. Exp(1) when λ* is the process's true conditional intensity (the
 * time-rescaling theorem): the rescaled process is a unit-rate Poisson process. The last,
 * censored interval Λ(T) − Λ(tₙ) is not a gap and is not returned.
 *
 * Source: E. N. Brown, R. Barbieri, V. Ventura, R. E. Kass & L. M. Frank, "The time-rescaling
 * theorem and its application to neural spike train data analysis", Neural Computation 14
 * (2002) 325–346; Y. Ogata, "Statistical models for earthquake occurrences and residual
 * analysis for point processes", JASA 83 (1988) 9–27, §3.
 *
 * @param compensatorAtEvents - Λ(t₁) … Λ(tₙ), non-decreasing and ≥ 0
 * @throws {LinkageError} E_DOMAIN if a value is not finite or the compensator decreases
 * @example rescaledGaps(Float64Array.of(0.5, 2, 2.25)) // => Float64Array [0.5, 1.5, 0.25]
 */
export function rescaledGaps(compensatorAtEvents: Float64Array): Float64Array {
  const n = compensatorAtEvents.length;
  const gaps = new Float64Array(n);
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const value = compensatorAtEvents[i]!;
    if (!Number.isFinite(value)) {
      throw new LinkageError("E_DOMAIN", `the compensator at event ${i} is ${value}`);
    }
    if (value < previous) {
      throw new LinkageError(
        "E_DOMAIN",
        `the compensator decreases at event ${i} (${previous} → ${value}); it must be non-decreasing from Λ(0) = 0`,
      );
    }
    gaps[i] = value - previous;
    previous = value;
  }
  return gaps;
}
