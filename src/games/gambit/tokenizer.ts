import { LinkageError } from "../../errors/LinkageError.js";
import { parseRational, type Rational, toNumber } from "../../math/rational.js";

/** Kinds of token in Gambit's `.nfg` and `.efg` files. */
export const TokenKind = {
  /** End of the text. */
  End: 0,
  /** A double-quoted string; `\"` is an escaped quote and `\\` an escaped backslash. */
  String: 1,
  /** A run that starts like a number (`3`, `-1/3`, `.5`, `2.`, `1e-3`); validated by the parser. */
  Number: 2,
  /** Any other run of characters up to white space, a brace, a comma or a quote (`NFG`, `p`). */
  Word: 3,
  OpenBrace: 4,
  CloseBrace: 5,
  Comma: 6,
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

const QUOTE = 34; // "
const BACKSLASH = 92; // \
const OPEN = 123; // {
const CLOSE = 125; // }
const COMMA = 44; // ,
const NEWLINE = 10;
const DOT = 46;
const PLUS = 43;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

/** Integers in [−SMALL_LIMIT, SMALL_LIMIT] share one immutable Rational each (fewer allocations). */
const SMALL_LIMIT = 1024;
const SMALL: (Rational | undefined)[] = new Array(2 * SMALL_LIMIT + 1);

const isDigit = (c: number): boolean => c >= ZERO && c <= NINE;
/** Space, tab, CR, LF, VT, FF, and other ASCII control characters count as white space. */
const isSpace = (c: number): boolean => c <= 32;
const isDelimiter = (c: number): boolean =>
  c <= 32 || c === OPEN || c === CLOSE || c === QUOTE || c === COMMA;

/**
 * Splits the text of a Gambit game file into tokens, one at a time, tracking the 1-based line and
 * column of each, so that readers can say exactly where a file goes wrong.
 *
 * The scanner walks character codes (no regular expression per token, no string building except
 * for strings with escapes; number literals other than plain integers go to `parseRational`, once
 * per distinct literal). The current token is described by the public fields; {@link next}
 * moves to the following one. Gambit's files have no comments: the free text of a game is its
 * comment string. Format: https://gambitproject.readthedocs.io/en/latest/formats.html
 *
 * @throws {LinkageError} E_INPUT (from {@link next}) for a string without its closing quote
 * @example
 * const t = new Tokenizer('NFG 1 R "t"', "x.nfg");
 * t.next(); // => TokenKind.Word; t.text() === "NFG", t.line === 1, t.column === 1
 */
export class Tokenizer {
  /** Kind of the current token (`TokenKind.End` before the first call to {@link next}). */
  kind: TokenKind = TokenKind.End;
  /** Offsets of the current token's raw text (quotes included for strings). */
  start = 0;
  end = 0;
  /** 1-based line and column where the current token starts. */
  line = 1;
  column = 1;
  /** True when the current string token contains a backslash escape. */
  private escaped = false;
  private pos = 0;
  private currentLine = 1;
  /** Values of the non-integer literals met so far (`1/2`, `0.25`): files repeat a few of them. */
  private readonly literals = new Map<string, Rational>();
  private lineStart = 0;

  constructor(
    readonly input: string,
    readonly source: string,
  ) {
    // A byte-order mark, as some editors write, is not part of the first token.
    if (input.charCodeAt(0) === 0xfeff) this.pos = this.lineStart = 1;
  }

  /** Moves to the next token and returns its kind. */
  next(): TokenKind {
    const text = this.input;
    const length = text.length;
    let pos = this.pos;
    let c = 0;
    while (pos < length) {
      c = text.charCodeAt(pos);
      if (!isSpace(c)) break;
      if (c === NEWLINE) {
        this.currentLine++;
        this.lineStart = pos + 1;
      }
      pos++;
    }
    this.start = pos;
    this.line = this.currentLine;
    this.column = pos - this.lineStart + 1;
    if (pos >= length) {
      this.pos = this.end = pos;
      this.kind = TokenKind.End;
      return this.kind;
    }
    if (c === QUOTE) {
      this.escaped = false;
      pos++;
      for (;;) {
        if (pos >= length) {
          this.pos = this.end = pos;
          throw this.error("unterminated string: expected a closing quote before the end of file");
        }
        const d = text.charCodeAt(pos);
        if (d === QUOTE) break;
        if (d === BACKSLASH && pos + 1 < length) {
          const e = text.charCodeAt(pos + 1);
          if (e === QUOTE || e === BACKSLASH) {
            this.escaped = true;
            pos += 2;
            continue;
          }
        } else if (d === NEWLINE) {
          this.currentLine++;
          this.lineStart = pos + 1;
        }
        pos++;
      }
      this.pos = this.end = pos + 1;
      this.kind = TokenKind.String;
      return this.kind;
    }
    if (c === OPEN || c === CLOSE || c === COMMA) {
      this.pos = this.end = pos + 1;
      this.kind =
        c === OPEN ? TokenKind.OpenBrace : c === CLOSE ? TokenKind.CloseBrace : TokenKind.Comma;
      return this.kind;
    }
    const first = c;
    const second = pos + 1 < length ? text.charCodeAt(pos + 1) : 0;
    pos++;
    while (pos < length && !isDelimiter(text.charCodeAt(pos))) pos++;
    this.pos = this.end = pos;
    this.kind =
      isDigit(first) ||
      (first === DOT && isDigit(second)) ||
      ((first === MINUS || first === PLUS) && (isDigit(second) || second === DOT))
        ? TokenKind.Number
        : TokenKind.Word;
    return this.kind;
  }

  /** True when the current token is of kind `kind` (a method, so that checks do not narrow `kind`). */
  is(kind: TokenKind): boolean {
    return this.kind === kind;
  }

  /** The raw text of the current token. */
  text(): string {
    return this.input.slice(this.start, this.end);
  }

  /** The value of the current string token, quotes removed and escapes resolved. */
  stringValue(): string {
    const text = this.input;
    if (!this.escaped)
      return this.end - this.start === 2 ? "" : text.slice(this.start + 1, this.end - 1);
    let out = "";
    let from = this.start + 1;
    const stop = this.end - 1;
    for (let i = from; i < stop; i++) {
      if (text.charCodeAt(i) !== BACKSLASH) continue;
      const e = text.charCodeAt(i + 1);
      if (e === QUOTE || e === BACKSLASH) {
        out += text.slice(from, i);
        from = i + 1;
        i++;
      }
    }
    return out + text.slice(from, stop);
  }

  /**
   * The value of the current token as a non-negative integer (digits only, at most 15), without
   * moving on. @throws {LinkageError} E_INPUT `expected <expected>, found …` otherwise
   */
  integerValue(expected: string): number {
    if (this.kind !== TokenKind.Number || this.end - this.start > 15)
      throw this.unexpected(expected);
    const text = this.input;
    let value = 0;
    for (let i = this.start; i < this.end; i++) {
      const c = text.charCodeAt(i);
      if (!isDigit(c)) throw this.unexpected(expected);
      value = value * 10 + (c - ZERO);
    }
    return value;
  }

  /**
   * The exact value of the current token as a number literal (`-3`, `1/3`, `.25`, `1e-3`), without
   * moving on. @throws {LinkageError} E_INPUT `expected <expected>, found …` otherwise
   */
  rationalValue(expected: string): Rational {
    if (this.kind !== TokenKind.Number) throw this.unexpected(expected);
    const text = this.input;
    let i = this.start;
    const negative = text.charCodeAt(i) === MINUS;
    if (negative) i++;
    if (this.end - i <= 15) {
      let value = 0;
      for (; i < this.end; i++) {
        const c = text.charCodeAt(i);
        if (!isDigit(c)) break;
        value = value * 10 + (c - ZERO);
      }
      if (i === this.end) {
        if (value > SMALL_LIMIT) return { n: BigInt(negative ? -value : value), d: 1n };
        const k = negative ? SMALL_LIMIT - value : SMALL_LIMIT + value;
        let small = SMALL[k];
        if (small === undefined) {
          small = { n: BigInt(k - SMALL_LIMIT), d: 1n };
          SMALL[k] = small;
        }
        return small;
      }
    }
    const literal = text.slice(this.start, this.end);
    let value = this.literals.get(literal);
    if (value === undefined) {
      const parsed = parseRational(literal);
      if (!parsed) throw this.unexpected(expected);
      if (!Number.isFinite(toNumber(parsed))) {
        throw this.error(
          `${this.describe()}: a number beyond ±1.8e308 (the range of doubles); expected ${expected}`,
        );
      }
      if (this.literals.size < 4096) this.literals.set(literal, parsed);
      value = parsed;
    }
    return value;
  }

  /** The current token as an error message names it: `end of file`, `"{"`, `"abc"`. */
  describe(): string {
    if (this.kind === TokenKind.End) return "end of file";
    const raw = this.input.slice(this.start, Math.min(this.end, this.start + 40));
    const shown = this.kind === TokenKind.String ? raw : JSON.stringify(raw);
    return this.end - this.start > 40 ? `${shown}…` : shown;
  }

  /**
   * A located E_INPUT error at the current token (or at `at`), its message prefixed with
   * `source:line:column:`.
   */
  error(message: string, at: { line: number; column: number } = this): LinkageError {
    return new LinkageError("E_INPUT", `${this.source}:${at.line}:${at.column}: ${message}`, {
      file: this.source,
      line: at.line,
      column: at.column,
    });
  }

  /**
   * The error for an unexpected current token: `expected X, found Y`, or at the end of the text
   * `unexpected end of file: expected X`.
   */
  unexpected(expected: string): LinkageError {
    return this.kind === TokenKind.End
      ? this.error(`unexpected end of file: expected ${expected}`)
      : this.error(`expected ${expected}, found ${this.describe()}`);
  }
}

/**
 * A label as a Gambit file string: in double quotes, `"` written as `\"`, and a backslash written
 * as `\\` only where it would otherwise be read as an escape (before `"` or `\`, or at the end),
 * so that text such as `\wedge` in a comment stays as it is.
 * Format: https://gambitproject.readthedocs.io/en/latest/formats.html (text labels)
 * @example quote('say "hi"') // => '"say \\"hi\\""'
 */
export function quote(label: string): string {
  if (label.indexOf('"') < 0 && label.indexOf("\\") < 0) return `"${label}"`;
  let out = '"';
  for (let i = 0; i < label.length; i++) {
    const c = label[i]!;
    if (c === '"') out += '\\"';
    else if (c === "\\") {
      const next = label[i + 1];
      out += next === undefined || next === '"' || next === "\\" ? "\\\\" : "\\";
    } else out += c;
  }
  return `${out}"`;
}
