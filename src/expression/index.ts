export {
  type CheckExpressionOptions,
  checkExpression,
  type ExpressionFacts,
} from "./checkExpression.js";
export {
  type CompiledStep,
  compileExpressions,
  type ExpressionDefinition,
} from "./compileExpressions.js";
export type {
  BinaryExpression,
  BinaryOperator,
  CallExpression,
  Expression,
  ExpressionSpan,
  NameReference,
  NumberLiteral,
  UnaryExpression,
  UnaryOperator,
} from "./Expression.js";
export { ExpressionError } from "./ExpressionError.js";
export type { ExpressionRandom } from "./ExpressionRandom.js";
export { evaluateExpression } from "./evaluateExpression.js";
export { type ExpressionBuiltin, expressionBuiltins } from "./expressionBuiltins.js";
export { type OrderDefinitionsOptions, orderDefinitions } from "./orderDefinitions.js";
export { MAX_EXPRESSION_DEPTH, parseExpression } from "./parseExpression.js";
