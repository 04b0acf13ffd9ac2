import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LinkageError } from "../../errors/LinkageError.js";
import { quote, Tokenizer, TokenKind } from "./tokenizer.js";

function tokens(text: string): [TokenKind, string, number, number][] {
  const t = new Tokenizer(text, "t");
  const out: [TokenKind, string, number, number][] = [];
  while (t.next() !== TokenKind.End) {
    out.push([t.kind, t.is(TokenKind.String) ? t.stringValue() : t.text(), t.line, t.column]);
  }
  return out;
}

describe("Tokenizer", () => {
  it("splits words, numbers, strings, braces and commas with their line and column", () => {
    expect(tokens('NFG 1 R "a b"\n{ 3, -1/3 .5 2. 1e-3 }\n  p')).toEqual([
      [TokenKind.Word, "NFG", 1, 1],
      [TokenKind.Number, "1", 1, 5],
      [TokenKind.Word, "R", 1, 7],
      [TokenKind.String, "a b", 1, 9],
      [TokenKind.OpenBrace, "{", 2, 1],
      [TokenKind.Number, "3", 2, 3],
      [TokenKind.Comma, ",", 2, 4],
      [TokenKind.Number, "-1/3", 2, 6],
      [TokenKind.Number, ".5", 2, 11],
      [TokenKind.Number, "2.", 2, 14],
      [TokenKind.Number, "1e-3", 2, 17],
      [TokenKind.CloseBrace, "}", 2, 22],
      [TokenKind.Word, "p", 3, 3],
    ]);
  });

  it('reads strings that span lines and resolves \\" and \\\\ but keeps other backslashes', () => {
    expect(tokens('"one\ntwo" x')).toEqual([
      [TokenKind.String, "one\ntwo", 1, 1],
      [TokenKind.Word, "x", 2, 6],
    ]);
    expect(tokens(String.raw`"say \"hi\" \wedge a\\" ""`)).toEqual([
      [TokenKind.String, 'say "hi" \\wedge a\\', 1, 1],
      [TokenKind.String, "", 1, 25],
    ]);
  });

  it("skips a byte-order mark and counts CRLF line ends as one line each", () => {
    expect(tokens('\uFEFFNFG\r\n  "x\r\ny" z')).toEqual([
      [TokenKind.Word, "NFG", 1, 1],
      [TokenKind.String, "x\r\ny", 2, 3],
      [TokenKind.Word, "z", 3, 4],
    ]);
  });

  it("reports an unterminated string at its start", () => {
    const t = new Tokenizer('x\n  "abc', "f.efg");
    t.next();
    expect(() => t.next()).toThrow(LinkageError);
    try {
      t.next();
    } catch (e) {
      expect((e as LinkageError).location).toEqual({ file: "f.efg", line: 2, column: 3 });
      expect((e as LinkageError).message).toMatch(/^f\.efg:2:3: unterminated string/);
    }
  });

  it("reads integers and rationals of number tokens", () => {
    const t = new Tokenizer("12 -7 1/3 0.25 1x", "t");
    t.next();
    expect(t.integerValue("n")).toBe(12);
    t.next();
    expect(t.rationalValue("n")).toEqual({ n: -7n, d: 1n });
    expect(() => t.integerValue("an integer")).toThrow('t:1:4: expected an integer, found "-7"');
    t.next();
    expect(t.rationalValue("n")).toEqual({ n: 1n, d: 3n });
    t.next();
    expect(t.rationalValue("n")).toEqual({ n: 1n, d: 4n });
    t.next();
    expect(() => t.rationalValue("a payoff (a number)")).toThrow(
      't:1:16: expected a payoff (a number), found "1x"',
    );
  });

  it("quote is read back as the same label (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", '"', "\\", " ", "\n", "é") }), (s) => {
        const t = new Tokenizer(`${quote(s)} x`, "t");
        expect(t.next()).toBe(TokenKind.String);
        expect(t.stringValue()).toBe(s);
        expect(t.next()).toBe(TokenKind.Word);
      }),
      { seed: 17, numRuns: 500 },
    );
  });
});
