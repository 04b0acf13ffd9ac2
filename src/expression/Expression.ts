/**
 * The syntax tree of an expression, as produced by {@link parseExpression}. Every node
 * records the character offsets `[start, end)` of its text in the source, so later checks can
 * point at the exact spot; a parenthesised sub-expression's node includes its parentheses.
 *
 * The tree is plain data (structured-clone safe) and never changes after parsing.
 */
export type Expression =
  | NumberLiteral
  | NameReference
  | UnaryExpression
  | BinaryExpression
  | CallExpression;

/** Source span shared by all nodes: offsets into the expression text, end exclusive. */
export interface ExpressionSpan {
  readonly start: number;
  readonly end: number;
}

/** A non-negative numeric literal (`1`, `0.5`, `.5`, `1e-3`). Negative numbers are unary minus. */
export interface NumberLiteral extends ExpressionSpan {
  readonly kind: "number";
  readonly value: number;
}

/** A reference to a name supplied by the caller (a parameter, state variable, `t`, …). */
export interface NameReference extends ExpressionSpan {
  readonly kind: "name";
  readonly name: string;
}

/** Prefix operators: arithmetic negation and logical `not` (1 if the operand is 0, else 0). */
export type UnaryOperator = "-" | "not";

export interface UnaryExpression extends ExpressionSpan {
  readonly kind: "unary";
  readonly op: UnaryOperator;
  readonly operand: Expression;
}

/** Arithmetic, power, comparison (1 or 0) and logical (1 or 0, short-circuit) operators. */
export type BinaryOperator =
  | "+"
  | "-"
  | "*"
  | "/"
  | "^"
  | "<"
  | "<="
  | ">"
  | ">="
  | "=="
  | "!="
  | "and"
  | "or";

export interface BinaryExpression extends ExpressionSpan {
  readonly kind: "binary";
  readonly op: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/**
 * A call of a built-in function. The callee's name occupies
 * `[start, start + callee.length)`; arguments are in source order.
 */
export interface CallExpression extends ExpressionSpan {
  readonly kind: "call";
  readonly callee: string;
  readonly args: readonly Expression[];
}
