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

  async function refresh(): Promise<void> {
    try {
      const q = list.query;
      const { runs } = await api<{ runs: RunSummary[] }>(
        q === "" ? "/api/runs" : `/api/runs?q=${encodeURIComponent(q)}`,
      );
      list.show(runs);
      if (q === "") form.showTimings(runs);
      for (const run of runs) if (run.status === "running") follow(run);
    } catch (error) {
      message.textContent = `The runs could not be listed: ${failureMessage(error)}`;
    }
  }

  function follow(run: RunSummary): void {
    if (following.has(run.id)) return;
    const progress = new RunProgressView(run, (ended) => {
      progress.element.remove();
      following.delete(run.id);
      void refresh();
      if (ended.status === "done" || ended.status === "failed") void open(ended.id);
      else message.textContent = `"${ended.name}" was ${ended.status}.`;
    });
    following.set(run.id, progress);
    active.append(progress.element);
  }

  async function open(id: string): Promise<void> {
    view.replaceChildren(element("p", { class: "muted" }, "Loading the run…"));
    try {
      view.replaceChildren(await runView(id, loadInputs));
    } catch (error) {
      view.replaceChildren(
        element("p", { class: "error" }, `The run could not be opened: ${failureMessage(error)}`),
      );
    }
  }

  async function compare(a: string, b: string): Promise<void> {
    view.replaceChildren(element("p", { class: "muted" }, "Loading both runs…"));
    try {
      view.replaceChildren(await runCompare(a, b));
    } catch (error) {
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
