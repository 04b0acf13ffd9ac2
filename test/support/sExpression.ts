import type { Expression } from "../../src/expression/Expression.js";

/**
 * The shape of a tree as a Lisp-like string, without offsets: `(+ 1 (* 2 3))`,
 * `(neg x)` for unary minus, `(min a b)` for calls. For tests and debugging output.
 */
export function sExpression(ast: Expression): string {
  switch (ast.kind) {
    case "number":
      return String(ast.value);
    case "name":
      return ast.name;
    case "unary":
      return `(${ast.op === "-" ? "neg" : ast.op} ${sExpression(ast.operand)})`;
    case "binary":
      return `(${ast.op} ${sExpression(ast.left)} ${sExpression(ast.right)})`;
    case "call":
      return `(${[ast.callee, ...ast.args.map(sExpression)].join(" ")})`;
  }
}
