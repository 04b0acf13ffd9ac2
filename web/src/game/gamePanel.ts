import { equilibriumTree } from "linkage/analysis/equilibriumTree";
import { isLinkageError } from "linkage/errors/LinkageError";
import { writeEfg } from "linkage/games/gambit/writeEfg";
import { writeNfg } from "linkage/games/gambit/writeNfg";
import { reducedStrategicForm } from "linkage/games/reducedStrategicForm";
import { compileGameTree } from "linkage/scenario/compileGameTree";
import { sourceExcerpt } from "../gambit/sourceExcerpt.js";
import type { Workbench } from "../workbench.js";
import { collapsibleGameTree } from "./collapsibleGameTree.js";
import { downloadText } from "./downloadText.js";
import { type ScenarioGame, scenarioGame } from "./scenarioGame.js";
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, strategicFormTable } from "./strategicFormTable.js";

/** Largest strategic form exported as .nfg: `linkage export`'s MAX_EXPORTED_PROFILES. */
const MAX_EXPORTED_PROFILES = 200_000;
/** A tree with more outcomes than this opens with its off-path branches folded. */
const MAX_OPEN_LEAVES = 48;
/** How long the panel waits after the last change before computing again (a slider drags). */
const SETTLE_MS = 120;

/**
 * The game panel, following the workbench's scenario text and overrides: the game tree of one
 * policy (a select of the scenario's policies, the analysis's best by default) with the
 * equilibrium path, collapsible (a large tree opens folded to its path), with the sender's
 * follow-through as its rule prescribes or every move it could make; beside it the reduced strategic form of that policy's game with
 * its pure Nash equilibria; and downloads of the whole game as `.efg` and of the policy's
 * strategic form as `.nfg`, byte-identical to `linkage export --format efg|nfg [--policy ID]
 * [--set id=value]…`. It computes only while shown (and again when shown after a change); a
 * scenario that does not parse is reported with its located messages.
 *
 * Selectors: `[data-test="game-policy"]`, `tree-all-moves` (the sender's every move, not only
 * its rule's), `game-tree` (nodes `g[data-node]`, folding on click),
 * `tree-unfold-all`, `tree-fold-off-path`, `strategic-form` (cells `td[data-nash]`),
 * `export-efg`, `export-nfg`, `game-error`.
 */
