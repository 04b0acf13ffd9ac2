import type { RunSummary } from "linkage/server/workbenchApi";
import { element } from "./element.js";
import { formatDuration } from "./formatDuration.js";

/** What the registry's buttons do; the panel supplies them. */
export interface RunListActions {
  open(run: RunSummary): void;
  rename(run: RunSummary, name: string): Promise<void>;
  remove(run: RunSummary): Promise<void>;
  copyLink(run: RunSummary): Promise<string>;
  compare(a: RunSummary, b: RunSummary): void;
  search(query: string): void;
}

/**
 * The run registry as a table (`[data-test="run-list"]`, one `tr[data-run-id]` per run): status,
 * name, scenario, seed, runs, date and duration, with Open, Rename (in place), Delete (after a
 * confirm), Copy link, and a checkbox per run; Compare (`[data-test="compare-runs"]`) is enabled
 * when exactly two are ticked. A search box (`[data-test="run-search"]`) asks the server
 * (`?q=`) as the reader types.
 */
export class RunList {
  readonly element: HTMLElement;
  readonly #body: HTMLTableSectionElement;
  readonly #compare: HTMLButtonElement;
  readonly #search: HTMLInputElement;
  readonly #note: HTMLElement;
  readonly #ticked = new Set<string>();
  #runs: readonly RunSummary[] = [];

  constructor(private readonly actions: RunListActions) {
    this.#search = element("input", {
      type: "search",
      placeholder: "search by name, id or scenario",
      "data-test": "run-search",
      "aria-label": "search runs",
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    this.#search.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => actions.search(this.#search.value.trim()), 200);
    });
    this.#compare = element(
      "button",
      { type: "button", "data-test": "compare-runs", disabled: true },
      "Compare the two ticked",
    );
    this.#compare.addEventListener("click", () => {
      const [a, b] = this.#runs.filter((r) => this.#ticked.has(r.id));
      if (a && b) actions.compare(a, b);
    });
    this.#body = element("tbody");
    this.#note = element("p", { class: "muted" });
    const head = element(
      "tr",
      {},
      ...["", "Status", "Name", "Scenario", "Seed", "Runs", "Started", "Duration", ""].map(
        (title, i) =>
          element("th", { class: i === 4 || i === 5 || i === 7 ? "number" : "" }, title),
      ),
    );
    this.element = element(
      "section",
      { class: "runs-registry" },
      element("h2", {}, "Runs kept"),
      element("div", { class: "runs-toolbar" }, this.#search, this.#compare),
      element(
        "table",
        { class: "runs-table", "data-test": "run-list" },
        element("thead", {}, head),
        this.#body,
      ),
      this.#note,
    );
  }

  /** The search box's text (what the list currently shows). */
  get query(): string {
    return this.#search.value.trim();
  }

  /** Shows these runs (newest first, as the server lists them); ticks of runs still listed stay. */
  show(runs: readonly RunSummary[]): void {
    this.#runs = runs;
    for (const id of [...this.#ticked]) if (!runs.some((r) => r.id === id)) this.#ticked.delete(id);
    this.#body.replaceChildren(...runs.map((run) => this.#row(run)));
    this.#note.textContent =
      runs.length > 0
        ? ""
        : this.query === ""
          ? "No runs yet: start one above."
          : `No run matches "${this.query}".`;
    this.#updateCompare();
  }

  #updateCompare(): void {
    this.#compare.disabled = this.#ticked.size !== 2;
  }

  #row(run: RunSummary): HTMLTableRowElement {
    const tick = element("input", {
      type: "checkbox",
      "aria-label": `pick ${run.name} to compare`,
      "data-test": "compare-pick",
      checked: this.#ticked.has(run.id),
    });
    tick.addEventListener("change", () => {
      if (tick.checked) this.#ticked.add(run.id);
      else this.#ticked.delete(run.id);
      this.#updateCompare();
    });
    const nameCell = element("td", { class: "runs-name", "data-test": "run-name-cell" }, run.name);
    const button = (label: string, test: string, onClick: () => void) => {
      const b = element("button", { type: "button", "data-test": test }, label);
      b.addEventListener("click", onClick);
      return b;
    };
    const linkOut = element("input", {
      type: "text",
      readonly: true,
      class: "runs-link",
      "data-test": "run-link",
      hidden: true,
    });
    const actions = element(
      "td",
      { class: "runs-actions" },
      button("Open", "open-run", () => this.actions.open(run)),
      button("Rename", "rename-run", () => this.#editName(run, nameCell)),
      button("Delete", "delete-run", () => {
        if (confirm(`Delete the run "${run.name}"? Its results cannot be brought back.`))
          void this.actions.remove(run);
      }),
      button("Copy link", "copy-link", () => {
        void this.actions.copyLink(run).then((link) => {
          linkOut.value = link;
          linkOut.hidden = false;
          linkOut.select();
        });
      }),
      linkOut,
    );
    const status = element(
      "span",
      { class: `runs-status runs-status-${run.status}`, title: run.error ?? "" },
      run.status,
    );
    return element(
      "tr",
      { "data-run-id": run.id, "data-status": run.status },
      element("td", {}, tick),
      element("td", {}, status),
      nameCell,
      element("td", { title: run.scenarioId }, run.scenarioTitle),
      element("td", { class: "number" }, String(run.seed)),
      element("td", { class: "number" }, run.runs.toLocaleString("en-US")),
      element("td", { title: run.createdAt }, new Date(run.createdAt).toLocaleString()),
      element("td", { class: "number" }, formatDuration(run.durationMs)),
      actions,
    );
  }

  #editName(run: RunSummary, cell: HTMLTableCellElement): void {
    const input = element("input", {
      type: "text",
      value: run.name,
      maxlength: 200,
      "data-test": "rename-input",
      "aria-label": "new name",
    });
    const save = element("button", { type: "submit", "data-test": "rename-save" }, "Save");
    const form = element("form", { class: "runs-rename" }, input, save);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const name = input.value.trim();
      if (name === "" || name === run.name) cell.replaceChildren(run.name);
      else void this.actions.rename(run, name);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") cell.replaceChildren(run.name);
    });
    cell.replaceChildren(form);
    input.focus();
    input.select();
  }
}
