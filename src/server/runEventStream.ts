import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { RunRegistry } from "../store/runRegistry.js";
import type { RunManager } from "./RunManager.js";
import { runSummary } from "./runSummary.js";
import type { RunEvent } from "./workbenchApi.js";

/** Seconds between keep-alive comments on an open stream (proxies close silent connections). */
const KEEP_ALIVE_MS = 15_000;

/**
 * `GET /api/runs/:id/events`: the run's server-sent events. A running run's stream starts with
 * its current progress at once (so a reloaded page shows where the run is), then carries each
 * `progress` event, and ends after the `status` event with the run's final summary. A run that
 * has already ended gets its `status` event alone. Each event's name is its `type` and its data
 * the `RunEvent` as JSON. The run must exist (checked by the caller).
 */
export function runEventStream(
  c: Context,
  id: string,
  registry: RunRegistry,
  runner: RunManager,
): Response {
  return streamSSE(c, async (stream) => {
    const send = (event: RunEvent) =>
      stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
    const pending: RunEvent[] = [];
    let wake: (() => void) | null = null;
    let ended = false;
    const unsubscribe = runner.subscribe(id, (event) => {
      if (event) pending.push(event);
      else ended = true; // the run ended without a row to report (deleted meanwhile)
      wake?.();
    });
    if (!unsubscribe) {
      registry.markInterrupted(); // a run left `running` by a server that is gone ends here
      const stored = registry.get(id);
      if (stored) await send({ type: "status", run: runSummary(stored, null) });
      return;
    }
    let aborted = false;
    stream.onAbort(() => {
      aborted = true;
      wake?.();
    });
    try {
      await send({
        type: "progress",
        progress: runner.progress(id) ?? { stage: "queued", fraction: 0 },
      });
      for (;;) {
        while (pending.length > 0) {
          const event = pending.shift()!;
          await send(event);
          if (event.type === "status") return;
        }
        if (aborted || ended) return;
        const timer = new Promise<"timeout">((resolve) => {
          const handle = setTimeout(() => resolve("timeout"), KEEP_ALIVE_MS);
          wake = () => {
            clearTimeout(handle);
            resolve("timeout");
          };
        });
        await timer;
        wake = null;
        if (pending.length === 0 && !aborted) await stream.write(": keep-alive\n\n");
      }
    } finally {
      unsubscribe();
    }
  });
}
