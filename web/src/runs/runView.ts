import type { ScenarioRun } from "linkage/analysis/ScenarioRun";
import type { RunDetail, RunSummary } from "linkage/server/workbenchApi";
import { api } from "../api.js";
import { element } from "./element.js";
import { formatDuration } from "./formatDuration.js";
import { runCharts } from "./runCharts.js";
import { runWords } from "./runWords.js";

/** The path of a run's resource on the server. */
function runPath(id: string, rest = ""): string {
  return `/api/runs/${encodeURIComponent(id)}${rest}`;
}

/**
 * One stored run, opened (`[data-test="run-view"]`): its name, inputs and timing, the verdict's
 * headline (`[data-test="run-headline"]`) and the recommended policy
 * (`[data-test="run-recommended"]`), links to the full HTML report and results.json, a button
 * that loads its scenario text and values into the workbench, and, once done, its charts
 * (`[data-test="run-charts"]`). A run that failed, was cancelled or interrupted says so.
 */
export async function runView(
  id: string,
  loadInputs: (detail: RunDetail) => void,
): Promise<HTMLElement> {
  const detail = await api<RunDetail>(runPath(id));
  const { run } = detail;
  const results =
    run.status === "done" ? await api<ScenarioRun>(runPath(id, "/results.json")) : null;
  const policyLabel = (policy: string | null): string => {
    if (policy === null) return "—";
    const label =
      results?.simulation.policies[policy]?.label ?? results?.analysis.policies[policy]?.label;
    return label ? `${label} (${policy})` : policy;
  };
  const load = element("button", { type: "button", "data-test": "load-inputs" }, "Load its inputs");
  load.addEventListener("click", () => loadInputs(detail));
  const set = Object.entries(run.overrides)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  const view = element(
    "section",
    { class: "runs-view", "data-test": "run-view", "data-run-id": run.id },
    element("h2", {}, run.name),
    element(
      "p",
      { class: "muted" },
      `${run.scenarioTitle} (${detail.source}), seed ${run.seed}, ${run.runs.toLocaleString("en-US")} runs per policy${set === "" ? "" : `, ${set}`}; Linkage ${run.version}; ${statusWords(run)}.`,
    ),
  );
  if (run.status === "done") {
    view.append(
      element(
        "div",
        { class: "runs-verdict" },
        element("p", { class: "runs-headline", "data-test": "run-headline" }, run.headline ?? ""),
        element(
          "p",
          {},
          "Recommended policy: ",
          element("strong", { "data-test": "run-recommended" }, policyLabel(run.recommendedPolicy)),
        ),
      ),
    );
  }
  const links = element("p", { class: "runs-links" }, load);
  if (run.status === "done")
    links.append(
      " ",
      element(
        "a",
        { href: runPath(id, "/report.html"), target: "_blank", "data-test": "run-report" },
        "Full report (HTML)",
      ),
      " ",
      element(
        "a",
        { href: runPath(id, "/results.json"), target: "_blank", "data-test": "run-results" },
        "results.json",
      ),
    );
  view.append(links);
  if (results) view.append(runCharts(results, runWords(results, detail.text, detail.source)));
  return view;
}

function statusWords(run: RunSummary): string {
  switch (run.status) {
    case "done":
      return `done in ${formatDuration(run.durationMs)}`;
    case "running":
      return "still running (its progress is shown above)";
    case "failed":
      return `failed: ${run.error ?? "no reason given"}`;
    case "cancelled":
      return "cancelled before it finished (no results)";
    case "interrupted":
      return "interrupted: the server stopped while it ran (no results)";
  }
}
