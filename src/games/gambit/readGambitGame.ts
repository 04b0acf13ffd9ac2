import type { ExtensiveGame } from "../extensiveGame.js";
import type { StrategicGame } from "../strategicGame.js";
import { readEfg } from "./readEfg.js";
import { readNfg } from "./readNfg.js";
import { Tokenizer, TokenKind } from "./tokenizer.js";

/** A game read from a Gambit file, tagged with its form. */
export type GambitGame =
  | { readonly form: "strategic"; readonly game: StrategicGame }
  | { readonly form: "extensive"; readonly game: ExtensiveGame };

/**
 * Reads a Gambit game file of either form, choosing the reader by the file's first word: `NFG`
 * ({@link readNfg}) or `EFG` ({@link readEfg}). The file name's extension is not consulted.
 * Format: https://gambitproject.readthedocs.io/en/latest/formats.html
 *
 * @param text - the whole file
 * @param source - the file name used in error messages
 * @throws {LinkageError} E_INPUT with `source:line:column: …` and the location when the text does
 * not start with `NFG` or `EFG`, or when the chosen reader rejects it
 * @example
 * readGambitGame('NFG 1 R "" { "A" } { 2 } 1 0').form; // => "strategic"
 */
export function readGambitGame(text: string, source = "<string>"): GambitGame {
  const t = new Tokenizer(text, source);
  t.next();
  if (t.is(TokenKind.Word)) {
    const word = t.text();
    if (word === "NFG") return { form: "strategic", game: readNfg(text, source) };
    if (word === "EFG") return { form: "extensive", game: readEfg(text, source) };
  }
  throw t.unexpected('"NFG" or "EFG" (a Gambit game file)');
}
