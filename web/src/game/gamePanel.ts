import type { Workbench } from "../workbench.js";

/** The game panel: the game tree with the equilibrium path and one policy's strategic form. */
export function mountGamePanel(root: HTMLElement, _workbench: Workbench): void {
  root.textContent = "The game panel is being built.";
}
