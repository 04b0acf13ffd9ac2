import { escapeHtml } from "./escapeHtml.js";

/**
 * A self-contained HTML page in the reports' shell: the title, the inline stylesheet, the body
 * inside `<main>` and the footer's facts joined by " · " (calibration.html and the index of
 * several runs; the run report has its own, richer shell).
 */
export function standalonePage(
  title: string,
  css: string,
  body: readonly string[],
  footer: readonly string[],
): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    "</head>",
    "<body>",
    `<main>${body.join("\n")}</main>`,
    `<footer data-section="footer">${footer.map(escapeHtml).join(" · ")}</footer>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
