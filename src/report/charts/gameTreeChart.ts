import type { ScenarioRun, TreeNode } from "../../analysis/ScenarioRun.js";
import { escapeHtml } from "../escapeHtml.js";
import { formatNumber } from "../formatNumber.js";
import { chartFigure } from "./chartFigure.js";

/** Where a tree node sits in the drawing. */
export interface TreePosition {
  readonly x: number;
  readonly y: number;
  readonly depth: number;
}

/**
 * A tidy layout of a tree given by parent links, left to right: a node's x is its depth times
 * `columnWidth`, leaves are spaced `rowHeight` apart in depth-first order (children in the order
 * they are listed), and each parent is centred vertically between its first and last child.
 *
 * @param nodes - each with a unique `id` and its `parent` (−1 for the root; exactly one root)
 * @example tidyTreeLayout([{ id: 0, parent: -1 }, { id: 1, parent: 0 }, { id: 2, parent: 0 }], 100, 20)
 * // => Map { 0 => {x: 0, y: 10, depth: 0}, 1 => {x: 100, y: 0, depth: 1}, 2 => {x: 100, y: 20, depth: 1} }
 */
export function tidyTreeLayout(
  nodes: readonly { readonly id: number; readonly parent: number }[],
  columnWidth: number,
  rowHeight: number,
): Map<number, TreePosition> {
  const children = new Map<number, number[]>();
  for (const n of nodes) {
    const list = children.get(n.parent) ?? [];
    list.push(n.id);
    children.set(n.parent, list);
  }
  const positions = new Map<number, TreePosition>();
  let nextLeaf = 0;
  const place = (id: number, depth: number): number => {
    const kids = children.get(id) ?? [];
    let y: number;
    if (kids.length === 0) y = nextLeaf++ * rowHeight;
    else {
      const ys = kids.map((k) => place(k, depth + 1));
      y = (ys[0]! + ys[ys.length - 1]!) / 2;
    }
    positions.set(id, { x: depth * columnWidth, y, depth });
    return y;
  };
  for (const root of children.get(-1) ?? []) place(root, 0);
  return positions;
}

const PATH = "#c2410c";
const OFF = "#9ca3af";
const FILL: Record<TreeNode["kind"], string> = {
  chance: "#ffffff",
  target: "#7c3aed",
  sender: "#2563eb",
  terminal: "#374151",
};

function nodeGlyph(n: TreeNode, x: number, y: number): string {
  const stroke = n.onPath ? PATH : "#4b5563";
  const width = n.onPath ? 2.5 : 1.2;
  const title = `<title>${escapeHtml(n.label || n.kind)}</title>`;
  switch (n.kind) {
    case "chance":
      return `<circle cx="${x}" cy="${y}" r="7" fill="${FILL.chance}" stroke="${stroke}" stroke-width="${width}">${title}</circle>`;
    case "target":
      return `<rect x="${x - 6}" y="${y - 6}" width="12" height="12" fill="${FILL.target}" stroke="${stroke}" stroke-width="${width}">${title}</rect>`;
    case "sender":
      return `<path d="M${x},${y - 8}L${x + 8},${y}L${x},${y + 8}L${x - 8},${y}Z" fill="${FILL.sender}" stroke="${stroke}" stroke-width="${width}">${title}</path>`;
    case "terminal":
      return `<circle cx="${x}" cy="${y}" r="3.5" fill="${n.onPath ? PATH : FILL.terminal}">${title}</circle>`;
  }
}

/**
 * The best policy's one-shot game tree, drawn left to right with our own tidy layout
 * (`tidyTreeLayout`): Nature's chance nodes as open circles, the target's decisions as squares,
 * the sender's follow-through as diamonds; each edge labelled with its move (and its probability
 * where Nature moves); payoffs at the terminal nodes; the equilibrium path thick and coloured.
 *
 * @param names - how the sender and target are named next to the payoffs
 * @returns a `<figure class="chart" data-chart="game-tree">`, or "" for an empty tree
 */
