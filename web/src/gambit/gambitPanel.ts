import { isLinkageError } from "linkage/errors/LinkageError";
import type { GambitGame } from "linkage/games/gambit/readGambitGame";
import { readGambitGame } from "linkage/games/gambit/readGambitGame";
import type { Workbench } from "../workbench.js";
import { equilibriumTable } from "./equilibriumTable.js";
import { gameSummary } from "./gameSummary.js";
import { solverControls } from "./solverControls.js";
import type { SolveRequest, SolverReply } from "./solverMessages.js";
import { sourceExcerpt } from "./sourceExcerpt.js";

/** Largest game file read, in bytes: `linkage solve`'s limit (MAX_GAME_BYTES, docs/limits.md). */
const MAX_GAME_BYTES = 64 * 2 ** 20;
/** Pasted text longer than this is not echoed into the text area when a file is opened. */
const MAX_ECHOED_CHARS = 1_000_000;

/** How long after the last keystroke the pasted text is read. */
const READ_DELAY_MS = 400;

/** A game as read: its text (sent to the solver), its name, and the core's reading of it. */
interface OpenGame {
  readonly text: string;
  readonly source: string;
  readonly input: GambitGame;
}

/**
 * The Gambit panel: open any Gambit `.nfg`/`.efg` (a file, or pasted text, read as it is
 * typed), read by the core's reader with located errors (the line and a caret under the
 * column); its summary; a solver picker with `linkage solve`'s options; the solving in a Web
 * Worker with elapsed time and Cancel; the equilibria as a table.
 *
 * Selectors: `[data-test="gambit-file"]` (file input), `gambit-text` (text area),
 * `gambit-error`, `game-summary`, `solver-method`, `solver-rational`, `solve`, `cancel-solve`,
 * `solve-status`, `equilibria` (one `tbody tr[data-test="equilibrium"]` per equilibrium).
 */
