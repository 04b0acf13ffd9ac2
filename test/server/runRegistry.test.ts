import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LinkageError } from "../../src/errors/LinkageError.js";
import {
  HEARTBEAT_MS,
  type NewRun,
  REGISTRY_SCHEMA_VERSION,
  RunRegistry,
} from "../../src/store/runRegistry.js";

function newRun(over: Partial<NewRun> = {}): NewRun {
  return {
    name: "Kabul, first try",
    scenarioId: "kabul-2021",
    scenarioTitle: "Kabul 2021",
    source: "kabul-2021.yaml",
    text: "id: kabul-2021\n",
    scenarioHash: "ab".repeat(32),
    overrides: { sigma_sub: 0.1 },
    seed: 7,
    runs: 40,
    version: "0.1.0",
    ...over,
  };
}

describe("RunRegistry", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "linkage-registry-"));
    file = join(dir, "runs.sqlite");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("opens in WAL mode with its schema version and application id", () => {
    const registry = RunRegistry.open(file);
    expect(registry.journalMode()).toBe("wal");
    registry.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(REGISTRY_SCHEMA_VERSION);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("creates, completes, and keeps a completed run intact across a reopen", () => {
    const registry = RunRegistry.open(file);
    const created = registry.create(newRun(), new Date("2026-01-01T00:00:00Z"));
    expect(created.status).toBe("running");
    expect(created.id).toMatch(/^[a-z0-9]{12}$/);
    expect(created.overrides).toEqual({ sigma_sub: 0.1 });
    expect(registry.results(created.id)).toBeUndefined();
    const results = `${JSON.stringify({ a: [1, 2, 3], b: "é" }, null, 2)}\n`;
    expect(
      registry.complete(
        created.id,
        results,
        { recommendedPolicy: "KE", headline: "Recommended policy: KE." },
        new Date("2026-01-01T00:00:02.5Z"),
      ),
    ).toBe(true);
    registry.close();

    const again = RunRegistry.open(file);
    expect(again.markInterrupted()).toBe(0);
    const run = again.get(created.id)!;
    expect(run.status).toBe("done");
    expect(run.durationMs).toBe(2500);
    expect(run.recommendedPolicy).toBe("KE");
    expect(again.results(created.id)).toBe(results);
    expect(again.detail(created.id)!.text).toBe("id: kabul-2021\n");
    // a done run is not completed twice, nor cancelled or failed
    expect(again.complete(created.id, "{}", { recommendedPolicy: "U", headline: "x" })).toBe(false);
    expect(again.cancel(created.id)).toBe(false);
    expect(again.fail(created.id, "no")).toBe(false);
    expect(again.results(created.id)).toBe(results);
    again.close();
  });

  it("marks the runs left running as interrupted on reopen, without results", () => {
    const registry = RunRegistry.open(file);
    const left = registry.create(newRun());
    const cancelled = registry.create(newRun());
    registry.cancel(cancelled.id);
    registry.close();
    const again = RunRegistry.open(file);
    expect(again.get(left.id)!.status).toBe("running");
    expect(again.markInterrupted()).toBe(1);
    expect(again.get(left.id)!.status).toBe("interrupted");
    expect(again.get(left.id)!.error).toMatch(/server stopped/);
    expect(again.results(left.id)).toBeUndefined();
    expect(again.get(cancelled.id)!.status).toBe("cancelled");
    // an interrupted run is never completed afterwards
    expect(again.complete(left.id, "{}", { recommendedPolicy: "U", headline: "x" })).toBe(false);
    again.close();
  });

  it("leaves alone the running runs of another live server on the same file", () => {
    const registry = RunRegistry.open(file);
    const run = registry.create(newRun());
    const db = new Database(file);
    db.prepare("UPDATE runs SET server_pid = ? WHERE id = ?").run(424242, run.id);
    db.close();
    expect(registry.markInterrupted(new Date(), (pid) => pid === 424242)).toBe(0);
    expect(registry.get(run.id)!.status).toBe("running");
    expect(registry.markInterrupted(new Date(), () => false)).toBe(1);
    expect(registry.get(run.id)!.status).toBe("interrupted");
    registry.close();
  });

  it("takes a live pid for a server only with a recent heartbeat (a pid can be reused)", () => {
    const registry = RunRegistry.open(file);
    const run = registry.create(newRun());
    // pid 1 exists (init) but never beat here: its runs are another server's leftovers
    const db = new Database(file);
    db.prepare("UPDATE runs SET server_pid = 1 WHERE id = ?").run(run.id);
    db.prepare("INSERT OR REPLACE INTO servers (pid, heartbeat_at) VALUES (1, ?)").run(
      new Date().toISOString(),
    );
    db.close();
    // a recent beat: left alone; three heartbeats later without one: interrupted
    expect(registry.markInterrupted()).toBe(0);
    const later = new Date(Date.now() + 3 * HEARTBEAT_MS + 1);
    expect(registry.markInterrupted(later)).toBe(1);
    expect(registry.get(run.id)!.status).toBe("interrupted");
    registry.close();
  });

  it("lists newest first and searches name, scenario id, title and run id with wildcards escaped", () => {
    const registry = RunRegistry.open(file);
    const a = registry.create(newRun({ name: "100% sure" }), new Date("2026-01-01T00:00:00Z"));
    const b = registry.create(newRun({ name: "a_b" }), new Date("2026-01-02T00:00:00Z"));
    const c = registry.create(
      newRun({ name: "plain", scenarioId: "jcpoa-2015", scenarioTitle: "JCPOA" }),
      new Date("2026-01-03T00:00:00Z"),
    );
    expect(registry.list().map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect(registry.list("%").map((r) => r.id)).toEqual([a.id]);
    expect(registry.list("_").map((r) => r.id)).toEqual([b.id]);
    expect(registry.list("a\\b")).toEqual([]);
    expect(registry.list("jcpoa").map((r) => r.id)).toEqual([c.id]);
    expect(registry.list("Kabul 2021").map((r) => r.id)).toEqual([b.id, a.id]);
    expect(registry.list(a.id).map((r) => r.id)).toEqual([a.id]);
    expect(registry.list("  ").length).toBe(3);
    registry.close();
  });

  it("counts a run's duration from when it began, not from when it was queued", () => {
    const registry = RunRegistry.open(file);
    const run = registry.create(newRun(), new Date("2026-01-01T00:00:00Z"));
    registry.markStarted(run.id, new Date("2026-01-01T00:10:00Z"));
    registry.fail(run.id, "bad value", new Date("2026-01-01T00:10:03Z"));
    expect(registry.get(run.id)!.durationMs).toBe(3000);
    expect(registry.get(run.id)!.error).toBe("bad value");
    const queued = registry.create(newRun(), new Date("2026-01-01T00:00:00Z"));
    registry.cancel(queued.id, new Date("2026-01-01T00:00:01Z"));
    expect(registry.get(queued.id)!.durationMs).toBe(1000);
    registry.close();
  });

  it("renames and deletes", () => {
    const registry = RunRegistry.open(file);
    const run = registry.create(newRun());
    expect(registry.rename(run.id, "renamed")!.name).toBe("renamed");
    expect(registry.rename("nope", "x")).toBeUndefined();
    expect(registry.delete(run.id)).toBe(true);
    expect(registry.delete(run.id)).toBe(false);
    expect(registry.get(run.id)).toBeUndefined();
    registry.close();
  });

  it("refuses a file that is not a Linkage registry, naming it", () => {
    const text = join(dir, "notes.txt");
    writeFileSync(
      text,
      "this is not a database at all, just some text that is long enough\n".repeat(20),
    );
    expect(() => RunRegistry.open(text)).toThrow(LinkageError);
    expect(() => RunRegistry.open(text)).toThrow(/notes\.txt: not a Linkage run registry/);

    const other = join(dir, "other.sqlite");
    const db = new Database(other);
    db.exec("CREATE TABLE people (name TEXT)");
    db.close();
    expect(() => RunRegistry.open(other)).toThrow(/other\.sqlite: not a Linkage run registry/);
    // left untouched
    const check = new Database(other, { readonly: true });
    expect(check.pragma("journal_mode", { simple: true })).toBe("delete");
    check.close();

    expect(() => RunRegistry.open(join(dir, "missing", "runs.sqlite"))).toThrow(
      /missing\/runs\.sqlite: cannot open the run registry/,
    );
  });

  it("refuses a registry written by a newer Linkage", () => {
    RunRegistry.open(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${REGISTRY_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => RunRegistry.open(file)).toThrow(
      /runs\.sqlite: the run registry was written by a newer Linkage/,
    );
  });
});
