/** One line of text: newlines and the spaces around them become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

/** A Markdown table row; each cell on one line with its `|` escaped. */
export function markdownRow(cells: readonly string[]): string {
  return `| ${cells.map((c) => oneLine(c).replaceAll("|", "\\|")).join(" | ")} |`;
}

/** "yes" or "no". */
export function yesNo(flag: boolean): string {
  return flag ? "yes" : "no";
}
