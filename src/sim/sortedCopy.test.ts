import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortedCopy } from "./sortedCopy.js";

/** True when two arrays hold the same numbers in the same places (−0 ≠ +0, NaN = NaN). */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/** The reference: the built-in sort of a copy. */
const builtIn = (values: Float64Array) => Float64Array.from(values).sort();

/** Awkward doubles: both zeros, infinities, NaNs of both signs, subnormals, the extremes. */
const SPECIAL = [
  0,
  -0,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
  -Number.NaN,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  2 ** -1022,
  1,
  -1,
];

/** A NaN whose sign bit is set (what `-NaN` does not reliably make). */
function negativeNaN(): number {
  const cell = new Float64Array(1);
  const bytes = new Uint8Array(cell.buffer);
  cell[0] = Number.NaN;
  bytes[new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 7 : 0]! |= 0x80;
  return cell[0]!;
}

describe("sortedCopy", () => {
  it("orders like Float64Array.prototype.sort: −0 before +0, NaN (of either sign) last", () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => SPECIAL[i % SPECIAL.length]!);
    values[17] = negativeNaN();
    expect(sameValues(sortedCopy(values), builtIn(values))).toBe(true);
    expect(Array.from(sortedCopy(Float64Array.of(2, -0, Number.NaN, 0, -1)))).toEqual([
      -1,
      -0,
      0,
      2,
      Number.NaN,
    ]);
    expect(Object.is(sortedCopy(Float64Array.of(0, -0))[0], -0)).toBe(true);
  });

  it("equals the built-in sort on random columns, few-valued (counting) and many-valued (radix), short and long", () => {
    const column = fc.oneof(
      // many distinct values: the radix sort
      fc.array(fc.double(), { minLength: 0, maxLength: 6000 }),
      // a handful of values repeated: the tally
      fc
        .tuple(
          fc.array(fc.oneof(fc.double(), fc.constantFrom(...SPECIAL)), {
            minLength: 1,
            maxLength: 12,
          }),
          fc.array(fc.nat(), { minLength: 2048, maxLength: 6000 }),
        )
        .map(([few, picks]) => picks.map((k) => few[k % few.length]!)),
      // just over the tally's limit of distinct values: it must hand over to the radix sort
      fc
        .array(fc.double({ noNaN: true }), { minLength: 257, maxLength: 300 })
        .map((few) => Array.from({ length: 4096 }, (_, i) => few[(i * 7) % few.length]!)),
    );
    fc.assert(
      fc.property(column, (numbers) => {
        const values = Float64Array.from(numbers);
        const before = Float64Array.from(values);
        expect(sameValues(sortedCopy(values), builtIn(values))).toBe(true);
        expect(sameValues(values, before)).toBe(true); // the input is left alone
      }),
      { seed: 1, numRuns: 150 },
    );
  });

  it("sorts a view into a larger buffer, and writes into `out` when given one", () => {
    const backing = Float64Array.from({ length: 9000 }, (_, i) => Math.sin(i) * 1e3);
    const view = backing.subarray(1001, 8001);
    const out = new Float64Array(view.length);
    expect(sortedCopy(view, out)).toBe(out);
    expect(sameValues(out, builtIn(view))).toBe(true);
    expect(() => sortedCopy(view, new Float64Array(3))).toThrow(
      /sortedCopy: out has length 3, expected 7000/,
    );
  });
});