export function mountGamePanel(root: HTMLElement, workbench: Workbench): void {
  root.replaceChildren();
  root.classList.add("game-panel");

  const policy = document.createElement("select");
  policy.dataset["test"] = "game-policy";
  const policyLabel = document.createElement("label");
  policyLabel.append("Policy ", policy);
  const allMoves = document.createElement("input");
  allMoves.type = "checkbox";
  allMoves.dataset["test"] = "tree-all-moves";
  const allMovesLabel = document.createElement("label");
  allMovesLabel.append(allMoves, " every follow-through move");
  allMovesLabel.title =
    "Off: the sender follows its announced rule (as the report draws it). On: every action the sender could take, the rule's on the path.";
  const unfoldAll = button("Unfold all", "tree-unfold-all");
  const foldOffPath = button("Fold off-path branches", "tree-fold-off-path");
  const exportEfg = button("Download the whole game (.efg)", "export-efg");
  const exportNfg = button("Download this policy's strategic form (.nfg)", "export-nfg");
  const toolbar = document.createElement("div");
  toolbar.className = "game-toolbar";
  toolbar.append(policyLabel, allMovesLabel, unfoldAll, foldOffPath, exportEfg, exportNfg);
  const command = document.createElement("p");
  command.className = "muted command";
  command.dataset["test"] = "export-command";
  const error = document.createElement("pre");
  error.className = "error located";
  error.dataset["test"] = "game-error";
  error.hidden = true;
  const notes = document.createElement("p");
  notes.className = "muted";
  notes.dataset["test"] = "game-notes";

  const treeSection = document.createElement("section");
  treeSection.className = "tree-column";
  const treeHeading = document.createElement("h2");
  const treeBox = document.createElement("div");
  treeBox.className = "tree-scroll";
  treeSection.append(treeHeading, legend(), treeBox);
  const formSection = document.createElement("section");
  formSection.className = "form-column";
  const formHeading = document.createElement("h2");
  const formBox = document.createElement("div");
  formSection.append(formHeading, formBox);
  const views = document.createElement("div");
  views.className = "game-views";
  views.append(treeSection, formSection);
  root.append(toolbar, command, error, notes, views);

  let current: ScenarioGame | null = null;
  let chosen: string | null = null;
  let dirty = true;
  let settle: ReturnType<typeof setTimeout> | undefined;
  /** Folded nodes per policy (paths of edge labels), kept across recomputations. */
  const foldedByPolicy = new Map<string, Set<string>>();
  let tree: ReturnType<typeof collapsibleGameTree> | null = null;

  const setEnabled = (enabled: boolean) => {
    for (const b of [exportEfg, exportNfg, unfoldAll, foldOffPath]) b.disabled = !enabled;
    policy.disabled = !enabled;
  };
  const showError = (message: string) => {
    current = null;
    tree = null;
    error.hidden = false;
    error.textContent = message;
    notes.textContent = "";
    command.textContent = "";
    treeHeading.textContent = "Game tree";
    formHeading.textContent = "Strategic form";
    treeBox.replaceChildren();
    formBox.replaceChildren();
    views.hidden = true;
    setEnabled(false);
  };

  const compute = () => {
    dirty = false;
    if (workbench.text.trim() === "") {
      showError("No scenario yet: open or write one in the Scenario panel.");
      error.classList.remove("error");
      return;
    }
    error.classList.add("error");
    let game: ScenarioGame;
    try {
      game = scenarioGame(workbench.text, workbench.source, workbench.overrideRecord());
    } catch (caught) {
      // the message (one line per issue), then the first issue's line with a caret under it
      const excerpt = isLinkageError(caught) ? sourceExcerpt(workbench.text, caught.location) : "";
      showError([message(caught), excerpt].filter(Boolean).join("\n\n"));
      return;
    }
    current = game;
    views.hidden = false;
    error.hidden = true;
    setEnabled(true);
    notes.textContent = game.warnings.map((w) => `note: ${w}`).join("; ");
    const ids = Object.keys(game.analysis.policies);
    const best = game.analysis.bestPolicy;
    const selected = chosen !== null && ids.includes(chosen) ? chosen : best;
    policy.replaceChildren(
      ...ids.map((id) => {
        const label = game.analysis.policies[id]!.label;
        return new Option(
          `${id} — ${label}${id === best ? " (best)" : ""}`,
          id,
          id === selected,
          id === selected,
        );
      }),
    );
    draw(game, selected);
  };

  const draw = (game: ScenarioGame, id: string) => {
    const { scenario, values, analysis } = game;
    const names = { sender: scenario.sender.name, target: scenario.target.name };
    const label = analysis.policies[id]?.label ?? id;
    const sets = Object.entries(workbench.overrideRecord())
      .map(([key, value]) => ` --set ${key}=${value}`)
      .join("");
    command.textContent = `The downloads are what the command line writes: linkage export ${scenario.source} --format efg${sets}, and … --format nfg --policy ${id}${sets}.`;
    treeHeading.textContent = `Game tree of policy ${id} (${label})${id === analysis.bestPolicy ? ", the best policy" : ""}`;
    formHeading.textContent = `Strategic form of policy ${id}'s game (reduced)`;
    try {
      const full = allMoves.checked;
      const key = `${scenario.id}|${id}|${full}`;
      const known = foldedByPolicy.get(key);
      const folded = known ?? new Set<string>();
      foldedByPolicy.set(key, folded);
      const nodes = equilibriumTree(scenario, values, analysis, id, {
        followThrough: full ? "all" : "rule",
      });
      tree = collapsibleGameTree(nodes, names, folded);
      // a large tree opens on its equilibrium path, the rest folded
      const leaves = nodes.filter((n) => n.kind === "terminal").length;
      if (!known && leaves > MAX_OPEN_LEAVES) tree.foldOffPath();
      treeBox.replaceChildren(tree.element);
    } catch (caught) {
      tree = null;
      treeBox.replaceChildren(paragraph(message(caught), "error"));
    }
    try {
      const extensive = compileGameTree(scenario, values, { policy: id });
      const rsf = reducedStrategicForm(extensive, {
        maxProfiles: MAX_TABLE_ROWS * MAX_TABLE_COLUMNS,
      });
      formBox.replaceChildren(strategicFormTable(rsf, extensive));
    } catch (caught) {
      const box = document.createElement("div");
      box.className = "strategic-form";
      box.dataset["test"] = "strategic-form";
      box.append(
        paragraph(
          `${message(caught)}. The table shows forms up to ${MAX_TABLE_ROWS} × ${MAX_TABLE_COLUMNS} strategies; the .nfg download takes up to ${MAX_EXPORTED_PROFILES.toLocaleString("en")} profiles.`,
          "muted",
        ),
      );
      formBox.replaceChildren(box);
    }
  };

  const schedule = () => {
    dirty = true;
    if (root.hidden) return;
    clearTimeout(settle);
    settle = setTimeout(() => {
      if (!root.hidden) compute();
    }, SETTLE_MS);
  };
  workbench.on("scenario", schedule);
  workbench.on("overrides", schedule);
  // computing only while shown: catch up when the panel is shown after a change
  new MutationObserver(() => {
    if (!root.hidden && dirty) {
      clearTimeout(settle);
      compute();
    }
  }).observe(root, { attributes: true, attributeFilter: ["hidden"] });

  allMoves.addEventListener("change", () => {
    if (current) draw(current, policy.value);
  });
  policy.addEventListener("change", () => {
    chosen = policy.value;
    if (current) draw(current, chosen);
  });
  unfoldAll.addEventListener("click", () => tree?.unfoldAll());
  foldOffPath.addEventListener("click", () => tree?.foldOffPath());
  exportEfg.addEventListener("click", () => {
    if (!current) return;
    const { scenario, values } = current;
    try {
      downloadText(writeEfg(compileGameTree(scenario, values)), `${scenario.id}.efg`);
    } catch (caught) {
      notes.textContent = message(caught);
    }
  });
  exportNfg.addEventListener("click", () => {
    if (!current) return;
    const { scenario, values } = current;
    const id = policy.value;
    try {
      const rsf = reducedStrategicForm(compileGameTree(scenario, values, { policy: id }), {
        maxProfiles: MAX_EXPORTED_PROFILES,
      });
      downloadText(writeNfg(rsf.game), `${scenario.id}-${id}.nfg`);
    } catch (caught) {
      notes.textContent = `policy ${id}: ${message(caught)}; download the whole game as .efg instead`;
    }
  });

  setEnabled(false);
  if (!root.hidden) compute();
}

