import type { RunDetail, ShippedScenario, ShippedScenarioFile } from "linkage/server/workbenchApi";
import { api } from "../api.js";
import { formatRunPermalink } from "./runPermalink.js";

/**
 * The permalink (full URL) that reproduces a run's inputs: the portable
 * `#runs/new?scenario=…&seed=…&runs=…&set=…` when the run's text is a shipped scenario's text
 * unchanged, else `#runs/<run id>` (this server's copy of the text). See runPermalink.ts.
 */
export async function runLink(id: string): Promise<string> {
  const base = `${location.origin}${location.pathname}`;
  const detail = await api<RunDetail>(`/api/runs/${encodeURIComponent(id)}`);
  const { run } = detail;
  const { scenarios } = await api<{ scenarios: ShippedScenario[] }>("/api/scenarios");
  const shipped = scenarios.find((s) => s.id === run.scenarioId);
  if (shipped) {
    const { text } = await api<ShippedScenarioFile>(
      `/api/scenarios/${encodeURIComponent(shipped.id)}`,
    );
    if (text === detail.text)
      return `${base}${formatRunPermalink({
        kind: "new",
        scenario: shipped.id,
        seed: run.seed,
        runs: run.runs,
        overrides: run.overrides,
      })}`;
  }
  return `${base}${formatRunPermalink({ kind: "run", id: run.id })}`;
}
