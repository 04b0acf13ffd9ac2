import type { TreeNode } from "linkage/analysis/ScenarioRun";
import { tidyTreeLayout } from "linkage/report/charts/gameTreeChart";
import { formatNumber } from "linkage/report/formatNumber";

const SVG = "http://www.w3.org/2000/svg";
const PATH = "#c2410c";
const OFF = "#9ca3af";
const ROW = 24;
const LEFT = 110;
const TOP = 24;
/** Rough width of one character of the 12 px labels, to size the columns. */
const CHAR = 7;

/** Who is who in the tree's payoff labels. */
export interface TreeNames {
  readonly sender: string;
  readonly target: string;
}

/** A game tree view that folds: its element, and ways to fold or unfold many nodes at once. */
export interface CollapsibleGameTree {
  readonly element: HTMLElement;
  /** Unfolds every node. */
  unfoldAll(): void;
  /** Folds every decision or chance node off the equilibrium path, leaving the path and its stubs. */
  foldOffPath(): void;
}

/**
 * Draws a game tree (`TreeNode`s as analysis/equilibriumTree gives them) left to right, with the
 * report's glyphs (Nature: open circle; target: square; sender: diamond; terminal: dot; payoffs
 * at the leaves) and the equilibrium path thick and coloured. Clicking a decision or chance node
 * (or Enter on it) folds its subtree into a stub showing how many outcomes it hides, and unfolds
 * it again; each change lays the visible tree out again with `tidyTreeLayout`, so lines never
 * cross. Columns are as wide as their edge labels need.
 *
 * `folded` holds the folded nodes by their path of edge labels from the root; the caller may
 * keep it to restore the folding after the tree is recomputed (same policy, new values).
 * Nodes carry `data-node`, `data-kind`, `data-on-path` and `data-folded` for tests.
 */
export function collapsibleGameTree(
  nodes: readonly TreeNode[],
  names: TreeNames,
  folded: Set<string>,
): CollapsibleGameTree {
  const element = document.createElement("div");
  element.className = "game-tree";
  element.dataset["test"] = "game-tree";
  const children = new Map<number, TreeNode[]>();
  const byId = new Map<number, TreeNode>();
  for (const n of nodes) {
    byId.set(n.id, n);
    const list = children.get(n.parent) ?? [];
    list.push(n);
    children.set(n.parent, list);
  }
  const keys = new Map<number, string>();
  const leafCount = new Map<number, number>();
  const root = children.get(-1)?.[0];
  const walk = (n: TreeNode, key: string): number => {
    keys.set(n.id, key);
    const kids = children.get(n.id) ?? [];
    const leaves =
      kids.length === 0 ? 1 : kids.reduce((sum, k) => sum + walk(k, `${key}/${k.edge}`), 0);
    leafCount.set(n.id, leaves);
    return leaves;
  };
  if (root) walk(root, "");

  const render = () => {
    element.replaceChildren();
    if (!root) {
      element.textContent = "The tree is empty.";
      return;
    }
    element.append(drawTree(root, children, byId, keys, leafCount, names, folded, toggle));
  };
  const toggle = (id: number) => {
    const key = keys.get(id)!;
    if (folded.has(key)) folded.delete(key);
    else folded.add(key);
    render();
    element.querySelector<SVGGElement>(`[data-node="${id}"]`)?.focus({ preventScroll: true });
  };
  render();
  return {
    element,
    unfoldAll() {
      folded.clear();
      render();
    },
    foldOffPath() {
      folded.clear();
      for (const n of nodes) {
        if (!n.onPath && (children.get(n.id)?.length ?? 0) > 0) {
          const parent = byId.get(n.parent);
          // fold the topmost off-path nodes only: their subtrees are hidden anyway
          if (!parent || parent.onPath) folded.add(keys.get(n.id)!);
        }
      }
      render();
    },
  };
}

