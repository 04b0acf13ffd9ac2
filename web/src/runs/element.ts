/** Attributes of {@link element}: strings set as attributes, `false`/`undefined` left out. */
export type ElementAttributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** A child of {@link element}: a node, or text (never parsed as HTML). */
export type ElementChild = Node | string | null | undefined | false;

/**
 * A new element with its attributes and children, for the runs panel's views. Text children are
 * text nodes, so scenario names and messages (user input) are never read as markup.
 *
 * @example element("td", { class: "number" }, "2000") // <td class="number">2000</td>
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: ElementAttributes = {},
  ...children: readonly ElementChild[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}