/** A LinkageError's message as the CLI prints it; anything else says it is unexpected. */
function message(caught: unknown): string {
  if (isLinkageError(caught)) return caught.message;
  return `unexpected failure: ${caught instanceof Error ? caught.message : String(caught)}`;
}

function paragraph(text: string, className: string): HTMLElement {
  const p = document.createElement("p");
  p.className = className;
  p.textContent = text;
  return p;
}

function button(text: string, test: string): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = text;
  element.dataset["test"] = test;
  return element;
}

/** The tree's key: who each glyph is, and the path's colour. */
function legend(): HTMLElement {
  const box = document.createElement("div");
  box.className = "tree-legend";
  box.innerHTML = [
    '<span><svg width="16" height="16"><circle cx="8" cy="8" r="6" fill="#fff" stroke="#4b5563"/></svg> Nature (type, signal)</span>',
    '<span><svg width="16" height="16"><rect x="2" y="2" width="12" height="12" fill="#7c3aed"/></svg> target decides</span>',
    '<span><svg width="16" height="16"><path d="M8,1L15,8L8,15L1,8Z" fill="#2563eb"/></svg> sender follows through</span>',
    '<span><svg width="22" height="16"><path d="M1,8H21" stroke="#c2410c" stroke-width="3"/></svg> equilibrium path</span>',
    '<span class="muted">click a node to fold or unfold it</span>',
  ].join("");
  return box;
}
