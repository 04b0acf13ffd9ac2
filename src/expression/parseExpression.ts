import type { BinaryOperator, Expression } from "./Expression.js";
import { ExpressionError } from "./ExpressionError.js";

/** Deepest nesting the parser accepts; deeper expressions should be split into definitions. */
export const MAX_EXPRESSION_DEPTH = 100;

/** Longest expression text, in characters: a definition is a formula, not a program (docs/limits.md). */
export const MAX_EXPRESSION_LENGTH = 10_000;

type TokenKind = "number" | "name" | "keyword" | "operator" | "end";

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly value: number;
}

const KEYWORDS = new Set(["and", "or", "not"]);
const OPERATORS = ["<=", ">=", "==", "!=", "+", "-", "*", "/", "^", "(", ")", ",", "<", ">"];
const COMPARISONS = new Set<string>(["<", "<=", ">", ">=", "==", "!="]);
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const WORD_TAIL = /[A-Za-z0-9_.]*/y;
const SPACE = /\s+/y;

/** Hints for characters people type from other languages. */
const LOOKALIKES: readonly (readonly [string, string])[] = [
  ["&&", 'use "and"'],
  ["||", 'use "or"'],
  ["**", 'use "^" for powers'],
  ["=", 'use "==" to compare'],
  ["!", 'use "not" or "!="'],
  ["&", 'use "and"'],
  ["|", 'use "or"'],
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number, value = Number.NaN) => {
    tokens.push({ kind, text: text.slice(i, end), start: i, end, value });
    i = end;
  };
  while (i < text.length) {
    SPACE.lastIndex = i;
    if (SPACE.test(text)) {
      i = SPACE.lastIndex;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      const end = i + number[0].length;
      WORD_TAIL.lastIndex = end;
      const tail = WORD_TAIL.exec(text)?.[0] ?? "";
      if (tail !== "") {
        const bad = text.slice(i, end + tail.length);
        const hint =
          /^\d/.test(tail) || tail.startsWith(".")
            ? ""
            : `; write "${number[0]} * ${tail}" for a product`;
        throw new ExpressionError(`malformed number "${bad}"${hint}`, i, bad.length);
      }
      const value = Number(number[0]);
      if (!Number.isFinite(value)) {
        throw new ExpressionError(`number "${number[0]}" is too large`, i, number[0].length);
      }
      push("number", end, value);
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name) {
      push(KEYWORDS.has(name[0]) ? "keyword" : "name", i + name[0].length);
      continue;
    }
    // "**" is not two "*"s: it gets a hint below.
    const op = text.startsWith("**", i) ? undefined : OPERATORS.find((o) => text.startsWith(o, i));
    if (op !== undefined) {
      push("operator", i + op.length);
      continue;
    }
    const lookalike = LOOKALIKES.find(([o]) => text.startsWith(o, i));
    if (lookalike) {
      throw new ExpressionError(
        `unexpected "${lookalike[0]}": ${lookalike[1]}`,
        i,
        lookalike[0].length,
      );
    }
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    throw new ExpressionError(`unexpected character "${ch}"`, i, ch.length);
  }
  tokens.push({ kind: "end", text: "", start: text.length, end: text.length, value: Number.NaN });
  return tokens;
}

function tooDeep(offset: number): ExpressionError {
  return new ExpressionError(
    `expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep; split it into several definitions`,
    offset,
    1,
  );
}

function describe(token: Token): string {
  return token.kind === "end" ? "end of expression" : `"${token.text}"`;
}

class Parser {
  private position = 0;
  private depth = 0;
  private readonly depths = new WeakMap<Expression, number>();

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Expression {
    const expression = this.or();
    const next = this.peek();
    if (next.kind !== "end") {
      if (next.text === ")") {
        throw new ExpressionError('unexpected ")" with no matching "("', next.start, 1);
      }
      if (COMPARISONS.has(next.text)) {
        throw new ExpressionError(
          'comparisons cannot be chained: write "a < b and b < c"',
          next.start,
          next.end - next.start,
        );
      }
      throw this.expected("an operator or the end of the expression", next);
    }
    return expression;
  }

  private peek(): Token {
    return this.tokens[this.position]!;
  }

  private take(): Token {
    const token = this.tokens[this.position]!;
    if (token.kind !== "end") this.position++;
    return token;
  }

  private at(text: string): boolean {
    const token = this.peek();
    return (token.kind === "operator" || token.kind === "keyword") && token.text === text;
  }

  private expected(what: string, found: Token): ExpressionError {
    return new ExpressionError(
      `expected ${what}, found ${describe(found)}`,
      found.start,
      found.end - found.start,
    );
  }

