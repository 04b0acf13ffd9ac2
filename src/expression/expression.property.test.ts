import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FakeExpressionRandom } from "../../test/support/fakeExpressionRandom.js";
import { sExpression } from "../../test/support/sExpression.js";
import { LinkageError } from "../errors/LinkageError.js";
import { compileExpressions } from "./compileExpressions.js";
import type { BinaryOperator, Expression } from "./Expression.js";
import { evaluateExpression } from "./evaluateExpression.js";
import { expressionBuiltins } from "./expressionBuiltins.js";
import { parseExpression } from "./parseExpression.js";

const NAMES = ["a", "b", "c", "d"] as const;
const BINARY: readonly BinaryOperator[] = [
  "+",
  "-",
  "*",
  "/",
  "^",
  "<",
  "<=",
  ">",
  ">=",
  "==",
  "!=",
  "and",
  "or",
];
const at = { start: 0, end: 0 };

const numberArb = fc.oneof(
  fc.constantFrom(0, 1, 2, 0.5, 3, 10, 1e-3, 0.1, 1e21, 5e-324),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map(Math.abs),
);

/**
 * Random trees over a few names using every operator and built-in, weighted towards inner
 * nodes so that trees are big enough for draws to sit under lazy operators; random draws
 * only when `withRandom`.
 */
function expressionArb(withRandom: boolean): fc.Arbitrary<Expression> {
  const pick = (random: boolean) => [...expressionBuiltins].filter(([, b]) => b.random === random);
  return fc.letrec<{ node: Expression }>((tie) => {
    const node = tie("node");
    const call = (builtins: ReturnType<typeof pick>) =>
      fc.constantFrom(...builtins).chain(([callee, b]) =>
        fc
          .array(node, { minLength: b.minArgs, maxLength: Math.min(b.maxArgs, b.minArgs + 2) })
          .chain((args) =>
            // hawkes reads tau twice in compiled code, so tau must not draw.
            callee === "hawkes"
              ? pureArb.map((tau) => [...args.slice(0, 3), tau])
              : fc.constant(args),
          )
          .map((args): Expression => ({ kind: "call", callee, args, ...at })),
      );
    const choices = [
      {
        weight: 2,
        arbitrary: numberArb.map((value): Expression => ({ kind: "number", value, ...at })),
      },
      {
        weight: 2,
        arbitrary: fc
          .constantFrom(...NAMES)
          .map((name): Expression => ({ kind: "name", name, ...at })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom("-" as const, "not" as const), node)
          .map(([op, operand]): Expression => ({ kind: "unary", op, operand, ...at })),
      },
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom(...BINARY), node, node)
          .map(([op, left, right]): Expression => ({ kind: "binary", op, left, right, ...at })),
      },
      { weight: 2, arbitrary: call(pick(false)) },
      ...(withRandom ? [{ weight: 2, arbitrary: call(pick(true)) }] : []),
    ];
    return {
      node: fc.oneof(
        { maxDepth: 6, depthSize: "small", depthIdentifier: withRandom ? "expr" : "pure" },
        ...choices,
      ),
    };
  }).node;
}
const pureArb: fc.Arbitrary<Expression> = expressionArb(false);
const anyArb = expressionArb(true);

/** Fully parenthesised source text for a tree. */
function print(ast: Expression): string {
  switch (ast.kind) {
    case "number":
      return String(ast.value);
    case "name":
      return ast.name;
    case "unary":
      return ast.op === "-" ? `(-${print(ast.operand)})` : `(not ${print(ast.operand)})`;
    case "binary":
      return `(${print(ast.left)} ${ast.op} ${print(ast.right)})`;
    case "call":
      return `${ast.callee}(${ast.args.map(print).join(", ")})`;
  }
}

const valueArb = fc.oneof(
  fc.double(),
  fc.constantFrom(0, 1, -1, 0.5, 2, Number.NaN, Number.POSITIVE_INFINITY),
);

const ALLOWED = new Set([
  "v",
  "rng",
  "Math",
  "hawkesStep",
  ...["exp", "log", "sqrt", "abs", "floor", "ceil", "min", "max"],
  ...["poisson", "bernoulli", "normal", "lognormal", "powerlaw", "severity"],
]);

describe("expression properties", () => {
  it("parses the printed form of any tree back to the same tree", () => {
    fc.assert(
      fc.property(anyArb, (ast) => {
        expect(sExpression(parseExpression(print(ast)))).toBe(sExpression(ast));
      }),
      { seed: 20240601, numRuns: 500 },
    );
  });

  it("compiled code equals the interpreter, value for value and draw for draw", () => {
    const slots = new Map<string, number>([...NAMES.map((n, i) => [n, i] as const), ["out", 4]]);
    fc.assert(
      fc.property(
        anyArb,
        fc.tuple(valueArb, valueArb, valueArb, valueArb),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (ast, values, seed) => {
          const step = compileExpressions([{ name: "out", ast }], slots);
          const v = Float64Array.from([...values, 0]);
          const rngCompiled = new FakeExpressionRandom(seed);
          const rngInterpreted = new FakeExpressionRandom(seed);
          // a refused argument (hawkes with n ≥ 1) must be refused by both, with the same message
          const outcome = (run: () => number): number | string => {
            try {
              return run();
            } catch (error) {
              if (!(error instanceof LinkageError)) throw error;
              return error.message;
            }
          };
          const compiled = outcome(() => {
            step(v, rngCompiled);
            return v[4]!;
          });
          const expected = outcome(() =>
            evaluateExpression(ast, (name) => values[slots.get(name)!]!, rngInterpreted),
          );
          // Object.is: NaN equals NaN, and −0 must stay −0.
          expect(Object.is(compiled, expected), `${print(ast)}: ${compiled} vs ${expected}`).toBe(
            true,
          );
          expect(rngCompiled.calls).toEqual(rngInterpreted.calls);
        },
      ),
      { seed: 7, numRuns: 2000 },
    );
  });

  it("generated source uses no identifier but v, rng, Math and the allowed methods", () => {
    const programArb = fc.array(anyArb, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(programArb, (asts) => {
        const defs = asts.map((ast, i) => ({ name: NAMES[i % NAMES.length]!, ast }));
        const slots = new Map(NAMES.map((n, i) => [n, i * 7]));
        const { source } = compileExpressions(defs, slots);
        expect(source).not.toMatch(/[`'"{}\\]|=>|\bfunction\b/);
        expect(source).toMatch(/^[\sv[\]\d.e+\-*/()<>=!&|?:,;A-Za-z]*$/);
        const withoutNumbers = source.replace(/(?<![\w$.])\d+(?:\.\d+)?(?:e[+-]?\d+)?/g, " ");
        for (const identifier of withoutNumbers.match(/[A-Za-z_$][\w$]*/g) ?? []) {
          expect(ALLOWED, `${identifier} in ${source}`).toContain(identifier);
        }
        for (const line of source.split("\n").filter((l) => l !== "")) {
          expect(line).toMatch(/^v\[\d+\] = .*;$/);
        }
      }),
      { seed: 99, numRuns: 500 },
    );
  });
});
