import type { PolicyStyle } from "linkage/report/policyColors";
import { element } from "./element.js";

/**
 * The charts' legend as toggles: a checkbox per policy with its report colour and label.
 * Unticking a policy removes it from `shown` and calls `onChange` (the charts re-render).
 */
export function policyToggles(
  style: PolicyStyle,
  ids: readonly string[],
  shown: Set<string>,
  onChange: () => void,
): HTMLElement {
  const legend = element("div", { class: "runs-legend", "data-test": "policy-toggles" });
  for (const id of ids) {
    const box = element("input", { type: "checkbox", "data-policy": id, checked: shown.has(id) });
    box.addEventListener("change", () => {
      if (box.checked) shown.add(id);
      else shown.delete(id);
      onChange();
    });
    const swatch = element("span", { class: "runs-swatch" });
    swatch.style.background = style.color[id] ?? "#888";
    legend.append(element("label", { title: id }, box, swatch, style.label[id] ?? id));
  }
  return legend;
}
