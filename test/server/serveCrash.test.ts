/**
 * The registry survives the server's death: `node bin/linkage.js serve` (the compiled command) is
 * killed with SIGKILL mid-run and restarted on the same file; the run in progress is then
 * `interrupted`, a run completed before is intact with the same results.json, and no row holds
 * half-written results. A second server stopped with SIGTERM marks its run interrupted too and
 * exits cleanly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunDetail, RunEvent, RunSummary } from "../../src/server/workbenchApi.js";
import { shippedScenarioText } from "../support/scenarioText.js";
import { skipReason } from "../support/skipReason.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUILT =
  existsSync(join(ROOT, "dist", "cli", "main.js")) &&
  existsSync(join(ROOT, "dist", "server", "runWorker.js"));

/** A server started as a child process, with its URL and everything it wrote. */
interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stderr: () => string;
}

/** Starts `node bin/linkage.js serve --port 0 --db FILE` and waits for the URL it prints. */
function startServer(db: string): Promise<Served> {
  const child = spawn(
    process.execPath,
    ["bin/linkage.js", "serve", "--port", "0", "--db", db, "--threads", "1"],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), 20_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /^Linkage workbench: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, stderr: () => stderr });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before printing its URL; stderr: ${stderr}`));
    });
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

async function startRun(url: string, body: Record<string, unknown>): Promise<RunSummary> {
  const response = await fetch(`${url}api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { run: RunSummary }).run;
}

async function detail(url: string, id: string): Promise<RunDetail> {
  return (await (await fetch(`${url}api/runs/${id}`)).json()) as RunDetail;
}

/** Reads a run's event stream until `until` holds for an event (or the stream ends). */
async function waitForEvent(url: string, id: string, until: (event: RunEvent) => boolean) {
  const response = await fetch(`${url}api/runs/${id}/events`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return undefined;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split("\n").find((line) => line.startsWith("data: "));
        if (data) {
          const event = JSON.parse(data.slice("data: ".length)) as RunEvent;
          if (until(event)) return event;
        }
        end = buffer.indexOf("\n\n");
      }
    }
  } finally {
    await reader.cancel();
  }
}

describe.skipIf(!BUILT)(
  `kill -9 of the server mid-run${skipReason(!BUILT, "needs the compiled CLI in dist/ (npm run build)")}`,
  () => {
    let dir: string;
    let db: string;
    const children: ChildProcess[] = [];

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "linkage-crash-"));
      db = join(dir, "runs.sqlite");
    });
    afterAll(() => {
      for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    });

    it("leaves the run interrupted, the completed run intact, nothing half-written", async () => {
      const first = await startServer(db);
      children.push(first.child);
      // one small complete run first
      const small = await startRun(first.url, {
        text: shippedScenarioText("pakistan-aid-2009"),
        source: "pakistan-aid-2009.yaml",
        runs: 40,
      });
      const end = await waitForEvent(first.url, small.id, (e) => e.type === "status");
      expect(end?.type === "status" && end.run.status).toBe("done");
      const results = await (await fetch(`${first.url}api/runs/${small.id}/results.json`)).text();
      expect(JSON.parse(results).scenario.id).toBe("pakistan-aid-2009");

      // a long run, killed while it simulates
      const long = await startRun(first.url, {
        text: shippedScenarioText("kabul-2021"),
        source: "kabul-2021.yaml",
        runs: 100_000,
      });
      const running = await waitForEvent(
        first.url,
        long.id,
        (e) => e.type === "progress" && /simulation$/.test(e.progress.stage),
      );
      expect(running?.type).toBe("progress");
      expect((await detail(first.url, long.id)).run.status).toBe("running");
      first.child.kill("SIGKILL");
      expect((await exited(first.child)).signal).toBe("SIGKILL");

      const second = await startServer(db);
      children.push(second.child);
      expect(second.stderr()).toMatch(/1 run was left running by a server that stopped/);
      const interrupted = await detail(second.url, long.id);
      expect(interrupted.run.status).toBe("interrupted");
      expect(interrupted.run.progress).toBeNull();
      expect((await fetch(`${second.url}api/runs/${long.id}/results.json`)).status).toBe(409);
      const kept = await detail(second.url, small.id);
      expect(kept.run.status).toBe("done");
      expect(await (await fetch(`${second.url}api/runs/${small.id}/results.json`)).text()).toBe(
        results,
      );

      // SIGTERM: the run in progress is interrupted, and the server exits cleanly
      const third = await startRun(second.url, {
        text: shippedScenarioText("kabul-2021"),
        runs: 100_000,
      });
      second.child.kill("SIGTERM");
      expect(await exited(second.child)).toEqual({ code: 0, signal: null });

      const check = new Database(db, { readonly: true });
      try {
        expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
        const rows = check.prepare("SELECT id, status, results FROM runs ORDER BY seq").all() as {
          id: string;
          status: string;
          results: string | null;
        }[];
        expect(rows.map((r) => [r.id, r.status])).toEqual([
          [small.id, "done"],
          [long.id, "interrupted"],
          [third.id, "interrupted"],
        ]);
        // results only with done, and whole
        for (const row of rows) {
          expect(row.results !== null).toBe(row.status === "done");
          if (row.results !== null) expect(row.results).toBe(results);
        }
      } finally {
        check.close();
      }
    }, 120_000);
  },
);
