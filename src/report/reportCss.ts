/** The stylesheet of the HTML reports (`linkage run`, `linkage calibrate`): screen and print. */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1f2937; background: #fff; line-height: 1.5; margin: 0; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.2em 0 0.5em; }
h2 { font-size: 1.3rem; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid #e5e7eb; }
h3 { font-size: 1.02rem; margin: 0 0 0.4em; }
h4 { font-size: 0.9rem; margin: 0 0 2px; font-weight: 600; }
p.lede { color: #374151; }
ul.verdict li { margin: 0.3em 0; }
section.key-findings { background: #f8fafc; border: 1px solid #e5e7eb; border-radius: 6px;
  padding: 2px 18px 6px; margin: 0 0 1em; }
section.key-findings h2 { margin-top: 0.7em; border-bottom: none; }
section.key-findings p { font-size: 1.05rem; margin: 0.5em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 0.86rem; }
th, td { border: 1px solid #e5e7eb; padding: 4px 7px; vertical-align: top; text-align: left; }
th { background: #f9fafb; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ci { color: #6b7280; font-size: 0.85em; }
tr.best td { background: #fff7ed; }
figure.chart { margin: 1em 0 1.3em; padding: 12px 14px 8px; border: 1px solid #e5e7eb; border-radius: 6px; }
figure.chart svg { display: block; max-width: 100%; height: auto; margin: 4px 0; }
figure.chart figcaption { font-size: 0.84rem; color: #4b5563; margin-top: 4px; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 8px 18px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 0.82rem; color: #374151; }
.key { display: inline-flex; align-items: center; gap: 5px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
.swatch.outline { border: 2px solid #b30000; width: 10px; height: 10px; }
.swatch.rule { height: 2px; background: #222; }
.swatch.path { height: 4px; background: #c2410c; }
.glyph { display: inline-block; width: 11px; height: 11px; }
.glyph.chance { border: 1.5px solid #4b5563; border-radius: 50%; width: 9px; height: 9px; }
.glyph.target { background: #7c3aed; }
.glyph.sender { background: #2563eb; transform: rotate(45deg) scale(0.8); }
.glyph.mean { border: 1.5px solid #111; border-radius: 50%; width: 6px; height: 6px;
  box-shadow: -6px 0 0 -1px #111, 6px 0 0 -1px #111; }
.flag-yes { color: #15803d; font-weight: 600; }
.flag-no { color: #b91c1c; font-weight: 600; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.88em;
  background: #f3f4f6; padding: 1px 4px; border-radius: 3px; word-break: break-all; }
table.parameters code, p.names code { word-break: normal; white-space: nowrap; }
table.policies td:first-child { min-width: 12em; }
.small { font-size: 0.86rem; color: #4b5563; }
a.cite { color: #1d4ed8; text-decoration: none; white-space: nowrap; }
ol.bibliography li { margin: 0.25em 0; font-size: 0.92rem; overflow-wrap: anywhere; }
details { margin: 0.8em 0; border: 1px solid #e5e7eb; border-radius: 6px; padding: 4px 12px; }
details > summary { cursor: pointer; font-weight: 600; color: #374151; padding: 4px 0; }
details[open] > summary { margin-bottom: 6px; }
footer { max-width: 1200px; margin: 0 auto; padding: 10px 20px 40px; border-top: 1px solid #e5e7eb;
  font-size: 0.8rem; color: #6b7280; }
@media print {
  @page { size: A4; margin: 9mm 9mm 10mm; }
  /* the legends' swatches are backgrounds, which print only when asked */
  body { font-size: 8pt; line-height: 1.3; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; margin: 1em 0 0.4em; break-after: avoid; }
  h3, h4 { break-after: avoid; }
  section.key-findings p { font-size: 9.5pt; }
  table { font-size: 7.5pt; }
  table.parameters { font-size: 6.5pt; table-layout: fixed; }
  table.parameters th:nth-child(1) { width: 9%; }
  table.parameters th:nth-child(2) { width: 21%; }
  table.parameters th:nth-child(3) { width: 6%; }
  table.parameters th:nth-child(4) { width: 9%; }
  table.parameters th:nth-child(5) { width: 15%; }
  table.parameters td { overflow-wrap: anywhere; padding: 1px 3px; line-height: 1.2; }
  th, td { padding: 2px 4px; }
  figure.chart { margin: 0.5em 0; padding: 6px 8px 4px; break-inside: avoid; }
  figure.chart figcaption, .small { font-size: 7.5pt; }
  .multiples { grid-template-columns: repeat(3, 1fr); gap: 4px 10px; }
  .panel, tr, ol.bibliography li { break-inside: avoid; }
  /* every folded detail prints open */
  details { border: none; padding: 0; margin: 0.4em 0; }
  details > summary { list-style: none; break-after: avoid; }
  details > summary::-webkit-details-marker { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  a.cite { color: inherit; }
  footer { max-width: none; padding: 6px 0 0; font-size: 7.5pt; }
}
`;
