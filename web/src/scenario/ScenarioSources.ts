import type { ShippedScenario, ShippedScenarioFile } from "linkage/server/workbenchApi";
import { ApiFailure, api } from "../api.js";
import type { Workbench } from "../workbench.js";

/** The scenario opened when the server is there and nothing else was opened first. */
export const FLAGSHIP_SCENARIO = "kabul-2021";

/**
 * Where a scenario comes from: a picker of the scenarios shipped with Linkage (from the server's
 * `/api/scenarios`; the flagship is opened first) and an "Open file…" button for a YAML file of
 * one's own. Without a server the picker says so, and a file or a pasted text still works.
 */
export class ScenarioSources {
  readonly #workbench: Workbench;
  readonly #picker: HTMLSelectElement;
  readonly #status: HTMLElement;
  readonly #server: HTMLElement;

  constructor(root: HTMLElement, workbench: Workbench) {
    this.#workbench = workbench;
    root.classList.add("scenario-sources");

    const pickerLabel = document.createElement("label");
    pickerLabel.textContent = "Shipped scenario ";
    this.#picker = document.createElement("select");
    this.#picker.dataset["test"] = "scenario-picker";
    this.#picker.disabled = true;
    this.#picker.append(new Option("(loading…)", ""));
    this.#picker.addEventListener("change", () => {
      if (this.#picker.value !== "") void this.#open(this.#picker.value);
    });
    pickerLabel.append(this.#picker);

    const upload = document.createElement("label");
    upload.className = "upload";
    upload.textContent = "Open file…";
    const file = document.createElement("input");
    file.type = "file";
    file.accept = ".yaml,.yml,text/yaml,application/yaml";
    file.dataset["test"] = "scenario-upload";
    file.addEventListener("change", () => {
      const chosen = file.files?.[0];
      if (chosen) void this.#upload(chosen);
      file.value = "";
    });
    upload.append(file);

    this.#status = document.createElement("span");
    this.#status.className = "muted";
    this.#status.dataset["test"] = "scenario-source-status";
    this.#status.setAttribute("role", "status");

    this.#server = document.createElement("p");
    this.#server.className = "no-server";
    this.#server.dataset["test"] = "server-status";
    this.#server.hidden = true;

    root.replaceChildren(pickerLabel, upload, this.#status, this.#server);
    workbench.on("scenario", () => this.#showSource());
  }

  /** Lists the shipped scenarios and opens the flagship if the editor is still empty. */
  async load(): Promise<void> {
    let scenarios: readonly ShippedScenario[];
    try {
      scenarios = (await api<{ scenarios: ShippedScenario[] }>("/api/scenarios")).scenarios;
    } catch {
      this.#picker.replaceChildren(new Option("(no server)", ""));
      this.#server.textContent =
        "No Linkage server: the shipped scenarios are not available here. Open a file or paste a scenario into the editor; the analysis runs in this page.";
      this.#server.hidden = false;
      this.#status.textContent = "";
      return;
    }
    this.#picker.replaceChildren(
      new Option("(choose)", ""),
      ...scenarios.map((s) => new Option(`${s.title} (${s.id})`, s.id)),
    );
    this.#picker.disabled = scenarios.length === 0;
    // a page opened on a run's link (#runs/…) opens that link's scenario, not the flagship
    if (this.#workbench.text === "" && !location.hash.startsWith("#runs/")) {
      const first = scenarios.find((s) => s.id === FLAGSHIP_SCENARIO) ?? scenarios[0];
      if (first) await this.#open(first.id);
    } else this.#showSource();
  }

  async #open(id: string): Promise<void> {
    this.#status.textContent = `Opening ${id}…`;
    try {
      const shipped = await api<ShippedScenarioFile>(`/api/scenarios/${encodeURIComponent(id)}`);
      if (!this.#confirmDiscard()) {
        this.#showSource();
        return;
      }
      this.#opened = shipped.text;
      // named as linkage run is given the file, so a run records a command that reproduces it
      this.#workbench.setScenario(shipped.text, shipped.source);
    } catch (error) {
      this.#status.textContent = `Could not open ${id}: ${error instanceof ApiFailure ? error.body.message : "the server did not answer"}`;
    }
  }

  async #upload(file: File): Promise<void> {
    if (file.size > 1_048_576) {
      this.#status.textContent = `${file.name} is ${Math.round(file.size / 1024)} KiB; a scenario is at most 1 MiB.`;
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text: string;
    try {
      // a scenario is UTF-8 text: a NUL byte or an invalid sequence means another kind of file
      if (bytes.includes(0)) throw new Error("NUL");
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      this.#status.textContent = `${file.name} is not a text file (a scenario is YAML in UTF-8); the editor is unchanged.`;
      return;
    }
    if (!this.#confirmDiscard()) return;
    this.#opened = text;
    this.#workbench.setScenario(text, file.name);
  }

  /** The text last opened from a file or the server, to know whether the editor holds edits. */
  #opened: string | null = null;

  /** True when nothing would be lost, or the user agrees to drop the editor's edits. */
  #confirmDiscard(): boolean {
    const text = this.#workbench.text;
    if (text === "" || this.#opened === null || text === this.#opened) return true;
    return confirm("The editor holds edits not saved anywhere. Replace them?");
  }

  #showSource(): void {
    const id = this.#workbench.source.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
    const shipped = [...this.#picker.options].some((o) => o.value === id && id !== "");
    this.#picker.value = shipped ? id : "";
    this.#status.textContent = `Editing ${this.#workbench.source}`;
  }
}
