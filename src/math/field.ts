import {
  add,
  compare,
  divide,
  fromNumber,
  multiply,
  ONE,
  type Rational,
  subtract,
  ZERO,
} from "./rational.js";

/**
 * The arithmetic an algorithm needs, so one implementation serves both doubles (fast) and exact
 * rationals (for checks). Hot loops use doubles directly; this is for verification code.
 */
export interface Field<T> {
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  subtract(a: T, b: T): T;
  multiply(a: T, b: T): T;
  /** a / b (b ≠ 0). */
  divide(a: T, b: T): T;
  /** −1, 0, 1. */
  compare(a: T, b: T): number;
  fromNumber(x: number): T;
}

export const floatField: Field<number> = {
  zero: 0,
  one: 1,
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  fromNumber: (x) => x,
};

export const rationalField: Field<Rational> = {
  zero: ZERO,
  one: ONE,
  add,
  subtract,
  multiply,
  divide,
  compare,
  fromNumber,
};
