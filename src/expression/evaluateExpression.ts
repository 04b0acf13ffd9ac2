import type { CallExpression, Expression } from "./Expression.js";
import { ExpressionError } from "./ExpressionError.js";
import type { ExpressionRandom } from "./ExpressionRandom.js";
import { expressionBuiltins } from "./expressionBuiltins.js";
import { hawkesStep } from "./hawkesStep.js";

const truth = (x: number): number => (x !== 0 ? 1 : 0);

/**
 * Evaluates an expression by walking its tree: the reference semantics that
 * {@link compileExpressions} must reproduce exactly, and a fallback where generating code is
 * not possible.
 *
 * Semantics (IEEE 754 doubles throughout, as JavaScript numbers):
 * - `+ - * /` and unary `-` as in JavaScript (`x / 0` is ±Infinity, `0 / 0` is NaN);
 *   `a ^ b` is `a ** b` (`Math.pow`);
 * - comparisons give 1 or 0 (`==` is exact equality; any comparison with NaN is 0 except `!=`);
 * - truth: a value is true when it is not 0 (so NaN counts as true); `not x` is 1 when x = 0;
 *   `a and b`, `a or b` give 1 or 0 and short-circuit: `b` is evaluated only if needed;
 * - `if(c, a, b)` evaluates `c` and then only the chosen branch;
 * - everything else evaluates its operands left to right, so random draws happen in source
 *   order; `lookup` is called once per name occurrence that is evaluated;
 * - built-ins as in {@link expressionBuiltins}; `clamp(x, lo, hi)` = min(max(x, lo), hi) (so
 *   `hi` wins when lo > hi); `hawkes(H, N, n, tau)` = d·H + N·(n·(1 − d)) with d = exp(−1/tau).
 *
 * @param lookup - value of a name; called only for names the evaluation reaches
 * @param rng - source of the random draws
 * @throws {ExpressionError} on a call to an unknown function or with a wrong number of
 *   arguments, or a node of unknown kind (which {@link checkExpression} rules out)
 * @example
 * evaluateExpression(parseExpression("if(x > 1, 2 ^ 3 ^ 2, -x^2)"), () => 3, rng) // => 512
 */
export function evaluateExpression(
  ast: Expression,
  lookup: (name: string) => number,
  rng: ExpressionRandom,
): number {
  const evaluate = (node: Expression): number => {
    switch (node.kind) {
      case "number":
        return node.value;
      case "name":
        return lookup(node.name);
      case "unary": {
        const x = evaluate(node.operand);
        if (node.op === "-") return -x;
        if (node.op === "not") return x === 0 ? 1 : 0;
        break;
      }
      case "binary": {
        const a = evaluate(node.left);
        switch (node.op) {
          case "and":
            return a !== 0 ? truth(evaluate(node.right)) : 0;
          case "or":
            return a !== 0 ? 1 : truth(evaluate(node.right));
        }
        const b = evaluate(node.right);
        switch (node.op) {
          case "+":
            return a + b;
          case "-":
            return a - b;
          case "*":
            return a * b;
          case "/":
            return a / b;
          case "^":
            return a ** b;
          case "<":
            return a < b ? 1 : 0;
          case "<=":
            return a <= b ? 1 : 0;
          case ">":
            return a > b ? 1 : 0;
          case ">=":
            return a >= b ? 1 : 0;
          case "==":
            return a === b ? 1 : 0;
          case "!=":
            return a !== b ? 1 : 0;
        }
        break;
      }
      case "call":
        return call(node, evaluate, rng);
    }
    throw new ExpressionError(
      "cannot evaluate an unknown kind of expression node",
      node.start,
      node.end - node.start,
    );
  };
  return evaluate(ast);
}

function call(
  node: CallExpression,
  evaluate: (node: Expression) => number,
  rng: ExpressionRandom,
): number {
  const builtin = expressionBuiltins.get(node.callee);
  const args = node.args;
  if (builtin === undefined || args.length < builtin.minArgs || args.length > builtin.maxArgs) {
    throw new ExpressionError(
      `cannot evaluate a call of ${node.callee} with ${args.length} arguments`,
      node.start,
      node.end - node.start,
    );
  }
  // `if` is the one lazy function: only the chosen branch runs.
  if (node.callee === "if")
    return evaluate(args[0]!) !== 0 ? evaluate(args[1]!) : evaluate(args[2]!);
  const x = args.map(evaluate);
  switch (node.callee) {
    case "min":
      return Math.min(...x);
    case "max":
      return Math.max(...x);
    case "abs":
      return Math.abs(x[0]!);
    case "exp":
      return Math.exp(x[0]!);
    case "log":
      return Math.log(x[0]!);
    case "sqrt":
      return Math.sqrt(x[0]!);
    case "floor":
      return Math.floor(x[0]!);
    case "ceil":
      return Math.ceil(x[0]!);
    case "clamp":
      return Math.min(Math.max(x[0]!, x[1]!), x[2]!);
    case "poisson":
      return rng.poisson(x[0]!);
    case "bernoulli":
      return rng.bernoulli(x[0]!);
    case "normal":
      return rng.normal(x[0]!, x[1]!);
    case "lognormal":
      return rng.lognormal(x[0]!, x[1]!);
    case "powerlaw":
      return rng.powerlaw(x[0]!, x[1]!);
    case "severity":
      return rng.severity(x[0]!, x[1]!, x[2]!, x[3]!, x[4]!, x[5]!);
    case "hawkes":
      return hawkesStep(x[0]!, x[1]!, x[2]!, x[3]!);
  }
  throw new ExpressionError(
    `no evaluator for the built-in ${node.callee}`,
    node.start,
    node.callee.length,
  );
}