export function mountGambitPanel(root: HTMLElement, _workbench: Workbench): void {
  root.replaceChildren();
  root.classList.add("gambit-panel");

  const open = section("Open a Gambit game");
  const file = document.createElement("input");
  file.type = "file";
  file.accept = ".nfg,.efg";
  file.dataset["test"] = "gambit-file";
  const fileLabel = document.createElement("label");
  fileLabel.append("File (.nfg or .efg) ", file);
  const text = document.createElement("textarea");
  text.dataset["test"] = "gambit-text";
  text.rows = 8;
  text.spellcheck = false;
  text.placeholder =
    'or paste a game here, e.g. NFG 1 R "Matching pennies" { "1" "2" } { 2 2 } 1 -1 -1 1 -1 1 1 -1';
  const readButton = button("Read the pasted game", "gambit-read");
  const error = document.createElement("pre");
  error.className = "error located";
  error.dataset["test"] = "gambit-error";
  error.hidden = true;
  const summary = document.createElement("div");
  const pasteRow = document.createElement("div");
  pasteRow.className = "paste-row";
  pasteRow.append(text, readButton);
  open.append(fileLabel, pasteRow, error, summary);

  const solve = section("Solve");
  const controls = solverControls();
  const solveButton = button("Solve", "solve");
  const cancelButton = button("Cancel", "cancel-solve");
  solveButton.disabled = true;
  cancelButton.disabled = true;
  const status = document.createElement("span");
  status.className = "solve-status muted";
  status.dataset["test"] = "solve-status";
  status.setAttribute("aria-live", "polite");
  const actions = document.createElement("div");
  actions.className = "solve-actions";
  actions.append(solveButton, cancelButton, status);
  const solveError = document.createElement("p");
  solveError.className = "error";
  solveError.dataset["test"] = "solve-error";
  solveError.hidden = true;
  const results = document.createElement("div");
  results.className = "solve-results";
  solve.append(controls.element, actions, solveError, results);
  root.append(open, solve);

  let current: OpenGame | null = null;
  let worker: Worker | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let started = 0;
  let found = 0;

  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const stop = () => {
    worker?.terminate();
    worker = null;
    clearInterval(timer);
    timer = undefined;
    solveButton.disabled = current === null;
    cancelButton.disabled = true;
    root.dataset["solving"] = "false";
  };

  const load = (source: string, content: string) => {
    stop();
    results.replaceChildren();
    solveError.hidden = true;
    status.textContent = "";
    try {
      const input = readGambitGame(content, source);
      current = { text: content, source, input };
      error.hidden = true;
      error.textContent = "";
      summary.replaceChildren(gameSummary(input, source));
      controls.setForm(input.form);
    } catch (caught) {
      current = null;
      summary.replaceChildren();
      controls.setForm(null);
      error.hidden = false;
      error.textContent = isLinkageError(caught)
        ? [caught.message, sourceExcerpt(content, caught.location)].filter(Boolean).join("\n")
        : `could not read the game: ${caught instanceof Error ? caught.message : String(caught)}`;
    }
    solveButton.disabled = current === null;
  };

  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_GAME_BYTES) {
      load(chosen.name, "");
      error.textContent = `${chosen.name}: ${chosen.size.toLocaleString("en")} bytes, more than the ${MAX_GAME_BYTES.toLocaleString("en")} a game file may have`;
      return;
    }
    chosen.text().then(
      (content) => {
        text.value = content.length <= MAX_ECHOED_CHARS ? content : "";
        text.scrollTop = 0;
        load(chosen.name, content);
      },
      (reason: unknown) => {
        error.hidden = false;
        error.textContent = `${chosen.name}: could not be read (${String(reason)})`;
      },
    );
  });
  const readPasted = () => {
    clearTimeout(typing);
    file.value = "";
    load("pasted game", text.value);
  };
  readButton.addEventListener("click", readPasted);
  // what is typed or pasted is read as it changes (errors located as one types)
  let typing: ReturnType<typeof setTimeout> | undefined;
  text.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(readPasted, READ_DELAY_MS);
  });

  solveButton.addEventListener("click", () => {
    if (!current) return;
    let options: ReturnType<typeof controls.read>;
    try {
      options = controls.read();
    } catch (caught) {
      solveError.hidden = false;
      solveError.textContent = caught instanceof Error ? caught.message : String(caught);
      return;
    }
    stop();
    const game = current;
    solveError.hidden = true;
    results.replaceChildren();
    found = 0;
    started = performance.now();
    root.dataset["solving"] = "true";
    solveButton.disabled = true;
    cancelButton.disabled = false;
    status.textContent = `solving with ${options.method}… 0.0 s`;
    timer = setInterval(() => {
      status.textContent = `solving with ${options.method}… ${elapsed()}${found > 0 ? `, ${found} found so far` : ""}`;
    }, 100);
    const running = new Worker(new URL("./solverWorker.ts", import.meta.url), { type: "module" });
    worker = running;
    running.onmessage = (event: MessageEvent<SolverReply>) => {
      if (worker !== running) return;
      const reply = event.data;
      if (reply.kind === "progress") {
        found = reply.found;
        return;
      }
      const took = elapsed();
      stop();
      if (reply.kind === "error") {
        status.textContent = `${options.method} stopped after ${took}`;
        solveError.hidden = false;
        solveError.textContent = reply.message;
        return;
      }
      const { result } = reply;
      const count = result.equilibria.length;
      status.textContent = `${result.method}${options.rational ? " (exact)" : ""}: ${count} equilibri${count === 1 ? "um" : "a"} in ${took}`;
      results.replaceChildren(...resultView(reply, game.input));
    };
    running.onerror = (event) => {
      if (worker !== running) return;
      event.preventDefault();
      stop();
      solveError.hidden = false;
      solveError.textContent = `the solver could not start: ${event.message || "the worker failed to load"}`;
    };
    const request: SolveRequest = { text: game.text, source: game.source, options };
    running.postMessage(request);
  });

  cancelButton.addEventListener("click", () => {
    if (!worker) return;
    const took = elapsed();
    stop();
    status.textContent = `cancelled after ${took}`;
  });
}

