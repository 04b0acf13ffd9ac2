import type { StoredRun } from "../store/runRegistry.js";
import type { RunProgress, RunSummary } from "./workbenchApi.js";

/** A stored run as the API shows it: the registry's row with the progress seen while it runs. */
export function runSummary(stored: StoredRun, progress: RunProgress | null): RunSummary {
  return { ...stored, progress: stored.status === "running" ? progress : null };
}
