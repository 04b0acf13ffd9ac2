import { behaviourLayout } from "linkage/games/behaviourLayout";
import type { ExtensiveGame } from "linkage/games/extensiveGame";
import type { ReducedStrategicForm } from "linkage/games/reducedStrategicForm";
import { profileCount } from "linkage/games/strategicGame";
import { compare } from "linkage/math/rational";
import { formatNumber } from "linkage/report/formatNumber";
import { pureEquilibria } from "linkage/solvers/pureEquilibria";
import { strategyAbbreviation } from "./strategyAbbreviation.js";

/** Largest table drawn: more rows or columns than this and the panel gives the size instead. */
export const MAX_TABLE_ROWS = 256;
export const MAX_TABLE_COLUMNS = 64;

/**
 * A two-player reduced strategic form as a payoff table: player 1's strategies as rows, player
 * 2's as columns (short labels, the full plan on hover, and a key naming the information set
 * each position of a label stands for), each cell the two expected payoffs; each player's best
 * replies underlined (compared exactly), and the pure Nash equilibria (the core's
 * `pureEquilibria`) marked with ★ and a coloured cell. A form with another number of players,
 * or too many strategies to read, is described by its size instead.
 *
 * Cells carry `data-row`, `data-column` and `data-nash` for tests.
 */
export function strategicFormTable(rsf: ReducedStrategicForm, tree: ExtensiveGame): HTMLElement {
  const game = rsf.game;
  const box = document.createElement("div");
  box.className = "strategic-form";
  box.dataset["test"] = "strategic-form";
  const sizes = game.strategies.map((s) => s.length);
  const size = `${sizes.join(" × ")} = ${profileCount(game).toLocaleString("en")} pure profiles`;
  const summary = document.createElement("p");
  summary.className = "muted";
  box.append(summary);
  if (game.players.length !== 2) {
    summary.textContent = `${game.players.length} players (${size}): the table shows two-player forms only; download the .nfg to solve it.`;
    return box;
  }
  if (sizes[0]! > MAX_TABLE_ROWS || sizes[1]! > MAX_TABLE_COLUMNS) {
    summary.textContent = `${size}: too large to read as a table (at most ${MAX_TABLE_ROWS} × ${MAX_TABLE_COLUMNS}); download the .nfg to solve it.`;
    return box;
  }
  const [rows, columns] = sizes as [number, number];
  const nash = new Set(pureEquilibria(game).map((e) => e[0]! + rows * e[1]!));
  summary.textContent = `${size}; ${nash.size} pure Nash equilibri${nash.size === 1 ? "um" : "a"} (★).`;

  // exact payoffs when known (always, for a form built from a tree)
  const exact = game.exactPayoffs;
  const greater = (k: number, l: number, p: number) =>
    exact
      ? compare(exact[2 * k + p]!, exact[2 * l + p]!) > 0
      : game.payoffs[2 * k + p]! > game.payoffs[2 * l + p]!;
  const index = (r: number, c: number) => r + rows * c;
  const rowBest = new Uint8Array(rows * columns);
  const columnBest = new Uint8Array(rows * columns);
  for (let c = 0; c < columns; c++) {
    let best = 0;
    for (let r = 1; r < rows; r++) if (greater(index(r, c), index(best, c), 0)) best = r;
    for (let r = 0; r < rows; r++)
      if (!greater(index(best, c), index(r, c), 0)) rowBest[index(r, c)] = 1;
  }
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < columns; c++) if (greater(index(r, c), index(r, best), 1)) best = c;
    for (let c = 0; c < columns; c++)
      if (!greater(index(r, best), index(r, c), 1)) columnBest[index(r, c)] = 1;
  }

  const table = document.createElement("table");
  table.className = "payoff-table";
  const head = table.createTHead();
  const top = head.insertRow();
  const corner = document.createElement("th");
  corner.rowSpan = 2;
  corner.className = "corner";
  corner.textContent = `${game.players[0]} ↓ / ${game.players[1]} →`;
  const colPlayer = document.createElement("th");
  colPlayer.colSpan = columns;
  colPlayer.className = "player";
  colPlayer.textContent = game.players[1]!;
  top.append(corner, colPlayer);
  const labels = head.insertRow();
  game.strategies[1]!.forEach((label, c) => {
    const th = document.createElement("th");
    th.className = "strategy";
    th.textContent = strategyAbbreviation(label);
    th.title = `${game.players[1]}: ${label}`;
    th.scope = "col";
    labels.append(th);
  });
  const body = table.createTBody();
  const valueText = (k: number, p: number) => formatNumber(game.payoffs[2 * k + p]!);
  game.strategies[0]!.forEach((label, r) => {
    const row = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.className = "strategy";
    th.textContent = strategyAbbreviation(label);
    th.title = `${game.players[0]}: ${label}`;
    row.append(th);
    for (let c = 0; c < columns; c++) {
      const k = index(r, c);
      const td = document.createElement("td");
      td.dataset["row"] = String(r);
      td.dataset["column"] = String(c);
      const isNash = nash.has(k);
      td.dataset["nash"] = String(isNash);
      td.className = isNash ? "payoffs nash" : "payoffs";
      const first = document.createElement("span");
      first.className = `sender${rowBest[k] ? " best" : ""}`;
      first.textContent = valueText(k, 0);
      const second = document.createElement("span");
      second.className = `target${columnBest[k] ? " best" : ""}`;
      second.textContent = valueText(k, 1);
      td.append(first, ", ", second);
      if (isNash) td.append(" ★");
      td.title = `${game.players[0]} ${label} vs ${game.players[1]} ${game.strategies[1]![c]}: ${game.players[0]} ${exactText(exact?.[2 * k], game.payoffs[2 * k]!)}, ${game.players[1]} ${exactText(exact?.[2 * k + 1], game.payoffs[2 * k + 1]!)}${isNash ? " — pure Nash equilibrium" : ""}`;
      row.append(td);
    }
  });
  const scroll = document.createElement("div");
  scroll.className = "table-scroll payoff-scroll";
  scroll.append(table);
  box.append(scroll, strategyKey(game.players, tree));
  return box;
}

function exactText(value: { n: bigint; d: bigint } | undefined, float: number): string {
  if (!value) return String(float);
  if (value.d === 1n) return String(value.n);
  return `${value.n}/${value.d} (≈ ${formatNumber(float, 6)})`;
}

/**
 * What each position of a strategy label stands for: per player, its information sets in the
 * order the plan lists them (behaviourLayout's order, which reducedStrategicForm follows).
 */
function strategyKey(players: readonly string[], tree: ExtensiveGame): HTMLElement {
  const details = document.createElement("details");
  details.className = "strategy-key";
  const summary = document.createElement("summary");
  summary.textContent =
    "How to read a strategy: one letter per information set, in this order (R refuse, C concede, S support, W withhold, +E escalate, · not reached by the player's own moves)";
  details.append(summary);
  const layout = behaviourLayout(tree);
  layout.playerInfosets.forEach((sets, p) => {
    const heading = document.createElement("p");
    heading.textContent = `${players[p]}:`;
    const list = document.createElement("ol");
    for (const h of sets) {
      const item = document.createElement("li");
      const set = tree.infosets[h]!;
      item.textContent = `${set.label.replace(/ \[rule: [^\]]+\]$/, "")} — ${set.actions.join(" | ")}`;
      list.append(item);
    }
    details.append(heading, list);
  });
  return details;
}
