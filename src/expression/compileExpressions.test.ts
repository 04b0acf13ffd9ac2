import { describe, expect, it } from "vitest";
import { FakeExpressionRandom } from "../../test/support/fakeExpressionRandom.js";
import { compileExpressions } from "./compileExpressions.js";
import type { Expression } from "./Expression.js";
import { ExpressionError } from "./ExpressionError.js";
import { evaluateExpression } from "./evaluateExpression.js";
import { parseExpression } from "./parseExpression.js";

const NAMES = ["x", "y", "z", "out"] as const;
const slots = new Map<string, number>(NAMES.map((name, i) => [name, i]));

/** Compiles `out = text` and runs it on x = 3, y = −2, z = 0. */
function compiled(text: string, rng = new FakeExpressionRandom(9)): number {
  const step = compileExpressions([{ name: "out", ast: parseExpression(text) }], slots);
  const v = Float64Array.of(3, -2, 0, Number.NaN);
  step(v, rng);
  return v[3]!;
}

function interpreted(text: string, rng = new FakeExpressionRandom(9)): number {
  const v = [3, -2, 0];
  return evaluateExpression(parseExpression(text), (name) => v[slots.get(name)!]!, rng);
}

function compileError(ast: Expression, map: ReadonlyMap<string, number> = slots): ExpressionError {
  try {
    compileExpressions([{ name: "out", ast }], map);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error("expected a compile error");
}

const forge = (node: unknown) => node as Expression;

describe("compileExpressions", () => {
  it("generates one function over slot reads and writes", () => {
    const step = compileExpressions(
      [{ name: "I_next", ast: parseExpression("I * (1 + r * (1 - I / Imax))") }],
      new Map([
        ["I", 0],
        ["r", 1],
        ["Imax", 2],
        ["I_next", 3],
      ]),
    );
    expect(step.source).toBe("v[3] = (v[0] * (1 + (v[1] * (1 - (v[0] / v[2])))));\n");
    expect(step.minLength).toBe(4);
    const v = Float64Array.of(100, 0.1, 200, 0);
    step(v, new FakeExpressionRandom());
    expect(v[3]).toBe(105);
    expect(Array.from(v.subarray(0, 3))).toEqual([100, 0.1, 200]);
  });

  it("writes definitions in order, later ones reading the new values of earlier ones", () => {
    const map = new Map([
      ["I", 0],
      ["Kcap", 1],
      ["I_next", 2],
      ["t", 3],
    ]);
    const step = compileExpressions(
      [
        { name: "Kcap", ast: parseExpression("2 * t") },
        { name: "I_next", ast: parseExpression("I - Kcap") },
      ],
      map,
    );
    const v = Float64Array.of(10, -1, 0, 3);
    step(v, new FakeExpressionRandom());
    expect(Array.from(v)).toEqual([10, 6, 4, 3]);
    // Without double-buffering, a definition overwriting a name that others read changes them.
    const inPlace = compileExpressions(
      [
        { name: "I", ast: parseExpression("I + 1") },
        { name: "Kcap", ast: parseExpression("I") },
      ],
      map,
    );
    const w = Float64Array.of(10, 0, 0, 0);
    inPlace(w, new FakeExpressionRandom());
    expect(w[1]).toBe(11);
  });

  it.each([
    "1 + 2 * 3",
    "2 ^ 3 ^ 2",
    "-x ^ 2",
    "-2 ^ -2",
    "- - x",
    "x - -y",
    "x / z",
    "z / z",
    "x < 4",
    "x <= 3",
    "x > y",
    "x >= 4",
    "x == 3",
    "x != 3",
    "x and y",
    "x and z",
    "z or y",
    "z or z",
    "not z",
    "not not x",
    "if(z, 1, 2)",
    "if(y, 1, 2)",
    "min(x, y)",
    "min(x, y, -10, 4)",
    "max(x, y, 10, 4)",
    "abs(y)",
    "exp(x)",
    "log(x)",
    "log(y)",
    "sqrt(x)",
    "floor(-2.5)",
    "ceil(-2.5)",
    "clamp(x, 0, 1)",
    "clamp(y, 0, 1)",
    "clamp(x, 5, 1)",
    "hawkes(x, y, 0.5, 4)",
    "hawkes(poisson(x), poisson(2), 0.5 * bernoulli(0.3), 1.5 + x)",
    "poisson(x) + bernoulli(0.5) + normal(1, 2) + lognormal(0, 1) + powerlaw(1, 2.5)",
    "severity(poisson(x), 0.1, 2, 1.5, 10, 2.5)",
    "0.1 + 0.2",
    "1e21 * 5e-324 + 1.7976931348623157e308",
  ])("agrees with the interpreter on %s", (text) => {
    const rng1 = new FakeExpressionRandom(4);
    const rng2 = new FakeExpressionRandom(4);
    expect(Object.is(compiled(text, rng1), interpreted(text, rng2))).toBe(true);
    expect(rng1.calls).toEqual(rng2.calls);
  });

  it("is lazy where the language is: untaken branches draw nothing", () => {
    for (const [text, draws] of [
      ["if(1, 2, poisson(3))", []],
      ["if(0, poisson(3), 2)", []],
      ["if(x > 1, normal(0, 1), poisson(3) + bernoulli(1))", ["normal"]],
      ["z and poisson(1)", []],
      ["x or poisson(1)", []],
      ["z or poisson(1)", ["poisson"]],
    ] as const) {
      const rng = new FakeExpressionRandom();
      compiled(text, rng);
      expect(rng.methods(), text).toEqual(draws);
    }
  });

  it("writes literals with full precision: negatives and −0 in parentheses", () => {
    for (const value of [0.1, 1 / 3, 1e21, 5e-324, Number.MAX_VALUE, 123456789.125, 2 ** 53 + 2]) {
      const step = compileExpressions(
        [{ name: "out", ast: parseExpression(String(value)) }],
        slots,
      );
      const v = new Float64Array(4);
      step(v, new FakeExpressionRandom());
      expect(v[3]).toBe(value);
    }
    const negative = compileExpressions(
      [
        { name: "x", ast: forge({ kind: "number", value: -2.5, start: 0, end: 1 }) },
        { name: "y", ast: forge({ kind: "number", value: -0, start: 0, end: 1 }) },
        {
          name: "z",
          ast: forge({
            kind: "binary",
            op: "-",
            left: { kind: "number", value: 1, start: 0, end: 1 },
            right: { kind: "number", value: -1, start: 0, end: 1 },
            start: 0,
            end: 1,
          }),
        },
      ],
      slots,
    );
    expect(negative.source).toBe("v[0] = (-2.5);\nv[1] = (-0);\nv[2] = (1 - (-1));\n");
    const v = new Float64Array(4);
    negative(v, new FakeExpressionRandom());
    expect([v[0], Object.is(v[1], -0), v[2]]).toEqual([-2.5, true, 2]);
  });

  it("never copies text from the tree into the source", () => {
    const evil = "x]; globalThis.pwned = 1; v[";
    const step = compileExpressions(
      [{ name: evil, ast: forge({ kind: "name", name: evil, start: 0, end: 1 }) }],
      new Map([[evil, 0]]),
    );
    expect(step.source).toBe("v[0] = v[0];\n");
  });

  it.each([
    [
      "an unknown node kind",
      forge({ kind: "eval", start: 0, end: 3 }),
      /unknown kind of expression node/,
      0,
      3,
    ],
    [
      "an unknown operator",
      forge({
        kind: "binary",
        op: "%",
        left: parseExpression("x"),
        right: parseExpression("y"),
        start: 0,
        end: 5,
      }),
      /unknown kind of expression node/,
      0,
      5,
    ],
    [
      "an unknown unary operator",
      forge({ kind: "unary", op: "typeof", operand: parseExpression("x"), start: 0, end: 8 }),
      /unknown kind of expression node/,
      0,
      8,
    ],
    ["an unknown function", parseExpression("1 + nope(x)"), /unknown function/, 4, 4],
    ["a prototype key as function", parseExpression("constructor(x)"), /unknown function/, 0, 11],
    ["a __proto__ function", parseExpression("__proto__(x)"), /unknown function/, 0, 9],
    ["a wrong arity", parseExpression("clamp(x, 1)"), /clamp with 2 arguments/, 0, 11],
    ["a name without a slot", parseExpression("x + w"), /no slot for the name "w"/, 4, 1],
    [
      "a non-finite literal",
      forge({ kind: "number", value: Number.POSITIVE_INFINITY, start: 0, end: 3 }),
      /non-finite/,
      0,
      3,
    ],
    [
      "a non-number literal",
      forge({ kind: "number", value: "alert(1)", start: 0, end: 3 }),
      /non-finite/,
      0,
      3,
    ],
    [
      "a random hawkes tau",
      parseExpression("hawkes(x, y, z, poisson(1))"),
      /tau of hawkes/,
      16,
      10,
    ],
  ])("refuses %s", (_, ast, message, offset, length) => {
    const error = compileError(ast);
    expect(error.message).toMatch(message);
    expect([error.offset, error.length, error.definition]).toEqual([offset, length, "out"]);
  });

  it("refuses slots that are not non-negative integers, and a target without a slot", () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60]) {
      expect(
        compileError(
          parseExpression("x"),
          new Map([
            ["x", bad],
            ["out", 0],
          ]),
        ).message,
      ).toMatch(/no slot for the name "x"/);
    }
    expect(compileError(parseExpression("x"), new Map([["x", 0]])).message).toMatch(
      /no slot for the name "out"/,
    );
  });

  it("compiles an empty step to a function that does nothing", () => {
    const step = compileExpressions([], slots);
    expect(step.source).toBe("");
    expect(step.minLength).toBe(0);
    expect(() => step(new Float64Array(0), new FakeExpressionRandom())).not.toThrow();
  });
});
