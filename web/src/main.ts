/**
 * The workbench page: four panels on one shared state. The scenario panel owns the editor and
 * the one-shot analysis, the game panel the tree and the strategic form, the runs panel the full
 * runs kept by the server, the Gambit panel any .nfg/.efg file. The URL's hash selects the panel
 * (`#game`, `#runs/<id>`, …) so a link opens where it was made.
 */
import "./style.css";
import type { Health } from "linkage/server/workbenchApi";
import { api } from "./api.js";
import { mountGambitPanel } from "./gambit/gambitPanel.js";
import { mountGamePanel } from "./game/gamePanel.js";
import { mountRunsPanel } from "./runs/runsPanel.js";
import { mountScenarioPanel } from "./scenario/scenarioPanel.js";
import { type TabName, Workbench } from "./workbench.js";

const TABS: readonly TabName[] = ["scenario", "game", "runs", "gambit"];

function panel(name: TabName): HTMLElement {
  const element = document.getElementById(`panel-${name}`);
  if (!element) throw new Error(`the page has no panel-${name}`);
  return element;
}

function show(name: TabName): void {
  for (const tab of TABS) {
    panel(tab).hidden = tab !== name;
    document
      .querySelector(`.tabs [data-tab="${tab}"]`)
      ?.setAttribute("aria-selected", String(tab === name));
  }
}

const workbench = new Workbench();
workbench.addEventListener("tab", (event) => show((event as CustomEvent<TabName>).detail));
/** The panel a location hash names (`#game`, `#runs/<id>`, …), if any. */
function tabOf(hash: string): TabName | undefined {
  const name = hash.replace(/^#/, "").split(/[/?]/)[0] as TabName;
  return TABS.includes(name) ? name : undefined;
}
// a tab's click writes its name in the URL, so a reload or a link comes back to it
for (const button of document.querySelectorAll<HTMLButtonElement>(".tabs [data-tab]")) {
  button.addEventListener("click", () => {
    const name = button.dataset["tab"] as TabName;
    if (tabOf(location.hash) === name) workbench.showTab(name);
    else location.hash = name;
  });
}
window.addEventListener("hashchange", () => {
  const name = tabOf(location.hash);
  if (name) workbench.showTab(name);
});
show(tabOf(location.hash) ?? "scenario");

mountScenarioPanel(panel("scenario"), workbench);
mountGamePanel(panel("game"), workbench);
mountRunsPanel(panel("runs"), workbench);
mountGambitPanel(panel("gambit"), workbench);

api<Health>("/api/health").then(
  (health) => {
    const version = document.getElementById("version");
    if (version) version.textContent = `Linkage ${health.version}`;
  },
  () => {
    // without a server (the page opened as a file) the server's panels say so themselves
  },
);
