import type { ModelScore } from "./CalibrationResult.js";
import { informationCriteria } from "./informationCriteria.js";
import type { RollingOriginScore } from "./RollingOriginScore.js";

/**
 * One row of a calibration's comparison table: a fitted model's log-likelihood and parameter
 * count with its AIC and BIC ({@link informationCriteria} at `sampleSize`: events in continuous
 * time, steps for counts) and its rolling-origin score.
 */
export function modelScore(
  model: string,
  fit: { readonly logLikelihood: number; readonly parameterCount: number },
  sampleSize: number,
  outOfSample: RollingOriginScore,
): ModelScore {
  const { logLikelihood, parameterCount } = fit;
  const { aic, bic } = informationCriteria(logLikelihood, parameterCount, sampleSize);
  return { model, logLikelihood, parameterCount, aic, bic, outOfSample };
}
