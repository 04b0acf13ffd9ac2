import type { SourceLocation } from "linkage/errors/LinkageError";

/**
 * The line of `text` that a located error points at, with a caret under its column (as a
 * compiler prints it), e.g. `3 | { "" 1, x }` over `  |        ^`; "" when the location is not
 * in the text.
 */
export function sourceExcerpt(text: string, location: SourceLocation | undefined): string {
  if (!location) return "";
  const lines = text.split(/\r?\n/);
  const line = lines[location.line - 1];
  if (line === undefined) return "";
  const number = String(location.line);
  const gutter = " ".repeat(number.length);
  // long lines: show the 100 characters around the column
  const start = Math.max(0, location.column - 60);
  const shown = line.slice(start, start + 100).replace(/\t/g, " ");
  const caret = " ".repeat(Math.max(0, location.column - 1 - start));
  return `${number} | ${start > 0 ? "…" : ""}${shown}\n${gutter} | ${start > 0 ? " " : ""}${caret}^`;
}