export function gameTreeChart(
  run: ScenarioRun,
  names: { readonly sender: string; readonly target: string },
): string {
  const nodes = run.tree.nodes;
  if (nodes.length === 0) return "";
  const column = 170;
  const row = 26;
  const left = 90;
  const top = 30;
  const layout = tidyTreeLayout(nodes, column, row);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let maxDepth = 0;
  let maxY = 0;
  for (const p of layout.values()) {
    maxDepth = Math.max(maxDepth, p.depth);
    maxY = Math.max(maxY, p.y);
  }
  const width = left + maxDepth * column + 230;
  const height = top + maxY + 40;
  const at = (id: number) => {
    const p = layout.get(id)!;
    return { x: left + p.x, y: top + p.y };
  };

  const edges: string[] = [];
  const labels: string[] = [];
  // Off-path edges first, so the equilibrium path is drawn on top.
  const ordered = [...nodes].sort((a, b) => Number(a.onPath) - Number(b.onPath));
  for (const n of ordered) {
    const parent = byId.get(n.parent);
    if (!parent) continue;
    const from = at(parent.id);
    const to = at(n.id);
    const elbow = from.x + 14;
    const onPath = n.onPath && parent.onPath;
    edges.push(
      `<path d="M${from.x},${from.y}H${elbow}V${to.y}H${to.x}" fill="none" stroke="${onPath ? PATH : OFF}" stroke-width="${onPath ? 3 : 1.3}"/>`,
    );
    const probability = n.probability === null ? "" : ` (p = ${formatNumber(n.probability)})`;
    const text = `${n.edge}${probability}`;
    if (text)
      labels.push(
        `<text x="${elbow + 6}" y="${to.y - 5}" fill="${onPath ? PATH : "#374151"}"${onPath ? ' font-weight="600"' : ""}>${escapeHtml(text)}</text>`,
      );
  }
  const glyphs: string[] = [];
  for (const n of nodes) {
    const { x, y } = at(n.id);
    glyphs.push(nodeGlyph(n, x, y));
    if (n.kind === "terminal" && n.payoffs) {
      const [s, t] = n.payoffs;
      glyphs.push(
        `<text x="${x + 9}" y="${y}" dy="0.32em" fill="${n.onPath ? PATH : "#111827"}"${n.onPath ? ' font-weight="600"' : ""}>${escapeHtml(`${names.sender} ${formatNumber(s)}, ${names.target} ${formatNumber(t)}`)}</text>`,
      );
    }
  }
  const root = nodes.find((n) => n.parent === -1);
  if (root) {
    const { x, y } = at(root.id);
    glyphs.push(
      `<text x="${x - 11}" y="${y}" dy="0.32em" text-anchor="end" fill="#111827">${escapeHtml(root.label.replace(/^[^:]*:\s*/, ""))}</text>`,
    );
  }
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(`Game tree of policy ${run.tree.policy}`)}" font-family="system-ui, sans-serif" font-size="11">`,
    ...edges,
    ...labels,
    ...glyphs,
    "</svg>",
  ].join("\n");
  const policy = run.analysis.policies[run.tree.policy];
  const legend = `<div class="legend"><span class="key"><span class="glyph chance"></span>Nature (type, signal)</span><span class="key"><span class="glyph target"></span>${escapeHtml(names.target)} decides</span><span class="key"><span class="glyph sender"></span>${escapeHtml(names.sender)} follows through</span><span class="key"><span class="swatch path"></span>equilibrium path</span></div>`;
  return chartFigure({
    name: "game-tree",
    title: `The one-shot game under the best policy: ${policy?.label ?? run.tree.policy}`,
    caption: `The game tree of the best policy, read left to right: Nature draws the ${names.target}'s type, the ${names.target} decides on each demand, Nature sends a noisy signal where a demand is hidden, and the ${names.sender} follows its announced rule. Edges carry the move and, where Nature moves, its probability; terminal nodes carry the payoffs (${names.sender}, ${names.target}). The thick coloured edges are the equilibrium path: each type's best response and the rule's follow-through. Hover a node for who moves there.`,
    svg,
    legend,
  });
}
