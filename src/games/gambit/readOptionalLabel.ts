import { type Tokenizer, TokenKind } from "./tokenizer.js";

/**
 * Reads the optional `"label"` after an information set's or outcome's number in an `.efg` node
 * record: the label, or `null` (and the tokenizer stays put) when the next token is not a string.
 */
export function readOptionalLabel(t: Tokenizer): string | null {
  if (!t.is(TokenKind.String)) return null;
  const label = t.stringValue();
  t.next();
  return label;
}
