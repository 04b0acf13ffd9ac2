import { describe, expect, it } from "vitest";
import { FakeExpressionRandom } from "../../test/support/fakeExpressionRandom.js";
import type { ExpressionRandom } from "./ExpressionRandom.js";
import { evaluateExpression } from "./evaluateExpression.js";
import { parseExpression } from "./parseExpression.js";

const values: Record<string, number> = { x: 3, y: -2, z: 0, h: 10, n: 5, nan: Number.NaN };

function run(text: string, rng: ExpressionRandom = new FakeExpressionRandom()): number {
  return evaluateExpression(
    parseExpression(text),
    (name) => {
      const value = values[name];
      if (value === undefined) throw new Error(`no value for ${name}`);
      return value;
    },
    rng,
  );
}

/** Returns a fixed value from every draw and records the call. */
class StubRandom implements ExpressionRandom {
  readonly calls: string[] = [];
  constructor(private readonly value = 7) {}
  private draw(method: string, args: readonly number[]): number {
    this.calls.push(`${method}(${args.join(", ")})`);
    return this.value;
  }
  uniform() {
    return this.draw("uniform", []);
  }
  poisson(mean: number) {
    return this.draw("poisson", [mean]);
  }
  bernoulli(p: number) {
    return this.draw("bernoulli", [p]);
  }
  normal(mean: number, sd: number) {
    return this.draw("normal", [mean, sd]);
  }
  lognormal(meanlog: number, sdlog: number) {
    return this.draw("lognormal", [meanlog, sdlog]);
  }
  powerlaw(xmin: number, alpha: number) {
    return this.draw("powerlaw", [xmin, alpha]);
  }
  severity(n: number, pmass: number, median: number, sigma: number, xmin: number, alpha: number) {
    return this.draw("severity", [n, pmass, median, sigma, xmin, alpha]);
  }
}

describe("evaluateExpression", () => {
  it.each([
    ["1 + 2 * 3", 7],
    ["x - y - 1", 4],
    ["12 / x / 2", 2],
    ["2 ^ 3 ^ 2", 512],
    ["(2 ^ 3) ^ 2", 64],
    ["-x ^ 2", -9],
    ["(-x) ^ 2", 9],
    ["2 ^ -1", 0.5],
    ["-2 ^ -2", -0.25],
    ["x * -y", 6],
    ["- - x", 3],
    ["1 / z", Number.POSITIVE_INFINITY],
    ["-1 / z", Number.NEGATIVE_INFINITY],
    ["z / z", Number.NaN],
    ["x < 4", 1],
    ["x < 3", 0],
    ["x <= 3", 1],
    ["x > y", 1],
    ["x >= 4", 0],
    ["x == 3", 1],
    ["x != 3", 0],
    ["nan == nan", 0],
    ["nan != nan", 1],
    ["nan < 1", 0],
    ["0.1 + 0.2 == 0.3", 0],
    ["x and y", 1],
    ["x and z", 0],
    ["z or y", 1],
    ["z or z", 0],
    ["not z", 1],
    ["not x", 0],
    ["not nan", 0],
    ["nan and 1", 1],
    ["x > 1 and y < 0 or z", 1],
    ["if(z, 1, 2)", 2],
    ["if(y, 1, 2)", 1],
    ["if(nan, 1, 2)", 1],
    ["min(x, y)", -2],
    ["min(x, y, -10, 4)", -10],
    ["max(x, y)", 3],
    ["max(x, y, 10, 4)", 10],
    ["max(x, nan)", Number.NaN],
    ["abs(y)", 2],
    ["exp(0)", 1],
    ["exp(1)", Math.E],
    ["log(1)", 0],
    ["log(-1)", Number.NaN],
    ["sqrt(9)", 3],
    ["floor(-2.5)", -3],
    ["ceil(-2.5)", -2],
    ["ceil(2.1)", 3],
    ["clamp(x, 0, 1)", 1],
    ["clamp(y, 0, 1)", 0],
    ["clamp(0.5, 0, 1)", 0.5],
    ["clamp(x, 5, 1)", 1],
    // one step of a Hawkes process: exp(-1/tau) H + n (1 - exp(-1/tau)) N
    ["hawkes(h, n, 0.5, 4)", Math.exp(-0.25) * 10 + 0.5 * (1 - Math.exp(-0.25)) * 5],
    ["hawkes(h, 0, 0.5, 1)", 10 / Math.E],
    ["hawkes(0, n, 0.5, 1e-300)", 2.5],
  ])("%s = %d", (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it("calls each random draw with its arguments, in source order", () => {
    const rng = new StubRandom(7);
    expect(
      run(
        "poisson(x) + bernoulli(0.5) + normal(1, 2) + lognormal(0, 1) + powerlaw(1, 2.5) + severity(n, 0.1, 2, 1.5, 10, 2.5)",
        rng,
      ),
    ).toBe(42);
    expect(rng.calls).toEqual([
      "poisson(3)",
      "bernoulli(0.5)",
      "normal(1, 2)",
      "lognormal(0, 1)",
      "powerlaw(1, 2.5)",
      "severity(5, 0.1, 2, 1.5, 10, 2.5)",
    ]);
  });

  it("evaluates only the chosen branch of if, and short-circuits and/or", () => {
    const cases: [string, string[]][] = [
      ["if(1, 2, poisson(3))", []],
      ["if(0, poisson(1), bernoulli(0.5))", ["bernoulli(0.5)"]],
      ["if(poisson(1), normal(0, 1), 2)", ["poisson(1)", "normal(0, 1)"]],
      ["z and poisson(1)", []],
      ["x and poisson(1)", ["poisson(1)"]],
      ["x or poisson(1)", []],
      ["z or poisson(1)", ["poisson(1)"]],
      ["min(poisson(1), poisson(2), poisson(3))", ["poisson(1)", "poisson(2)", "poisson(3)"]],
      ["poisson(1) - poisson(2) ^ poisson(3)", ["poisson(1)", "poisson(2)", "poisson(3)"]],
      ["clamp(poisson(1), poisson(2), poisson(3))", ["poisson(1)", "poisson(2)", "poisson(3)"]],
      [
        "hawkes(poisson(1), poisson(2), min(0.5, poisson(3)), 4)",
        ["poisson(1)", "poisson(2)", "poisson(3)"],
      ],
    ];
    for (const [text, calls] of cases) {
      const rng = new StubRandom(1);
      run(text, rng);
      expect(rng.calls, text).toEqual(calls);
    }
  });

  it("looks names up only when they are evaluated", () => {
    const asked: string[] = [];
    const lookup = (name: string) => {
      asked.push(name);
      return name === "a" ? 0 : 1;
    };
    evaluateExpression(
      parseExpression("if(a, b, c) + (a and d) + (b or e)"),
      lookup,
      new StubRandom(),
    );
    expect(asked).toEqual(["a", "c", "a", "b"]);
  });

  it("refuses unknown functions and wrong arities rather than guessing", () => {
    expect(() => run("nope(1)")).toThrow(/cannot evaluate a call of nope with 1 arguments/);
    expect(() => run("clamp(1, 2)")).toThrow(/cannot evaluate a call of clamp/);
    expect(() => run("constructor(1)")).toThrow(/cannot evaluate a call of constructor/);
  });
});
