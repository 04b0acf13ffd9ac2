import type { Expression } from "../expression/Expression.js";

/**
 * Rewrites an expression for the mean-field mode, where choices and draws are replaced by their
 * expected values: `if(c, a, b)` with a condition strictly between 0 and 1 (a probability)
 * becomes the mixture c·a + (1 − c)·b; any other condition keeps its usual meaning.
 * Everything else is unchanged.
 */
export function meanFieldExpression(ast: Expression): Expression {
  switch (ast.kind) {
    case "number":
    case "name":
      return ast;
    case "unary":
      return { ...ast, operand: meanFieldExpression(ast.operand) };
    case "binary":
      return { ...ast, left: meanFieldExpression(ast.left), right: meanFieldExpression(ast.right) };
    case "call": {
      const args = ast.args.map(meanFieldExpression);
      if (ast.callee !== "if" || args.length !== 3) return { ...ast, args };
      const [c, a, b] = args as [Expression, Expression, Expression];
      const span = { start: ast.start, end: ast.end };
      const num = (value: number): Expression => ({ kind: "number", value, ...span });
      const bin = (
        op: "+" | "-" | "*" | ">" | "<" | "and",
        left: Expression,
        right: Expression,
      ): Expression => ({
        kind: "binary",
        op,
        left,
        right,
        ...span,
      });
      const probability = bin("and", bin(">", c, num(0)), bin("<", c, num(1)));
      const mixture = bin("+", bin("*", c, a), bin("*", bin("-", num(1), c), b));
      return {
        kind: "call",
        callee: "if",
        args: [probability, mixture, { ...ast, args }],
        ...span,
      };
    }
  }
}
