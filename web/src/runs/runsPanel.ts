import type { Workbench } from "../workbench.js";

/** The runs panel: start a full run, follow it, list, compare. */
export function mountRunsPanel(root: HTMLElement, _workbench: Workbench): void {
  root.textContent = "The runs panel is being built.";
}
