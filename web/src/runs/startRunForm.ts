import type {
  RunSummary,
  ShippedScenario,
  ShippedScenarioFile,
  StartRunBody,
} from "linkage/server/workbenchApi";
import { api } from "../api.js";
import type { Workbench } from "../workbench.js";
import { element } from "./element.js";
import { failureMessage } from "./failureMessage.js";
import { formatDuration } from "./formatDuration.js";
import { DEFAULT_RUNS, DEFAULT_SEED } from "./runPermalink.js";

/**
 * The form that starts a full run (POST /api/runs) of the workbench's scenario text with the
 * values set, a seed, a number of Monte Carlo runs and an optional name. It says which scenario
 * and how many values set it will run, how long runs of each size took on this server (fewer
 * runs are faster), and shows a refused start plainly, with the scenario's line and column
 * (`[data-test="run-error"]`). With no scenario in the workbench it offers the shipped ones.
 */
export class StartRunForm {
  readonly element: HTMLFormElement;
  readonly #seed: HTMLInputElement;
  readonly #runs: HTMLInputElement;
  readonly #name: HTMLInputElement;
  readonly #start: HTMLButtonElement;
  readonly #what: HTMLElement;
  readonly #shipped: HTMLSelectElement;
  readonly #timings: HTMLElement;
  readonly #error: HTMLElement;

  constructor(
    private readonly workbench: Workbench,
    private readonly onStarted: (run: RunSummary) => void,
  ) {
    this.#seed = element("input", {
      type: "number",
      min: 0,
      step: 1,
      value: DEFAULT_SEED,
      "data-test": "run-seed",
    });
    this.#runs = element("input", {
      type: "number",
      min: 10,
      max: 100000,
      step: 1,
      value: DEFAULT_RUNS,
      "data-test": "run-runs",
    });
    this.#name = element("input", {
      type: "text",
      maxlength: 200,
      placeholder: "the scenario's title",
      "data-test": "run-name",
    });
    this.#start = element("button", { type: "submit", "data-test": "start-run" }, "Start run");
    this.#what = element("p", { class: "runs-what" });
    this.#shipped = element(
      "select",
      { "data-test": "run-shipped" },
      element("option", { value: "" }, "open a shipped scenario…"),
    );
    this.#timings = element("p", { class: "muted runs-timings" });
    this.#error = element("p", { class: "error", "data-test": "run-error", role: "alert" });
    this.element = element(
      "form",
      { class: "runs-start", "data-test": "run-start" },
      element("h2", {}, "Start a full run"),
      this.#what,
      element(
        "div",
        { class: "runs-fields" },
        element("label", {}, "Seed ", this.#seed),
        element("label", {}, "Runs per policy ", this.#runs),
        element("label", {}, "Name ", this.#name),
        this.#start,
      ),
      this.#timings,
      this.#error,
    );
    this.element.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.#submit();
    });
    this.#shipped.addEventListener("change", () => void this.#openShipped());
    workbench.on("scenario", () => this.#describe());
    workbench.on("overrides", () => this.#describe());
    this.#describe();
    this.showTimings([]);
    void this.#listShipped();
  }

  /** Fills the seed and runs (from a permalink). */
  setInputs(seed: number, runs: number): void {
    this.#seed.value = String(seed);
    this.#runs.value = String(runs);
  }

  /**
   * Says how long finished runs of each size took here (the latest of each size, at most four
   * sizes), so the reader sees that fewer runs are faster.
   */
  showTimings(runs: readonly RunSummary[]): void {
    const bySize = new Map<number, number>();
    for (const run of runs)
      if (run.status === "done" && run.durationMs !== null && !bySize.has(run.runs))
        bySize.set(run.runs, run.durationMs);
    const sizes = [...bySize.keys()].sort((a, b) => a - b).slice(0, 4);
    this.#timings.textContent =
      sizes.length === 0
        ? "Fewer runs finish sooner: 50 to 300 runs per policy give a quick look; 2,000 (the default) the report's precision."
        : `Fewer runs finish sooner. Here: ${sizes
            .map((n) => `${n.toLocaleString("en-US")} runs took ${formatDuration(bySize.get(n)!)}`)
            .join("; ")}.`;
  }

  #describe(): void {
    const { text, source, overrides } = this.workbench;
    this.#start.disabled = text.trim() === "";
    if (text.trim() === "") {
      this.#what.replaceChildren("No scenario in the workbench yet: ", this.#shipped);
      return;
    }
    const set = [...overrides].map(([id, value]) => `${id}=${value}`).join(", ");
    this.#what.replaceChildren(
      "Runs ",
      element("strong", {}, source),
      set === "" ? " as written (no values set)." : ` with ${set}.`,
    );
  }

  async #listShipped(): Promise<void> {
    try {
      const { scenarios } = await api<{ scenarios: ShippedScenario[] }>("/api/scenarios");
      for (const s of scenarios)
        this.#shipped.append(element("option", { value: s.id }, `${s.title} (${s.file})`));
    } catch {
      // no server: the start itself will say so
    }
  }

  async #openShipped(): Promise<void> {
    const id = this.#shipped.value;
    if (id === "") return;
    try {
      const { text, source } = await api<ShippedScenarioFile>(
        `/api/scenarios/${encodeURIComponent(id)}`,
      );
      this.workbench.setScenario(text, source);
    } catch (error) {
      this.#error.textContent = failureMessage(error);
    }
  }

  async #submit(): Promise<void> {
    this.#error.textContent = "";
    const seed = Number(this.#seed.value);
    const runs = Number(this.#runs.value);
    if (!Number.isInteger(seed) || seed < 0) {
      this.#error.textContent = "The seed must be a whole number, 0 or more.";
      return;
    }
    if (!Number.isInteger(runs) || runs < 10 || runs > 100_000) {
      this.#error.textContent = "Runs per policy must be a whole number from 10 to 100,000.";
      return;
    }
    const name = this.#name.value.trim();
    const body: StartRunBody = {
      text: this.workbench.text,
      source: this.workbench.source,
      overrides: this.workbench.overrideRecord(),
      seed,
      runs,
      ...(name === "" ? {} : { name }),
    };
    this.#start.disabled = true;
    try {
      const { run } = await api<{ run: RunSummary }>("/api/runs", {
        method: "POST",
        body: JSON.stringify(body),
      });
      this.#name.value = "";
      this.onStarted(run);
    } catch (error) {
      this.#error.textContent = `The run was not started: ${failureMessage(error)}`;
    } finally {
      this.#start.disabled = this.workbench.text.trim() === "";
    }
  }
}
