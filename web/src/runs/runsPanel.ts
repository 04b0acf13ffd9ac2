import type { RunDetail, RunSummary, ShippedScenarioFile } from "linkage/server/workbenchApi";
import { api } from "../api.js";
import type { Workbench } from "../workbench.js";
import { element } from "./element.js";
import { failureMessage } from "./failureMessage.js";
import { runCompare } from "./runCompare.js";
import { runLink } from "./runLink.js";
import { RunList } from "./runList.js";
import { parseRunPermalink } from "./runPermalink.js";
import { RunProgressView } from "./runProgressView.js";
import { runView } from "./runView.js";
import { StartRunForm } from "./startRunForm.js";

/** Runs followed by server-sent events at once (a browser keeps six connections to a host). */
const MAX_STREAMS = 3;
/** How often the list is read again while runs wait beyond those followed (ms). */
const POLL_MS = 2000;

/**
 * The runs panel: start a full run of the workbench's scenario and values, follow it (progress
 * from server-sent events, cancel), list the runs the server keeps (search, rename, delete, copy
 * a permalink), open one (verdict and interactive charts) and compare two side by side.
 *
 * On load every run still `running` is followed again, so a run survives a page reload. The
 * URL's hash opens a permalink (runPermalink.ts documents the forms): `#runs/<run id>` loads that
 * run's text and values into the workbench and opens it; `#runs/new?scenario=…` loads a shipped
 * scenario with the values, seed and runs given, ready to start.
 */
export function mountRunsPanel(root: HTMLElement, workbench: Workbench): void {
  const active = element("div", { class: "runs-active", "data-test": "runs-active" });
  const message = element("p", { class: "error", "data-test": "runs-message", role: "alert" });
  const view = element("div", { class: "runs-detail" });
  const following = new Map<string, RunProgressView>();

  const form = new StartRunForm(workbench, (run) => {
    follow(run);
    void refresh();
  });
  const list = new RunList({
    open: (run) => void open(run.id),
    rename: async (run, name) => {
      await act(() =>
        api(`/api/runs/${encodeURIComponent(run.id)}`, {
          method: "PATCH",
          body: JSON.stringify({ name }),
        }),
      );
      await refresh();
    },
    remove: async (run) => {
      await act(() => api(`/api/runs/${encodeURIComponent(run.id)}`, { method: "DELETE" }));
      following.get(run.id)?.close();
      following.get(run.id)?.element.remove();
      following.delete(run.id);
      if (view.querySelector(`[data-run-id="${CSS.escape(run.id)}"]`)) view.replaceChildren();
      await refresh();
    },
    copyLink: async (run) => {
      const link = await runLink(run.id).catch((error: unknown) => {
        message.textContent = failureMessage(error);
        return "";
      });
      if (link !== "") await navigator.clipboard?.writeText(link).catch(() => undefined);
      return link;
    },
    compare: (a, b) => void compare(a.id, b.id),
    search: () => void refresh(),
  });

  root.replaceChildren(
    element("div", { class: "runs-panel" }, form.element, active, message, list.element, view),
  );

  /** Runs an action, showing its failure in the panel's message line. */
  async function act(action: () => Promise<unknown>): Promise<void> {
    message.textContent = "";
    try {
      await action();
    } catch (error) {
      message.textContent = failureMessage(error);
    }
  }

  let listed = 0;
  let polling: ReturnType<typeof setTimeout> | undefined;
  async function refresh(): Promise<void> {
    const ticket = ++listed;
    try {
      const q = list.query;
      const { runs } = await api<{ runs: RunSummary[] }>(
        q === "" ? "/api/runs" : `/api/runs?q=${encodeURIComponent(q)}`,
      );
      if (ticket !== listed) return; // a newer listing was asked for meanwhile
      list.show(runs);
      if (q === "") form.showTimings(runs);
      let unfollowed = false;
      for (const run of runs) {
        if (run.status === "running" && !follow(run)) unfollowed = true;
      }
      // runs waiting beyond the streams the page keeps open are listed again in a moment
      clearTimeout(polling);
      if (unfollowed) polling = setTimeout(() => void refresh(), POLL_MS);
    } catch (error) {
      message.textContent = `The runs could not be listed: ${failureMessage(error)}`;
    }
  }

  /**
   * Follows a running run's progress by server-sent events, at most MAX_STREAMS at once (a
   * browser keeps six connections to a server: more streams would stall every other request);
   * returns whether it is followed.
   */
  function follow(run: RunSummary): boolean {
    if (following.has(run.id)) return true;
    if (following.size >= MAX_STREAMS) return false;
    const progress = new RunProgressView(run, (ended) => {
      progress.element.remove();
      following.delete(run.id);
      void refresh();
      // a finished run is shown unless the user is reading something else
      const showing = view.querySelector("[data-run-id]")?.getAttribute("data-run-id");
      const idle = view.childElementCount === 0 || showing === ended.id;
      if ((ended.status === "done" || ended.status === "failed") && idle) void open(ended.id);
      else message.textContent = `"${ended.name}" was ${ended.status}.`;
    });
    following.set(run.id, progress);
    active.append(progress.element);
    return true;
  }

  // the view shows the last one asked for, whatever order the answers come in
  let shown = 0;
  async function open(id: string): Promise<void> {
    const ticket = ++shown;
    view.replaceChildren(element("p", { class: "muted" }, "Loading the run…"));
    try {
      const content = await runView(id, loadInputs);
      if (ticket === shown) view.replaceChildren(content);
    } catch (error) {
      if (ticket !== shown) return;
      view.replaceChildren(
        element("p", { class: "error" }, `The run could not be opened: ${failureMessage(error)}`),
      );
    }
  }

  async function compare(a: string, b: string): Promise<void> {
    const ticket = ++shown;
    view.replaceChildren(element("p", { class: "muted" }, "Loading both runs…"));
    try {
      const content = await runCompare(a, b);
      if (ticket === shown) view.replaceChildren(content);
    } catch (error) {
      if (ticket !== shown) return;
      view.replaceChildren(
        element(
          "p",
          { class: "error" },
          `The runs could not be compared: ${failureMessage(error)}`,
        ),
      );
    }
  }

  function loadInputs(detail: RunDetail): void {
    workbench.setScenario(detail.text, detail.source);
    workbench.replaceOverrides(detail.run.overrides);
    form.setInputs(detail.run.seed, detail.run.runs);
  }

  async function openPermalink(hash: string): Promise<void> {
    let link: ReturnType<typeof parseRunPermalink>;
    try {
      link = parseRunPermalink(hash);
    } catch (error) {
      message.textContent = `This link cannot be opened: ${failureMessage(error)}`;
      workbench.showTab("runs");
      return;
    }
    if (link === null) return;
    workbench.showTab("runs");
    if (link.kind === "panel") return;
    message.textContent = "";
    try {
      if (link.kind === "run") {
        const detail = await api<RunDetail>(`/api/runs/${encodeURIComponent(link.id)}`);
        loadInputs(detail);
        await open(link.id);
        return;
      }
      const { text, source } = await api<ShippedScenarioFile>(
        `/api/scenarios/${encodeURIComponent(link.scenario)}`,
      );
      workbench.setScenario(text, source);
      workbench.replaceOverrides(link.overrides);
      form.setInputs(link.seed, link.runs);
    } catch (error) {
      message.textContent = `This link cannot be opened: ${failureMessage(error)}`;
    }
  }

  window.addEventListener("hashchange", () => void openPermalink(location.hash));
  window.addEventListener("pagehide", () => {
    for (const progress of following.values()) progress.close();
  });
  void refresh();
  void openPermalink(location.hash);
}
