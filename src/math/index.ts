export { type Field, floatField, rationalField } from "./field.js";
export {
  type LinearConstraint,
  type LinearProgram,
  type LinearProgramResult,
  solveLinearProgram,
} from "./linearProgram.js";
export { normalQuantile } from "./normalQuantile.js";
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
