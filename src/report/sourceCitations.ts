/** A piece of a source text: plain text, or the key of a source the scenario lists. */
export type CitationPart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "key"; readonly key: string };

/**
 * A parameter's or observation's source text cut into plain text and citations: every whole
 * occurrence of a key of the scenario's `sources` (not part of a longer key: the characters
 * around it are not letters, digits, `_` or `-`) is a citation the report links to its
 * bibliography entry. The longest key wins where keys overlap.
 *
 * @param keys - the keys of the scenario's `sources`
 * @example sourceCitations("voa-itic-2022: 365 attacks", new Set(["voa-itic-2022"]))
 * // => [{ kind: "key", key: "voa-itic-2022" }, { kind: "text", text: ": 365 attacks" }]
 */
export function sourceCitations(text: string, keys: ReadonlySet<string>): CitationPart[] {
  if (keys.size === 0 || text === "") return text === "" ? [] : [{ kind: "text", text }];
  const alternatives = [...keys]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&"));
  const pattern = new RegExp(
    `(?<![A-Za-z0-9_-])(?:${alternatives.join("|")})(?![A-Za-z0-9_-])`,
    "g",
  );
  const parts: CitationPart[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) parts.push({ kind: "text", text: text.slice(at, match.index) });
    parts.push({ kind: "key", key: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ kind: "text", text: text.slice(at) });
  return parts;
}
