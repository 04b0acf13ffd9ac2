import { type Tokenizer, TokenKind } from "./tokenizer.js";

/**
 * Reads the header both Gambit formats share — the format word, its version, `R` or `D`, the
 * title and the list of player names — leaving the tokenizer on the next token.
 * @throws {LinkageError} E_INPUT at the first token that does not fit, with its line and column
 * @example readGambitHeader(new Tokenizer('NFG 1 R "PD" { "1" "2" } …', "pd.nfg"), "NFG", "1")
 * // => { title: "PD", players: ["1", "2"] }
 */
export function readGambitHeader(
  t: Tokenizer,
  format: "NFG" | "EFG",
  version: string,
): { title: string; players: string[] } {
  t.next();
  if (!t.is(TokenKind.Word) || t.text() !== format) throw t.unexpected(`"${format}"`);
  t.next();
  if (!t.is(TokenKind.Number) || t.text() !== version)
    throw t.unexpected(`the format version "${version}"`);
  t.next();
  if (!t.is(TokenKind.Word) || (t.text() !== "R" && t.text() !== "D"))
    throw t.unexpected('"R" or "D"');
  t.next();
  if (!t.is(TokenKind.String)) throw t.unexpected("the title (a quoted string)");
  const title = t.stringValue();
  t.next();
  const at = { line: t.line, column: t.column };
  const players = readStringList(t, "the list of player names", "a player name (a quoted string)");
  if (players.length === 0) throw t.error("a game needs at least one player; found none", at);
  return { title, players };
}

/**
 * Reads `{ "a" "b" … }` (commas allowed between items) and the token after it.
 * @param what - what the list is, for the message when `{` is missing
 * @param item - what an item is, for the message when one is not a quoted string
 */
export function readStringList(t: Tokenizer, what: string, item: string): string[] {
  if (!t.is(TokenKind.OpenBrace)) throw t.unexpected(`${what} ("{")`);
  const out: string[] = [];
  for (;;) {
    t.next();
    if (t.is(TokenKind.Comma)) t.next();
    if (t.is(TokenKind.CloseBrace)) break;
    if (!t.is(TokenKind.String)) throw t.unexpected(`${item} or "}"`);
    out.push(t.stringValue());
  }
  t.next();
  return out;
}
