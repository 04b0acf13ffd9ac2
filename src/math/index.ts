export { betaQuantile, logGamma, regularizedIncompleteBeta } from "./betaQuantile.js";
export { type Field, floatField, rationalField } from "./field.js";
export { latinHypercube } from "./latinHypercube.js";
export {
  type LinearConstraint,
  type LinearProgram,
  type LinearProgramResult,
  solveLinearProgram,
} from "./linearProgram.js";
export { erfc, normalCdf } from "./normalCdf.js";
export { normalQuantile } from "./normalQuantile.js";
export { type RandomStream, randomStream } from "./randomStream.js";
export {
  add,
  compare,
  divide,
  equals,
  formatRational,
  fromDecimal,
  fromNumber,
  multiply,
  negate,
  ONE,
  parseRational,
  type Rational,
  rational,
  subtract,
  toNumber,
  ZERO,
} from "./rational.js";
export { bernoulli, lognormal, normal, poisson, powerlaw, severity, uniform } from "./samplers.js";
export { solveInPlace } from "./solveLinearSystem.js";
