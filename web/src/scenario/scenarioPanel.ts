import type { Workbench } from "../workbench.js";

/** The scenario panel: the editor, the parameters as sliders and the one-shot analysis. */
export function mountScenarioPanel(root: HTMLElement, _workbench: Workbench): void {
  root.textContent = "The scenario panel is being built.";
}
