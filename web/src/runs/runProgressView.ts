import type { RunSummary } from "linkage/server/workbenchApi";
import { api } from "../api.js";
import { element } from "./element.js";
import { failureMessage } from "./failureMessage.js";
import { progressOfEvent, runOfEvent } from "./runEventData.js";

/**
 * A run in progress: its name, a `<progress>` bar (`[data-test="run-progress"]`) with the stage
 * in words (`[data-test="run-stage"]`) and a Cancel button (`[data-test="cancel-run"]`), fed by
 * the server-sent events of /api/runs/:id/events. When the run ends (a `status` event that is
 * not `running`) the stream is closed and `onEnd` gets the final summary. A lost stream is
 * checked against GET /api/runs/:id, so a run that ended meanwhile still ends here.
 */
export class RunProgressView {
  readonly element: HTMLElement;
  readonly #bar: HTMLProgressElement;
  readonly #stage: HTMLElement;
  readonly #cancel: HTMLButtonElement;
  readonly #message: HTMLElement;
  readonly #events: EventSource;
  #ended = false;

  constructor(
    readonly run: RunSummary,
    private readonly onEnd: (run: RunSummary) => void,
  ) {
    this.#bar = element("progress", { max: 1, "data-test": "run-progress", "data-run-id": run.id });
    this.#stage = element("span", { class: "runs-stage", "data-test": "run-stage" }, "starting");
    this.#cancel = element("button", { type: "button", "data-test": "cancel-run" }, "Cancel");
    this.#message = element("span", { class: "error" });
    this.#cancel.addEventListener("click", () => void this.#cancelRun());
    this.element = element(
      "div",
      { class: "runs-active-run", "data-run-id": run.id },
      element("strong", {}, run.name),
      element("span", { class: "muted" }, ` seed ${run.seed}, ${run.runs} runs`),
      element("div", { class: "runs-progress-line" }, this.#bar, this.#stage, this.#cancel),
      this.#message,
    );
    if (run.progress) this.#show(run.progress.stage, run.progress.fraction);
    this.#events = new EventSource(`/api/runs/${encodeURIComponent(run.id)}/events`);
    this.#events.addEventListener("progress", (event) => {
      const progress = progressOfEvent((event as MessageEvent<string>).data);
      if (progress) this.#show(progress.stage, progress.fraction);
    });
    this.#events.addEventListener("status", (event) => {
      const summary = runOfEvent((event as MessageEvent<string>).data);
      if (!summary) return;
      if (summary.progress) this.#show(summary.progress.stage, summary.progress.fraction);
      if (summary.status !== "running") this.#end(summary);
    });
    this.#events.addEventListener("error", () => void this.#check());
  }

  /** Stops following the run (the panel closes its views on unload). */
  close(): void {
    this.#ended = true;
    this.#events.close();
  }

  #show(stage: string, fraction: number): void {
    const clamped = Math.min(1, Math.max(0, fraction));
    this.#bar.value = clamped;
    this.#stage.textContent = `${stage} — ${Math.floor(clamped * 100)}%`;
  }

  #end(summary: RunSummary): void {
    if (this.#ended) return;
    this.close();
    this.onEnd(summary);
  }

  async #check(): Promise<void> {
    if (this.#ended) return;
    try {
      const { run } = await api<{ run: RunSummary }>(
        `/api/runs/${encodeURIComponent(this.run.id)}`,
      );
      if (run.status !== "running") this.#end(run);
    } catch (error) {
      // EventSource retries by itself; say why while it does
      this.#message.textContent = ` ${failureMessage(error)}`;
    }
  }

  async #cancelRun(): Promise<void> {
    this.#cancel.disabled = true;
    try {
      const { run } = await api<{ run: RunSummary }>(
        `/api/runs/${encodeURIComponent(this.run.id)}/cancel`,
        { method: "POST" },
      );
      if (run.status !== "running") this.#end(run);
    } catch (error) {
      this.#cancel.disabled = false;
      this.#message.textContent = ` ${failureMessage(error)}`;
    }
  }
}
