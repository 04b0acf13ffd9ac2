import { LinkageError } from "../errors/LinkageError.js";

/** Akaike's and Schwarz's criteria of one fitted model; smaller is better. */
export interface InformationCriteria {
  /** AIC = 2k − 2ℓ̂. */
  readonly aic: number;
  /** BIC = k·ln n − 2ℓ̂. */
  readonly bic: number;
}

/**
 * Akaike's and Schwarz's (Bayesian) information criteria of a maximised log-likelihood ℓ̂ with k
 * free parameters:
 *
 *   AIC = 2k − 2ℓ̂,   BIC = k·ln n − 2ℓ̂.
 *
 * Which n: Schwarz's n is the number of observations whose information about the parameters
 * accumulates. For a point process observed in continuous time that is the number of events
 * (the Fisher information about the rates grows with the events, not with the length of the
 * window, whose unit — days or weeks — is arbitrary); for a count series (the weekly model) it
 * is the number of steps, each count being one observation. Compare models only on the same
 * data, so the same n: Hawkes against Poisson on the events, count Hawkes against count Poisson
 * on the steps. ℓ̂ must include every constant (−Σ log Nₜ! for counts) the same way for both.
 *
 * Source: H. Akaike, "A new look at the statistical model identification", IEEE Trans.
 * Automatic Control 19 (1974) 716–723; G. Schwarz, "Estimating the dimension of a model",
 * Annals of Statistics 6 (1978) 461–464; for point processes, Y. Ogata, JASA 83 (1988) 9–27
 * (AIC of Hawkes/ETAS fits against Poisson).
 *
 * @param logLikelihood - ℓ̂, the maximised log-likelihood (−∞ allowed: the criteria are +∞)
 * @param parameterCount - k, an integer ≥ 0
 * @param sampleSize - n: events for a continuous-time fit, steps for a count series; integer ≥ 1
 * @throws {LinkageError} E_DOMAIN if ℓ̂ is NaN or +∞, k is not a non-negative integer or n not a
 * positive integer
 * @example informationCriteria(-100, 2, 50) // => { aic: 204, bic: 207.824… } (2·ln 50 = 7.824)
 */
export function informationCriteria(
  logLikelihood: number,
  parameterCount: number,
  sampleSize: number,
): InformationCriteria {
  if (Number.isNaN(logLikelihood) || logLikelihood === Number.POSITIVE_INFINITY) {
    throw new LinkageError(
      "E_DOMAIN",
      `informationCriteria: the log-likelihood is ${logLikelihood}`,
    );
  }
  if (!(Number.isInteger(parameterCount) && parameterCount >= 0)) {
    throw new LinkageError(
      "E_DOMAIN",
      `informationCriteria: parameterCount must be an integer ≥ 0, got ${parameterCount}`,
    );
  }
  if (!(Number.isInteger(sampleSize) && sampleSize >= 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `informationCriteria: sampleSize must be an integer ≥ 1, got ${sampleSize}`,
    );
  }
  return {
    aic: 2 * parameterCount - 2 * logLikelihood,
    bic: parameterCount * Math.log(sampleSize) - 2 * logLikelihood,
  };
}
