import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  compare,
  divide,
  formatRational,
  fromNumber,
  multiply,
  nearestFraction,
  parseRational,
  rational,
  subtract,
  toNumber,
} from "./rational.js";

describe("rational", () => {
  it.each([
    ["1/3", 1n, 3n],
    ["-2/4", -1n, 2n],
    ["0.25", 1n, 4n],
    [".5", 1n, 2n],
    ["2.", 2n, 1n],
    ["1e-3", 1n, 1000n],
    ["2.5E+2", 250n, 1n],
    ["-0", 0n, 1n],
    ["+7", 7n, 1n],
    ["1.5e-1/3", 1n, 20n],
  ])("parses %s exactly", (text, n, d) => {
    expect(parseRational(text)).toEqual({ n, d });
  });
  it.each(["", "abc", "1/0", "1/-2", "--1", "1..2", "e5", ".", "1/"])("refuses %j", (text) => {
    expect(parseRational(text)).toBeNull();
  });
  it("normalises and refuses a zero denominator", () => {
    expect(rational(6n, -4n)).toEqual({ n: -3n, d: 2n });
    expect(() => rational(1n, 0n)).toThrow(/zero denominator/);
  });
  it("field operations agree with floating point", () => {
    const arb = fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }));
    fc.assert(
      fc.property(arb, arb, ([an, ad], [bn, bd]) => {
        const a = rational(BigInt(an), BigInt(ad));
        const b = rational(BigInt(bn), BigInt(bd));
        expect(toNumber(add(a, b))).toBeCloseTo(an / ad + bn / bd, 9);
        expect(toNumber(subtract(a, b))).toBeCloseTo(an / ad - bn / bd, 9);
        expect(toNumber(multiply(a, b))).toBeCloseTo((an / ad) * (bn / bd), 9);
        if (bn !== 0) expect(toNumber(divide(a, b))).toBeCloseTo(an / ad / (bn / bd), 9);
        expect(compare(a, b)).toBe(
          Math.sign(an / ad - bn / bd) || (an * bd === bn * ad ? 0 : Math.sign(an * bd - bn * ad)),
        );
      }),
      { seed: 3, numRuns: 500 },
    );
  });
  it("converts doubles exactly and formats like Gambit", () => {
    expect(fromNumber(0.375)).toEqual({ n: 3n, d: 8n });
    expect(toNumber(fromNumber(0.1))).toBe(0.1);
    expect(formatRational(rational(-1n, 3n))).toBe("-1/3");
    expect(formatRational(rational(4n, 2n))).toBe("2");
    expect(toNumber(rational(10n ** 400n + 1n, 3n * 10n ** 400n))).toBeCloseTo(1 / 3, 15);
  });
});

describe("nearestFraction", () => {
  it("recovers the fraction a double stands for, and the best approximation within the bound", () => {
    expect(nearestFraction(2 / 3, 1000)).toEqual({ n: 2n, d: 3n });
    expect(nearestFraction(1 / 7, 1_000_000)).toEqual({ n: 1n, d: 7n });
    expect(nearestFraction(-5 / 11, 100)).toEqual({ n: -5n, d: 11n });
    expect(nearestFraction(0.8, 2)).toEqual({ n: 1n, d: 1n });
    // π to denominators ≤ 1000 is 355/113 (the classic best approximation)
    expect(nearestFraction(Math.PI, 1000)).toEqual({ n: 355n, d: 113n });
    expect(nearestFraction(Math.PI, 100)).toEqual({ n: 311n, d: 99n });
    expect(() => nearestFraction(Number.NaN, 10)).toThrow(/not finite/);
  });
});
