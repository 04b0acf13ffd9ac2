/**
 * Text made safe to insert into HTML, in element content or in a double- or single-quoted
 * attribute: `&`, `<`, `>`, `"` and `'` become character references.
 *
 * @example escapeHtml(`<b>&"`) // => "&lt;b&gt;&amp;&quot;"
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
