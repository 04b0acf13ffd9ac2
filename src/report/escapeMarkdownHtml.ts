/**
 * Makes Markdown safe from raw HTML: outside code spans, a `<` that could open a tag, comment or
 * processing instruction (followed by a letter, `/`, `!` or `?`) becomes `&lt;`, and a `&` that
 * would start a character reference becomes `&amp;`, so a renderer shows scenario text as typed
 * and never runs it. Plain comparisons such as `a < b` and the text inside `code spans` (where
 * Markdown shows entities literally and never reads HTML) are left as they are.
 *
 * @example escapeMarkdownHtml("<b>bold</b> & a < b, `<i>`") // => "&lt;b>bold&lt;/b> & a < b, `<i>`"
 */
export function escapeMarkdownHtml(markdown: string): string {
  const out: string[] = [];
  let at = 0;
  while (at < markdown.length) {
    const open = markdown.indexOf("`", at);
    if (open < 0) {
      out.push(escapeText(markdown.slice(at)));
      break;
    }
    out.push(escapeText(markdown.slice(at, open)));
    let end = open;
    while (markdown[end] === "`") end++;
    // a code span closes with a run of exactly as many backticks; an unmatched run is text
    const fence = markdown.slice(open, end);
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`, "g");
    close.lastIndex = end;
    const match = close.exec(markdown);
    const stop = match ? match.index + fence.length : end;
    out.push(markdown.slice(open, stop));
    at = stop;
  }
  return out.join("");
}

function escapeText(text: string): string {
  return text.replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;").replace(/<(?=[A-Za-z/!?])/g, "&lt;");
}
