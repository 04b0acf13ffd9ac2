import type { RunProgress, RunSummary } from "linkage/server/workbenchApi";

/**
 * The data of a server-sent `progress` event as a `RunProgress`. The contract's `RunEvent` wraps
 * it (`{ type, progress }`); a bare `{ stage, fraction }` is read too. Null when it is neither.
 */
export function progressOfEvent(data: string): RunProgress | null {
  const value = parseJson(data);
  const progress = isRecord(value) && isRecord(value["progress"]) ? value["progress"] : value;
  if (
    isRecord(progress) &&
    typeof progress["stage"] === "string" &&
    typeof progress["fraction"] === "number"
  )
    return { stage: progress["stage"], fraction: progress["fraction"] };
  return null;
}

/**
 * The data of a server-sent `status` event as a `RunSummary`: `{ type, run }` as in the
 * contract, or the summary itself. Null when it is neither.
 */
export function runOfEvent(data: string): RunSummary | null {
  const value = parseJson(data);
  const run = isRecord(value) && isRecord(value["run"]) ? value["run"] : value;
  if (isRecord(run) && typeof run["id"] === "string" && typeof run["status"] === "string")
    return run as unknown as RunSummary;
  return null;
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
