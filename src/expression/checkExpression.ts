import { closestNames, quoteAlternatives } from "./closestNames.js";
import { drawsRandom } from "./drawsRandom.js";
import type { CallExpression, Expression } from "./Expression.js";
import { ExpressionError } from "./ExpressionError.js";
import { expressionBuiltins, HAWKES_TAU_INDEX } from "./expressionBuiltins.js";

/** The names an expression may refer to. */
export interface CheckExpressionOptions {
  /** Every name the caller will supply a value for (parameters, state, choices, `t`, …). */
  readonly names: ReadonlySet<string>;
}

/** What {@link checkExpression} learned about a valid expression. */
export interface ExpressionFacts {
  /** Distinct names referenced, in order of first appearance. */
  readonly references: string[];
  /** True when the expression may draw random numbers (in any branch). */
  readonly random: boolean;
}

/**
 * Checks a parsed expression against the names the caller supplies and the table of
 * built-in functions ({@link expressionBuiltins}), and reports what it reads and whether it
 * is random. Errors are found in source order; the first one is thrown.
 *
 * Rules:
 * - every name is one of `names` (the message suggests close ones by edit distance);
 * - every call is to a built-in, with an accepted number of arguments;
 * - no division by a literal zero (`x / 0`, `x / 0.0`, `x / (0)`; computed zeros such as
 *   `x / (1 - 1)` are left to run time, where they give ±Infinity or NaN as in IEEE 754);
 * - the decay time `tau` of `hawkes` does not draw random numbers (compiled code reads it twice).
 *
 * @throws {ExpressionError} located at the offending node: the name for an unknown name, the
 *   callee's name for an unknown function, the whole call for a wrong number of arguments,
 *   the divisor for a literal zero, the argument for a random `tau`.
 * @example
 * checkExpression(parseExpression("I * (1 + r * (1 - I / Imax))"), {
 *   names: new Set(["I", "r", "Imax"]),
 * }) // => { references: ["I", "r", "Imax"], random: false }
 * @example
 * checkExpression(parseExpression("clamp(x, 0)"), { names: new Set(["x"]) })
 * // throws ExpressionError "clamp takes 3 arguments, found 2" (offset 0, length 11)
 */
export function checkExpression(
  ast: Expression,
  { names }: CheckExpressionOptions,
): ExpressionFacts {
  const references = new Set<string>();
  const visit = (node: Expression): void => {
    switch (node.kind) {
      case "number":
        return;
      case "name":
        if (!names.has(node.name)) throw unknownName(node.name, node.start, names);
        references.add(node.name);
        return;
      case "unary":
        visit(node.operand);
        return;
      case "binary":
        visit(node.left);
        if (node.op === "/" && node.right.kind === "number" && node.right.value === 0) {
          throw new ExpressionError(
            "division by zero",
            node.right.start,
            node.right.end - node.right.start,
          );
        }
        visit(node.right);
        return;
      case "call":
        checkCall(node, names);
        for (const arg of node.args) visit(arg);
        checkHawkesTau(node);
        return;
      default:
        throw new ExpressionError(`unknown expression node ${describeKind(node)}`, 0, 0);
    }
  };
  visit(ast);
  return { references: [...references], random: drawsRandom(ast) };
}

function unknownName(name: string, offset: number, names: ReadonlySet<string>): ExpressionError {
  let message = `unknown name "${name}"`;
  if (expressionBuiltins.has(name)) message += `; ${name} is a function: call it as ${name}(…)`;
  else {
    const close = closestNames(name, names);
    if (close.length > 0) message += `; did you mean ${quoteAlternatives(close)}?`;
  }
  return new ExpressionError(message, offset, name.length);
}

function checkCall(node: CallExpression, names: ReadonlySet<string>): void {
  const builtin = expressionBuiltins.get(node.callee);
  if (builtin === undefined) {
    let message = `unknown function "${node.callee}"`;
    if (names.has(node.callee)) {
      message += `; "${node.callee}" is a name, not a function (write "${node.callee} * (…)" for a product)`;
    } else {
      const close = closestNames(node.callee, expressionBuiltins.keys());
      message +=
        close.length > 0
          ? `; did you mean ${quoteAlternatives(close)}?`
          : `; the functions are ${[...expressionBuiltins.keys()].join(", ")}`;
    }
    throw new ExpressionError(message, node.start, node.callee.length);
  }
  const found = node.args.length;
  if (found < builtin.minArgs || found > builtin.maxArgs) {
    const plural = (n: number) => (n === 1 ? `${n} argument` : `${n} arguments`);
    const expected =
      builtin.maxArgs === Infinity
        ? `at least ${plural(builtin.minArgs)}`
        : plural(builtin.minArgs);
    throw new ExpressionError(
      `${node.callee} takes ${expected}, found ${found}`,
      node.start,
      node.end - node.start,
    );
  }
}

function checkHawkesTau(node: CallExpression): void {
  const tau = node.callee === "hawkes" ? node.args[HAWKES_TAU_INDEX] : undefined;
  if (tau !== undefined && drawsRandom(tau)) {
    throw new ExpressionError(
      "the decay time tau of hawkes must not draw random numbers; define the draw as its own name first",
      tau.start,
      tau.end - tau.start,
    );
  }
}

function describeKind(node: never): string {
  const kind: unknown = (node as { kind?: unknown }).kind;
  return typeof kind === "string" ? JSON.stringify(kind) : "without a kind";
}
