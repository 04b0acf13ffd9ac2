import { describe, expect, it } from "vitest";
import { sExpression } from "../../test/support/sExpression.js";
import type { Expression } from "./Expression.js";
import { ExpressionError } from "./ExpressionError.js";
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, parseExpression } from "./parseExpression.js";

function syntaxError(text: string): ExpressionError {
  try {
    parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

/** Every node's [start, end) must lie inside its parent's and cover its children. */
function checkSpans(node: Expression, text: string, outer = { start: 0, end: text.length }) {
  expect(node.start).toBeGreaterThanOrEqual(outer.start);
  expect(node.end).toBeLessThanOrEqual(outer.end);
  expect(node.start).toBeLessThan(node.end);
  const children =
    node.kind === "unary"
      ? [node.operand]
      : node.kind === "binary"
        ? [node.left, node.right]
        : node.kind === "call"
          ? node.args
          : [];
  for (const child of children) checkSpans(child, text, node);
}

describe("parseExpression", () => {
  it.each([
    ["1 + 2 * 3", "(+ 1 (* 2 3))"],
    ["1 * 2 + 3", "(+ (* 1 2) 3)"],
    ["a - b - c", "(- (- a b) c)"],
    ["a - b + c", "(+ (- a b) c)"],
    ["a / b / c", "(/ (/ a b) c)"],
    ["a / b * c", "(* (/ a b) c)"],
    ["2 ^ 3 ^ 2", "(^ 2 (^ 3 2))"],
    ["-x ^ 2", "(neg (^ x 2))"],
    ["-x * y", "(* (neg x) y)"],
    ["2 ^ -x", "(^ 2 (neg x))"],
    ["-2 ^ -3 ^ 2", "(neg (^ 2 (neg (^ 3 2))))"],
    ["a * -b", "(* a (neg b))"],
    ["- - a", "(neg (neg a))"],
    ["a * b ^ c", "(* a (^ b c))"],
    ["(a + b) * c", "(* (+ a b) c)"],
    ["(a ^ b) ^ c", "(^ (^ a b) c)"],
    ["a + b < c * d", "(< (+ a b) (* c d))"],
    ["a <= b", "(<= a b)"],
    ["a >= -b", "(>= a (neg b))"],
    ["a == b", "(== a b)"],
    ["a != b", "(!= a b)"],
    ["a > b", "(> a b)"],
    ["a or b and c", "(or a (and b c))"],
    ["a and b or c", "(or (and a b) c)"],
    ["a and b and c", "(and (and a b) c)"],
    ["a or b or c", "(or (or a b) c)"],
    ["not a and b", "(and (not a) b)"],
    ["not a < b", "(not (< a b))"],
    ["not not a", "(not (not a))"],
    ["a < b and c >= d or not e == f", "(or (and (< a b) (>= c d)) (not (== e f)))"],
    ["(a < b) < c", "(< (< a b) c)"],
    ["-(a + b)", "(neg (+ a b))"],
    ["min(a, b + 1, -c)", "(min a (+ b 1) (neg c))"],
    ["if(a != b, x, y)", "(if (!= a b) x y)"],
    ["f()", "(f)"],
    ["exp (x)", "(exp x)"],
    ["max(a, not b)", "(max a (not b))"],
    [
      "I * (1 + r * (1 - I / Imax) - aK * K + recx * x)",
      "(* I (+ (- (+ 1 (* r (- 1 (/ I Imax)))) (* aK K)) (* recx x)))",
    ],
    ["andx + or_ + _not1", "(+ (+ andx or_) _not1)"],
  ])("%s parses as %s", (text, shape) => {
    const ast = parseExpression(text);
    expect(sExpression(ast)).toBe(shape);
    checkSpans(ast, text);
  });

  it.each([
    ["1", 1],
    ["0.5", 0.5],
    [".5", 0.5],
    ["2.", 2],
    ["1e-3", 0.001],
    ["1E+2", 100],
    ["2.5e3", 2500],
    ["007", 7],
    ["0.1", 0.1],
    ["1.7976931348623157e308", Number.MAX_VALUE],
    ["5e-324", Number.MIN_VALUE],
  ])("reads the number %s", (text, value) => {
    expect(parseExpression(text)).toEqual({ kind: "number", value, start: 0, end: text.length });
  });

  it("records source offsets, including parentheses in a group's span", () => {
    const text = "I * (1 + r)";
    const ast = parseExpression(text);
    expect(ast).toMatchObject({ kind: "binary", op: "*", start: 0, end: 11 });
    if (ast.kind !== "binary") throw new Error("binary expected");
    expect(ast.left).toEqual({ kind: "name", name: "I", start: 0, end: 1 });
    expect(ast.right).toMatchObject({ kind: "binary", op: "+", start: 4, end: 11 });
    const call = parseExpression("  min( a ,b )");
    expect(call).toMatchObject({ kind: "call", callee: "min", start: 2, end: 13 });
    expect(parseExpression("-x").start).toBe(0);
    expect(parseExpression("not\n  x")).toMatchObject({ start: 0, end: 7 });
  });

  it("accepts newlines and tabs between tokens", () => {
    expect(sExpression(parseExpression("a *\n\t(b\n+ c)\n"))).toBe("(* a (+ b c))");
  });

  it.each([
    ["min(a, b", 'expected ")" after the arguments of min, found end of expression', 8, 0],
    ["min(a b)", 'expected "," or ")" after an argument of min, found "b"', 6, 1],
    ["min(a,)", 'expected a number, a name or "(", found ")"', 6, 1],
    ["(a + b", 'expected ")" to close "(", found end of expression', 6, 0],
    ["((a + b) * c", 'expected ")" to close "(", found end of expression', 12, 0],
    ["(a + b,", 'expected ")" to close "(", found ","', 6, 1],
    ["a + b)", 'unexpected ")" with no matching "("', 5, 1],
    ["a b", 'expected an operator or the end of the expression, found "b"', 2, 1],
    ["f(x) y", 'expected an operator or the end of the expression, found "y"', 5, 1],
    ["1 2", 'expected an operator or the end of the expression, found "2"', 2, 1],
    ["", 'expected a number, a name or "(", found end of expression', 0, 0],
    ["   ", 'expected a number, a name or "(", found end of expression', 3, 0],
    ["a +", 'expected a number, a name or "(", found end of expression', 3, 0],
    ["a * * b", 'expected a number, a name or "(", found "*"', 4, 1],
    ["()", 'expected a number, a name or "(", found ")"', 1, 1],
    ["a and", 'expected a number, a name or "(", found end of expression', 5, 0],
    ["a < b < c", "comparisons cannot be chained", 6, 1],
    ["a == b != c", "comparisons cannot be chained", 7, 2],
    ["a = b", 'unexpected "=": use "==" to compare', 2, 1],
    ["a && b", 'unexpected "&&": use "and"', 2, 2],
    ["a || b", 'unexpected "||": use "or"', 2, 2],
    ["!a", 'unexpected "!": use "not" or "!="', 0, 1],
    ["a ** b", 'unexpected "**": use "^" for powers', 2, 2],
    ["x $ y", 'unexpected character "$"', 2, 1],
    ["x + λ", 'unexpected character "λ"', 4, 1],
    ["x + 😀", 'unexpected character "😀"', 4, 2],
    ["x.y", 'unexpected character "."', 1, 1],
    ["2x", 'malformed number "2x"; write "2 * x" for a product', 0, 2],
    ["1 + 1e", 'malformed number "1e"', 4, 2],
    ["1.2.3", 'malformed number "1.2.3"', 0, 5],
    ["1e999", 'number "1e999" is too large', 0, 5],
    ["1 + not x", '"not" binds more loosely than arithmetic and comparisons', 4, 3],
  ])("rejects %j: %s at %i+%i", (text, message, offset, length) => {
    const error = syntaxError(text);
    expect(error.message).toContain(message);
    expect([error.offset, error.length]).toEqual([offset, length]);
    expect(error.name).toBe("ExpressionError");
    expect(error.definition).toBeUndefined();
  });

  it("refuses nesting deeper than MAX_EXPRESSION_DEPTH instead of overflowing the stack", () => {
    const n = MAX_EXPRESSION_DEPTH + 50;
    const parens = syntaxError(`${"(".repeat(n)}x${")".repeat(n)}`);
    expect(parens.message).toMatch(/nested more than 100 levels/);
    expect(parens.offset).toBe(MAX_EXPRESSION_DEPTH);
    expect(syntaxError(`${"-".repeat(9_000)}x`).message).toMatch(/nested/);
    expect(syntaxError(`x${"+x".repeat(4_000)}`).message).toMatch(/nested/);
    expect(syntaxError(`${"2^".repeat(4_000)}2`).message).toMatch(/nested/);
    expect(syntaxError(`${"f(".repeat(n)}${")".repeat(n)}`).message).toMatch(/nested/);
    expect(() => parseExpression(`x${"+x".repeat(MAX_EXPRESSION_DEPTH - 1)}`)).not.toThrow();
  });
});

describe("expression length", () => {
  it("refuses a text longer than MAX_EXPRESSION_LENGTH, pointing at the limit", () => {
    const long = Array.from({ length: 4000 }, () => "1").join("+");
    expect(long.length).toBeGreaterThan(MAX_EXPRESSION_LENGTH - 3000);
    const tooLong = `${long}+${long}+${long}`;
    expect(() => parseExpression(tooLong)).toThrow(/more than 10,000; split it/);
    expect(parseExpression("1+2").kind).toBe("binary");
  });
});
