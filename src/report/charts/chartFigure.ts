import type * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { escapeHtml } from "../escapeHtml.js";
import type { PolicyStyle } from "../policyColors.js";

/** The `document` Plot draws into on the server (STACK.md gotcha 5: typed from Plot's options). */
export type PlotDocument = NonNullable<Plot.PlotOptions["document"]>;

/** A fresh linkedom document for Plot to create its SVG elements in. */
export function plotDocument(): PlotDocument {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  return document as unknown as PlotDocument;
}

/** The markup of an element Plot returned (an `SVGSVGElement` created by linkedom). */
export function outerHtml(element: unknown): string {
  return (element as { outerHTML: string }).outerHTML;
}

export interface ChartFigureParts {
  /** Machine name, written to `data-chart` so tests and readers can find the chart. */
  readonly name: string;
  /** Title shown above the chart (plain text; escaped here). */
  readonly title: string;
  /** What the chart shows, in words (plain text; escaped here). */
  readonly caption: string;
  /** The chart's `<svg>` markup (trusted: produced by Plot or by our own layout). */
  readonly svg: string;
  /** Optional HTML shown between the title and the chart (trusted, e.g. `policyLegend`). */
  readonly legend?: string;
}

/**
 * One chart as a self-contained `<figure class="chart" data-chart="…">`: an `<h3>` title, an
 * optional legend, the SVG, and a `<figcaption>` with the caption in words.
 */
export function chartFigure({ name, title, caption, svg, legend }: ChartFigureParts): string {
  return [
    `<figure class="chart" data-chart="${escapeHtml(name)}">`,
    `<h3>${escapeHtml(title)}</h3>`,
    legend ?? "",
    svg,
    `<figcaption>${escapeHtml(caption)}</figcaption>`,
    "</figure>",
  ].join("\n");
}

/**
 * An HTML colour key for the given policies: a swatch and the label of each (policy ids belong
 * to the report's appendix). A figure has at most one: a set of small multiples shares it.
 */
export function policyLegend(style: PolicyStyle, ids: readonly string[] = style.ids): string {
  const items = ids.map(
    (id) =>
      `<span class="key"><span class="swatch" style="background:${escapeHtml(style.color[id] ?? "#888")}"></span>${escapeHtml(style.label[id] ?? id)}</span>`,
  );
  return `<div class="legend">${items.join("")}</div>`;
}
