export { autocorrelation } from "./autocorrelation.js";
export { betaQuantile, logGamma, regularizedIncompleteBeta } from "./betaQuantile.js";
export { chiSquareCdf, chiSquareQuantile, chiSquareSurvival } from "./chiSquare.js";
export { covarianceFromInformation } from "./covarianceFromInformation.js";
export { type Field, floatField, rationalField } from "./field.js";
export { type KolmogorovSmirnovResult, kolmogorovSmirnov } from "./kolmogorovSmirnov.js";
export {
  KOLMOGOROV_EXACT_MAX_N,
  kolmogorovLimitSurvival,
  kolmogorovSmirnovCdf,
  kolmogorovSmirnovCritical,
  kolmogorovSmirnovSurvival,
} from "./kolmogorovSmirnovDistribution.js";
export { latinHypercube } from "./latinHypercube.js";
export {
  type LinearConstraint,
  type LinearProgram,
  type LinearProgramResult,
  solveLinearProgram,
} from "./linearProgram.js";
export { type LjungBoxResult, ljungBox } from "./ljungBox.js";
export {
  type MinimizeBoundedOptions,
  type MinimizeBoundedResult,
  minimizeBounded,
  type SmoothObjective,
} from "./minimizeBounded.js";
export { erfc, normalCdf } from "./normalCdf.js";
export { normalQuantile } from "./normalQuantile.js";
export { type ObservedInformationOptions, observedInformation } from "./observedInformation.js";
export {
  type ProfileLikelihoodInterval,
  type ProfileLikelihoodOptions,
  profileLikelihoodInterval,
} from "./profileLikelihoodInterval.js";
export { quantileSorted } from "./quantileSorted.js";
export { type RandomStream, randomStream } from "./randomStream.js";
export type { Rational } from "./rational.js";
/** Exact bigint rational arithmetic: `rational.add(a, b)`, `rational.parseRational("1/3")`, … */
export * as rational from "./rational.js";
export { regularizedGammaP, regularizedGammaQ } from "./regularizedGamma.js";
/** Seeded samplers: `samplers.poisson(stream, mean)`, `samplers.normal(stream, mean, sd)`, … */
export * as samplers from "./samplers.js";
export { solveInPlace } from "./solveLinearSystem.js";