function drawTree(
  root: TreeNode,
  children: ReadonlyMap<number, readonly TreeNode[]>,
  byId: ReadonlyMap<number, TreeNode>,
  keys: ReadonlyMap<number, string>,
  leafCount: ReadonlyMap<number, number>,
  names: TreeNames,
  folded: ReadonlySet<string>,
  toggle: (id: number) => void,
): SVGSVGElement {
  // the visible tree: a folded node's subtree is left out
  const visible: TreeNode[] = [];
  const visit = (n: TreeNode) => {
    visible.push(n);
    if (folded.has(keys.get(n.id)!)) return;
    for (const k of children.get(n.id) ?? []) visit(k);
  };
  visit(root);
  const layout = tidyTreeLayout(visible, 1, ROW);

  // each column as wide as its longest edge label (or, past the last, the payoff labels)
  const edgeText = (n: TreeNode) =>
    `${n.edge}${n.probability === null ? "" : ` (p = ${formatNumber(n.probability)})`}`;
  const payoffText = (n: TreeNode) =>
    n.payoffs
      ? `${names.sender} ${formatNumber(n.payoffs[0])}, ${names.target} ${formatNumber(n.payoffs[1])}`
      : "";
  const widths: number[] = [];
  let maxDepth = 0;
  let lastWidth = 60;
  for (const n of visible) {
    const p = layout.get(n.id)!;
    maxDepth = Math.max(maxDepth, p.depth);
    widths[p.depth] = Math.max(widths[p.depth] ?? 90, edgeText(n).length * CHAR + 40);
    if (n.kind === "terminal") lastWidth = Math.max(lastWidth, payoffText(n).length * CHAR + 20);
    else if (folded.has(keys.get(n.id)!)) lastWidth = Math.max(lastWidth, 120);
  }
  const columnX: number[] = [LEFT];
  for (let d = 1; d <= maxDepth; d++) columnX[d] = columnX[d - 1]! + (widths[d] ?? 90);
  let maxY = 0;
  for (const p of layout.values()) maxY = Math.max(maxY, p.y);
  const width = columnX[maxDepth]! + lastWidth + 20;
  const height = TOP + maxY + 30;
  const at = (id: number) => {
    const p = layout.get(id)!;
    return { x: columnX[p.depth]!, y: TOP + p.y };
  };

  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("role", "img");
  svg.setAttribute("font-size", "12");
  svg.setAttribute("font-family", "system-ui, sans-serif");
  const edges = make("g", { class: "edges" });
  const labels = make("g", { class: "edge-labels" });
  const glyphs = make("g", { class: "nodes" });
  svg.append(edges, labels, glyphs);

  // off-path edges first, so the equilibrium path is drawn on top
  const ordered = [...visible].sort((a, b) => Number(a.onPath) - Number(b.onPath));
  for (const n of ordered) {
    const parent = byId.get(n.parent);
    if (!parent) continue;
    const from = at(parent.id);
    const to = at(n.id);
    const elbow = from.x + 14;
    const onPath = n.onPath && parent.onPath;
    edges.append(
      make("path", {
        d: `M${from.x},${from.y}H${elbow}V${to.y}H${to.x}`,
        fill: "none",
        stroke: onPath ? PATH : OFF,
        "stroke-width": onPath ? "3" : "1.3",
        class: onPath ? "edge on-path" : "edge",
      }),
    );
    const text = edgeText(n);
    if (text) {
      const label = make("text", {
        x: String(elbow + 6),
        y: String(to.y - 5),
        fill: onPath ? PATH : "#374151",
        class: onPath ? "edge-label on-path" : "edge-label",
      });
      if (onPath) label.setAttribute("font-weight", "600");
      label.textContent = text;
      labels.append(label);
    }
  }

  for (const n of visible) {
    const { x, y } = at(n.id);
    const kids = children.get(n.id)?.length ?? 0;
    const isFolded = folded.has(keys.get(n.id)!);
    const g = make("g", {
      class: `node ${n.kind}${n.onPath ? " on-path" : ""}${kids > 0 ? " toggle" : ""}`,
      "data-node": String(n.id),
      "data-kind": n.kind,
      "data-on-path": String(n.onPath),
      "data-folded": String(isFolded),
    });
    const title = make("title", {});
    title.textContent =
      n.kind === "terminal"
        ? payoffText(n)
        : `${n.label || n.kind}${kids > 0 ? ` — click to ${isFolded ? "unfold" : "fold"}` : ""}`;
    g.append(title, glyph(n, x, y));
    if (kids > 0) {
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-expanded", String(!isFolded));
      g.setAttribute("aria-label", `${isFolded ? "unfold" : "fold"} ${n.label || n.kind}`);
      // a generous invisible target around the small glyph
      g.append(make("circle", { cx: String(x), cy: String(y), r: "12", fill: "transparent" }));
      g.addEventListener("click", () => toggle(n.id));
      g.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          toggle(n.id);
        }
      });
    }
    if (isFolded) {
      g.append(
        make("path", {
          d: `M${x + 10},${y}h16`,
          stroke: n.onPath ? PATH : OFF,
          "stroke-dasharray": "3 3",
          "stroke-width": "1.5",
        }),
      );
      const badge = make("text", {
        x: String(x + 30),
        y: String(y),
        dy: "0.32em",
        class: "fold-badge",
      });
      const hidden = leafCount.get(n.id) ?? 0;
      badge.textContent = `+ ${hidden} outcome${hidden === 1 ? "" : "s"}`;
      g.append(badge);
    }
    if (n.kind === "terminal" && n.payoffs) {
      const payoff = make("text", {
        x: String(x + 9),
        y: String(y),
        dy: "0.32em",
        fill: n.onPath ? PATH : "#111827",
        class: "payoffs",
      });
      if (n.onPath) payoff.setAttribute("font-weight", "600");
      payoff.textContent = payoffText(n);
      g.append(payoff);
    }
    glyphs.append(g);
  }
  const rootAt = at(root.id);
  const rootLabel = make("text", {
    x: String(rootAt.x - 13),
    y: String(rootAt.y),
    dy: "0.32em",
    "text-anchor": "end",
    fill: "#111827",
  });
  rootLabel.textContent = root.label.replace(/^[^:]*:\s*/, "");
  svg.append(rootLabel);
  return svg;
}

function glyph(n: TreeNode, x: number, y: number): SVGElement {
  const stroke = n.onPath ? PATH : "#4b5563";
  const width = n.onPath ? "2.5" : "1.2";
  switch (n.kind) {
    case "chance":
      return make("circle", {
        cx: String(x),
        cy: String(y),
        r: "7",
        fill: "#ffffff",
        stroke,
        "stroke-width": width,
      });
    case "target":
      return make("rect", {
        x: String(x - 6),
        y: String(y - 6),
        width: "12",
        height: "12",
        fill: "#7c3aed",
        stroke,
        "stroke-width": width,
      });
    case "sender":
      return make("path", {
        d: `M${x},${y - 8}L${x + 8},${y}L${x},${y + 8}L${x - 8},${y}Z`,
        fill: "#2563eb",
        stroke,
        "stroke-width": width,
      });
    case "terminal":
      return make("circle", {
        cx: String(x),
        cy: String(y),
        r: "3.5",
        fill: n.onPath ? PATH : "#374151",
      });
  }
}

function make<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}