/** The solver's answer: the equilibria's table, and what else the method reported. */
function resultView(
  reply: Extract<SolverReply, { kind: "done" }>,
  input: GambitGame,
): HTMLElement[] {
  const { result, columns, profileKind } = reply;
  const out: HTMLElement[] = [];
  const players = input.game.players;
  const note = (text: string, test: string) => {
    const p = document.createElement("p");
    p.className = "note";
    p.dataset["test"] = test;
    p.textContent = text;
    out.push(p);
  };
  if (result.dominance) {
    const list = document.createElement("ul");
    list.dataset["test"] = "dominance";
    for (const e of result.dominance.eliminations) {
      const item = document.createElement("li");
      item.textContent = `round ${e.round}: ${players[e.player - 1] ?? `player ${e.player}`} drops ${e.strategy}, strictly dominated by ${e.dominatedBy}`;
      list.append(item);
    }
    result.dominance.survivors.forEach((survivors, p) => {
      const item = document.createElement("li");
      item.textContent = `surviving for ${players[p] ?? `player ${p + 1}`}: ${survivors.join(", ")}`;
      list.append(item);
    });
    out.push(list);
  }
  if (result.equilibria.length === 0 && !result.qre) note("No equilibrium found.", "no-equilibria");
  const table = equilibriumTable(result.equilibria, players, columns, "equilibria");
  const caption = table.createCaption();
  caption.textContent = `Equilibria by ${result.method}: probabilities of ${profileKind === "behaviour" ? "each action at each information set (behaviour strategies)" : profileKind === "reduced strategies" ? "the strategies of the reduced strategic form" : "each strategy"}, payoffs, regret.`;
  out.push(scrolling(table));
  if (result.qre) {
    out.push(
      scrolling(
        equilibriumTable(
          [result.qre],
          players,
          columns,
          "qre",
          () => `QRE λ = ${result.qre!.lambda}`,
        ),
      ),
    );
    note(
      "A quantal response equilibrium is not a Nash equilibrium: its regret is not 0.",
      "qre-note",
    );
  }
  result.components?.forEach((component, k) => {
    const list = (ids: readonly number[]) => ids.map((e) => e + 1).join(", ");
    note(
      `Component ${k + 1}: equilibria ${list(component.equilibria)}; Nash subsets ${component.nashSubsets.map((s) => `{${list(s.equilibria)}}`).join(" ")}`,
      "component",
    );
  });
  if (result.truncated) note("The search stopped early: the list may be incomplete.", "truncated");
  const degenerate = result.degenerateSupports ?? [];
  if (degenerate.length > 0) {
    const singular = degenerate.filter((d) => d.reason === "singular").length;
    const boundary = degenerate.filter((d) => d.reason === "boundary").length;
    const costly = degenerate.length - singular - boundary;
    const shown = degenerate
      .slice(0, 5)
      .map((d) => d.supports.map((s) => `{${s.join(", ")}}`).join(" × "))
      .join("; ");
    note(
      `${degenerate.length} support profile${degenerate.length === 1 ? "" : "s"} could not be resolved (${singular} degenerate: a continuum of equilibria or a singular solution; ${costly} too costly${boundary > 0 ? `; ${boundary} unresolved on the boundary, where a probability is 0` : ""}), so equilibria with those supports may be missing from the list: ${shown}${degenerate.length > 5 ? "; …" : ""}.`,
      "degenerate-supports",
    );
  }
  if (result.resolvedExactly) {
    note(
      `The floating-point answer of ${result.method} failed its regret check; these are from an exact re-solve.`,
      "resolved-exactly",
    );
  }
  if (result.rejected && result.rejected.length > 0) {
    note(
      `${result.method} returned ${result.rejected.length} profile${result.rejected.length === 1 ? "" : "s"} that failed the regret check (not shown as equilibria); try an exact method such as lcp with exact rationals.`,
      "rejected",
    );
  }
  return out;
}

/** A wide table in a box that scrolls sideways instead of widening the page. */
function scrolling(table: HTMLElement): HTMLElement {
  const box = document.createElement("div");
  box.className = "table-scroll";
  box.append(table);
  return box;
}

function section(title: string): HTMLElement {
  const element = document.createElement("section");
  element.className = "gambit-section";
  const heading = document.createElement("h2");
  heading.textContent = title;
  element.append(heading);
  return element;
}

function button(text: string, test: string): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = text;
  element.dataset["test"] = test;
  return element;
}
