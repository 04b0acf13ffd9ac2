import type { Exact, SolvedEquilibrium } from "linkage/gambitSolve/SolveResult";
import type { ProfileColumn } from "./solverMessages.js";

/**
 * A table of solved profiles, one body row per profile: its number, each player's probabilities
 * (headed by player, then information set where the profile is in behaviour strategies, then
 * strategy or action), each player's payoff and the profile's regret (the most any player gains
 * by deviating: 0 for an exact equilibrium). Exact values are shown as the solver wrote them
 * ("1/3", its decimal on hover); floats are rounded to 6 decimals with the full value on hover.
 * Every value cell carries the value as the solver gave it in `data-value`.
 *
 * @param test - the `data-test` name of the table (`equilibria`, `qre`, …)
 * @param rowName - what the first column shows for profile k (0-based)
 */
export function equilibriumTable(
  profiles: readonly SolvedEquilibrium[],
  players: readonly string[],
  columns: readonly (readonly ProfileColumn[])[],
  test: string,
  rowName: (k: number) => string = (k) => String(k + 1),
): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "equilibria";
  table.dataset["test"] = test;
  const head = table.createTHead();
  const byPlayer = head.insertRow();
  byPlayer.append(cell("th", "#", { rowSpan: 0 }));
  const grouped = columns.some((list) => list.some((c) => c.group !== ""));
  const groups = grouped ? head.insertRow() : null;
  const labels = head.insertRow();
  const depth = grouped ? 3 : 2;
  (byPlayer.cells[0] as HTMLTableCellElement).rowSpan = depth;
  players.forEach((name, p) => {
    const list = columns[p] ?? [];
    const th = cell("th", name || `player ${p + 1}`, { colSpan: Math.max(1, list.length) });
    th.className = "player";
    byPlayer.append(th);
    if (groups) {
      for (const run of runs(list)) {
        const g = cell("th", run.group, { colSpan: run.length });
        g.className = "group";
        groups.append(g);
      }
    }
    list.forEach((c, k) => {
      const th2 = cell("th", c.label, {});
      th2.className = `number${k === 0 ? " first" : ""}`;
      labels.append(th2);
    });
  });
  byPlayer.append(cell("th", "payoffs", { colSpan: players.length }));
  const regretHead = cell("th", "regret", { rowSpan: depth });
  regretHead.className = "number";
  byPlayer.append(regretHead);
  if (groups) {
    const blank = cell("th", "", { colSpan: players.length });
    groups.append(blank);
  }
  players.forEach((name, p) => {
    const th = cell("th", name || `player ${p + 1}`, {});
    th.className = `number${p === 0 ? " first" : ""}`;
    labels.append(th);
  });

  const body = table.createTBody();
  profiles.forEach((profile, k) => {
    const row = body.insertRow();
    row.dataset["test"] = "equilibrium";
    row.append(cell("th", rowName(k), { scope: "row" }));
    profile.profile.forEach((probabilities, p) => {
      probabilities.forEach((value, s) => {
        const td = valueCell(value);
        td.dataset["player"] = String(p + 1);
        if (s === 0) td.classList.add("first");
        if (Number(value) === 0 || value === "0") td.classList.add("zero");
        row.append(td);
      });
    });
    profile.payoffs.forEach((value, p) => {
      const td = valueCell(value);
      td.dataset["payoff"] = String(p + 1);
      if (p === 0) td.classList.add("first");
      row.append(td);
    });
    const regret = valueCell(profile.regret);
    regret.dataset["regret"] = "";
    row.append(regret);
  });
  return table;
}

/** Consecutive columns of one information set, for the group header row. */
function runs(list: readonly ProfileColumn[]): { group: string; length: number }[] {
  const out: { group: string; length: number }[] = [];
  for (const c of list) {
    const last = out[out.length - 1];
    if (last && last.group === c.group) last.length++;
    else out.push({ group: c.group, length: 1 });
  }
  return out;
}

function cell(
  tag: "th" | "td",
  text: string,
  attributes: { rowSpan?: number; colSpan?: number; scope?: string },
): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (attributes.rowSpan !== undefined) element.rowSpan = attributes.rowSpan;
  if (attributes.colSpan !== undefined) element.colSpan = attributes.colSpan;
  if (attributes.scope !== undefined) element.scope = attributes.scope;
  return element;
}

/** An exact value as written ("1/3"), a float to 6 decimals (full value on hover). */
function valueCell(value: Exact): HTMLTableCellElement {
  const td = document.createElement("td");
  td.className = "number";
  // the value exactly as the solver gave it, for reading back (tests, copying)
  td.dataset["value"] = String(value);
  if (typeof value === "string") {
    td.textContent = value;
    const [numerator, denominator] = value.split("/");
    if (denominator !== undefined) td.title = `≈ ${Number(numerator) / Number(denominator)}`;
  } else {
    const rounded = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
    td.textContent = rounded === "-0" ? "0" : rounded;
    if (td.textContent !== String(value)) td.title = String(value);
  }
  return td;
}