  /** Guards the parser's recursion so hostile input cannot overflow the stack. */
  private nested<T>(start: number, parse: () => T): T {
    if (++this.depth > MAX_EXPRESSION_DEPTH) throw tooDeep(start);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  /** Records a node's tree depth, so tools that walk the tree recursively stay shallow too. */
  private node<T extends Expression>(node: T, ...children: readonly Expression[]): T {
    let depth = 0;
    for (const child of children) depth = Math.max(depth, this.depths.get(child) ?? 0);
    if (depth + 1 > MAX_EXPRESSION_DEPTH) throw tooDeep(node.start);
    this.depths.set(node, depth + 1);
    return node;
  }

  private binary(op: BinaryOperator, left: Expression, right: Expression): Expression {
    return this.node(
      { kind: "binary", op, left, right, start: left.start, end: right.end },
      left,
      right,
    );
  }

  private chain(ops: readonly string[], operand: () => Expression): Expression {
    let left = operand();
    while (ops.some((op) => this.at(op))) {
      const token = this.take();
      left = this.binary(token.text as BinaryOperator, left, operand());
    }
    return left;
  }

  private or(): Expression {
    return this.chain(["or"], () => this.and());
  }

  private and(): Expression {
    return this.chain(["and"], () => this.not());
  }

  private not(): Expression {
    if (!this.at("not")) return this.comparison();
    const token = this.take();
    const operand = this.nested(token.start, () => this.not());
    return this.node(
      { kind: "unary", op: "not", operand, start: token.start, end: operand.end },
      operand,
    );
  }

  private comparison(): Expression {
    const left = this.additive();
    const token = this.peek();
    if (token.kind !== "operator" || !COMPARISONS.has(token.text)) return left;
    this.take();
    return this.binary(token.text as BinaryOperator, left, this.additive());
  }

  private additive(): Expression {
    return this.chain(["+", "-"], () => this.multiplicative());
  }

  private multiplicative(): Expression {
    return this.chain(["*", "/"], () => this.unary());
  }

  private unary(): Expression {
    if (!this.at("-")) return this.power();
    const token = this.take();
    const operand = this.nested(token.start, () => this.unary());
    return this.node(
      { kind: "unary", op: "-", operand, start: token.start, end: operand.end },
      operand,
    );
  }

  private power(): Expression {
    const base = this.primary();
    if (!this.at("^")) return base;
    const token = this.take();
    // The exponent may carry its own sign (2^-1) and is itself a power (right-associative).
    return this.binary(
      "^",
      base,
      this.nested(token.start, () => this.unary()),
    );
  }

  private primary(): Expression {
    const token = this.take();
    if (token.kind === "number") {
      return { kind: "number", value: token.value, start: token.start, end: token.end };
    }
    if (token.kind === "name") {
      if (this.at("(")) return this.call(token);
      return { kind: "name", name: token.text, start: token.start, end: token.end };
    }
    if (token.kind === "operator" && token.text === "(") {
      const inner = this.nested(token.start, () => this.or());
      const close = this.take();
      if (close.text !== ")" || close.kind !== "operator") {
        throw this.expected('")" to close "("', close);
      }
      return this.node({ ...inner, start: token.start, end: close.end }, inner);
    }
    if (token.kind === "keyword" && token.text === "not") {
      throw new ExpressionError(
        '"not" binds more loosely than arithmetic and comparisons: write "(not …)" here',
        token.start,
        token.end - token.start,
      );
    }
    throw this.expected('a number, a name or "("', token);
  }

  private call(callee: Token): Expression {
    this.take(); // "("
    const args: Expression[] = [];
    return this.nested(callee.start, () => {
      if (!this.at(")")) {
        for (;;) {
          args.push(this.or());
          if (this.at(",")) {
            this.take();
            continue;
          }
          if (this.at(")")) break;
          const found = this.peek();
          throw this.expected(
            found.kind === "end"
              ? `")" after the arguments of ${callee.text}`
              : `"," or ")" after an argument of ${callee.text}`,
            found,
          );
        }
      }
      const close = this.take();
      return this.node(
        { kind: "call", callee: callee.text, args, start: callee.start, end: close.end },
        ...args,
      );
    });
  }
}

/**
 * Parses the text of one expression into a syntax tree whose nodes carry source offsets.
 *
 * Grammar (EBNF; whitespace, including newlines, may appear between tokens):
 *
 * ```ebnf
 * expression     = or ;
 * or             = and , { "or" , and } ;
 * and            = not , { "and" , not } ;
 * not            = "not" , not | comparison ;
 * comparison     = additive , [ ( "<" | "<=" | ">" | ">=" | "==" | "!=" ) , additive ] ;
 * additive       = multiplicative , { ( "+" | "-" ) , multiplicative } ;
 * multiplicative = unary , { ( "*" | "/" ) , unary } ;
 * unary          = "-" , unary | power ;
 * power          = primary , [ "^" , unary ] ;          (* right-associative *)
 * primary        = number | name , [ "(" , [ arguments ] , ")" ] | "(" , expression , ")" ;
 * arguments      = expression , { "," , expression } ;
 * number         = ( digits , [ "." , [ digits ] ] | "." , digits ) , [ ( "e" | "E" ) , [ "+" | "-" ] , digits ] ;
 * name           = ( letter | "_" ) , { letter | digit | "_" } ;   (* not "and", "or", "not" *)
 * ```
 *
 * So `-x^2` is `-(x^2)`, `2^3^2` is `2^9`, `2^-1` is `0.5`, `a - b - c` is `(a - b) - c`, and
 * `not a < b` is `not (a < b)`. Comparisons do not chain (`a < b < c` is an error). Which
 * names and functions exist, and with how many arguments, is left to
 * {@link checkExpression}. Offsets are JavaScript string indices.
 *
 * @throws {ExpressionError} on a syntax error, located at the offending token (an
 *   unexpected character, a malformed or too large number, a missing operand, an unbalanced
 *   parenthesis, trailing text, a chained comparison, nesting deeper than
 *   {@link MAX_EXPRESSION_DEPTH}).
 * @example
 * parseExpression("-x^2")
 * // => { kind: "unary", op: "-", start: 0, end: 4,
 * //      operand: { kind: "binary", op: "^", start: 1, end: 4,
 * //                 left: { kind: "name", name: "x", start: 1, end: 2 },
 * //                 right: { kind: "number", value: 2, start: 3, end: 4 } } }
 */
export function parseExpression(text: string): Expression {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      `expression is ${text.length.toLocaleString("en-US")} characters long, more than ${MAX_EXPRESSION_LENGTH.toLocaleString("en-US")}; split it into several definitions`,
      MAX_EXPRESSION_LENGTH,
      1,
    );
  }
  return new Parser(tokenize(text)).parse();
}
