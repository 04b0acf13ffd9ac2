import type { Expression } from "./Expression.js";
import { expressionBuiltins } from "./expressionBuiltins.js";

/** True when evaluating `ast` may call the random source (in any branch). */
export function drawsRandom(ast: Expression): boolean {
  switch (ast.kind) {
    case "number":
    case "name":
      return false;
    case "unary":
      return drawsRandom(ast.operand);
    case "binary":
      return drawsRandom(ast.left) || drawsRandom(ast.right);
    case "call":
      return expressionBuiltins.get(ast.callee)?.random === true || ast.args.some(drawsRandom);
  }
}
