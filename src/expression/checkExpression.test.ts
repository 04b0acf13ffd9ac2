import { describe, expect, it } from "vitest";
import { checkExpression } from "./checkExpression.js";
import { ExpressionError } from "./ExpressionError.js";
import { parseExpression } from "./parseExpression.js";

const names = new Set(["I", "Imax", "r", "aK", "K", "recx", "x", "t", "H", "N", "nH", "tau"]);

function check(text: string) {
  return checkExpression(parseExpression(text), { names });
}

function checkError(text: string): ExpressionError {
  try {
    check(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected a check error for ${JSON.stringify(text)}`);
}

describe("checkExpression", () => {
  it("lists the distinct names referenced, in order of first appearance", () => {
    expect(check("I * (1 + r * (1 - I / Imax) - aK * K + recx * x)")).toEqual({
      references: ["I", "r", "Imax", "aK", "K", "recx", "x"],
      random: false,
    });
    expect(check("1 + 2")).toEqual({ references: [], random: false });
  });

  it.each([
    ["poisson(I)", true],
    ["if(t > 3, 0, bernoulli(0.5))", true],
    ["1 + severity(poisson(x), 0.1, 2, 1, 10, 2.5)", true],
    ["normal(0, 1) + lognormal(0, 1) + powerlaw(1, 2)", true],
    ["hawkes(H, N, nH, tau) + min(x, 1)", false],
    ["hawkes(H, poisson(x), nH, tau)", true],
  ])("%s is random: %s", (text, random) => {
    expect(check(text).random).toBe(random);
  });

  it.each([
    ["I * Imx", 'unknown name "Imx"; did you mean "Imax"?', 4, 3],
    ["i + 1", 'unknown name "i"; did you mean "I"?', 0, 1],
    ["Im * 2", 'unknown name "Im"; did you mean "I" or "Imax"?', 0, 2],
    ["reccx + 1", 'unknown name "reccx"; did you mean "recx"?', 0, 5],
    ["zzzzzz", 'unknown name "zzzzzz"', 0, 6],
    ["2 * exp", 'unknown name "exp"; exp is a function: call it as exp(…)', 4, 3],
    ["foo(x)", 'unknown function "foo"; the functions are if, min, max, abs', 0, 3],
    ["mx(x, I)", 'unknown function "mx"; did you mean "max"?', 0, 2],
    ["1 + Poisson(x)", 'unknown function "Poisson"; did you mean "poisson"?', 4, 7],
    ["I(2)", 'unknown function "I"; "I" is a name, not a function', 0, 1],
    ["clamp(x, 0)", "clamp takes 3 arguments, found 2", 0, 11],
    ["1 + if(x, 1)", "if takes 3 arguments, found 2", 4, 8],
    ["min(x)", "min takes at least 2 arguments, found 1", 0, 6],
    ["max()", "max takes at least 2 arguments, found 0", 0, 5],
    ["abs(x, x)", "abs takes 1 argument, found 2", 0, 9],
    ["severity(1, 2, 3)", "severity takes 6 arguments, found 3", 0, 17],
    ["hawkes(H, N, nH)", "hawkes takes 4 arguments, found 3", 0, 16],
    ["x / 0", "division by zero", 4, 1],
    ["x / 0.0", "division by zero", 4, 3],
    ["x / (0)", "division by zero", 4, 3],
    ["1 + x / 0e5 * 2", "division by zero", 8, 3],
    ["hawkes(H, N, nH, poisson(tau))", "the decay time tau of hawkes must not draw", 17, 12],
    ["zz + foo(1)", 'unknown name "zz"', 0, 2],
    ["min(clamp(x), zz)", "clamp takes 3 arguments, found 1", 4, 8],
    ["max(x, clamp(x), zz)", "clamp takes 3 arguments, found 1", 7, 8],
  ])("rejects %j: %s at %i+%i", (text, message, offset, length) => {
    const error = checkError(text);
    expect(error.message).toContain(message);
    expect([error.offset, error.length]).toEqual([offset, length]);
  });

  it("leaves computed zero divisors to run time", () => {
    expect(() => check("x / (1 - 1) + x / -0 + 0 / x")).not.toThrow();
  });

  it("refuses a node of unknown kind", () => {
    const forged = { kind: "eval", start: 0, end: 1 } as unknown as ReturnType<
      typeof parseExpression
    >;
    expect(() => checkExpression(forged, { names })).toThrow(/unknown expression node "eval"/);
  });
});
