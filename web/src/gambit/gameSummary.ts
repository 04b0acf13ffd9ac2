import { CHANCE, PERSONAL, TERMINAL } from "linkage/games/extensiveGame";
import type { GambitGame } from "linkage/games/gambit/readGambitGame";
import { perfectRecall } from "linkage/games/perfectRecall";
import { profileCount } from "linkage/games/strategicGame";

/** How many labels of a list the summary shows before saying "and N more". */
const SHOWN_LABELS = 12;

/**
 * A short description of a game read from a Gambit file, as an element: its title, its form,
 * and per player the strategies (strategic form) or the information sets and their actions
 * (extensive form), with the size of the game (profiles, or nodes by kind) and, for a tree,
 * whether it has perfect recall (the methods that need it refuse it otherwise).
 */
export function gameSummary(input: GambitGame, source: string): HTMLElement {
  const box = document.createElement("div");
  box.className = "game-summary";
  box.dataset["test"] = "game-summary";
  const heading = document.createElement("p");
  const title = input.game.title || "(untitled)";
  const strong = document.createElement("strong");
  strong.textContent = title;
  heading.append(strong, ` — ${source}, ${input.form} form, ${input.game.players.length} players`);
  box.append(heading);

  const table = document.createElement("table");
  table.className = "summary-table";
  const head = table.createTHead().insertRow();
  for (const text of ["player", input.form === "strategic" ? "strategies" : "information sets"])
    head.append(Object.assign(document.createElement("th"), { textContent: text }));
  const body = table.createTBody();
  const facts = document.createElement("p");
  facts.className = "muted";

  if (input.form === "strategic") {
    const game = input.game;
    game.players.forEach((name, p) => {
      const labels = game.strategies[p]!.map((label, s) => label || String(s + 1));
      addRow(body, name || `player ${p + 1}`, `${labels.length}: ${listed(labels)}`);
    });
    facts.textContent = `${profileCount(game).toLocaleString("en")} pure strategy profiles (${game.strategies.map((s) => s.length).join(" × ")}).`;
  } else {
    const game = input.game;
    let terminal = 0;
    let personal = 0;
    let chance = 0;
    for (const kind of game.nodeKind) {
      if (kind === TERMINAL) terminal++;
      else if (kind === PERSONAL) personal++;
      else if (kind === CHANCE) chance++;
    }
    game.players.forEach((name, p) => {
      const sets = game.infosets.filter((set) => set.player === p);
      const described = sets.map(
        (set, k) =>
          `${set.label || `set ${k + 1}`} {${set.actions.map((a, i) => a || String(i + 1)).join(", ")}}`,
      );
      addRow(body, name || `player ${p + 1}`, `${sets.length}: ${listed(described)}`);
    });
    const chanceSets = game.infosets.filter((set) => set.player < 0).length;
    if (chanceSets > 0) addRow(body, "Nature", `${chanceSets} chance sets`);
    const recall = perfectRecall(game);
    facts.textContent = `${game.nodeKind.length.toLocaleString("en")} nodes: ${personal.toLocaleString("en")} decision, ${chance.toLocaleString("en")} chance, ${terminal.toLocaleString("en")} terminal; ${game.outcomes.length.toLocaleString("en")} outcomes; ${recall.ok ? "perfect recall" : `no perfect recall (${recall.reason}) — methods that need it will refuse the game`}.`;
  }
  box.append(table, facts);
  return box;
}

function addRow(body: HTMLTableSectionElement, name: string, text: string): void {
  const row = body.insertRow();
  row.append(
    Object.assign(document.createElement("th"), { textContent: name, scope: "row" }),
    Object.assign(document.createElement("td"), { textContent: text }),
  );
}

function listed(labels: readonly string[]): string {
  const shown = labels.slice(0, SHOWN_LABELS).join(", ");
  return labels.length > SHOWN_LABELS
    ? `${shown}, … and ${labels.length - SHOWN_LABELS} more`
    : shown;
}
