import type { Workbench } from "../workbench.js";

/** The Gambit panel: open a .nfg/.efg, pick a solver, read the equilibria. */
export function mountGambitPanel(root: HTMLElement, _workbench: Workbench): void {
  root.textContent = "The Gambit panel is being built.";
}
