import { escapeHtml } from "../escapeHtml.js";

/** One panel of a set of small multiples. */
export interface MultiplesPanel {
  /** Machine name, written to `data-panel`. */
  readonly name: string;
  /** The panel's title (plain text; escaped here). */
  readonly title: string;
  /** The panel's `<svg>` markup (trusted: produced by Plot). */
  readonly svg: string;
}

/**
 * Small multiples as a grid of titled panels, laid out by the page's CSS (`div.multiples`): as
 * many columns as fit, one on a narrow page or on paper. The figure that holds them carries the
 * one legend they share.
 */
export function multiplesGrid(panels: readonly MultiplesPanel[]): string {
  const cells = panels.map(
    (p) =>
      `<div class="panel" data-panel="${escapeHtml(p.name)}"><h4>${escapeHtml(p.title)}</h4>\n${p.svg}\n</div>`,
  );
  return `<div class="multiples">\n${cells.join("\n")}\n</div>`;
}
