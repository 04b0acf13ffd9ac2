export { normalQuantile } from "./normalQuantile.js";
export {
  add,
  compare,
  divide,
  equals,
  formatRational,
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
