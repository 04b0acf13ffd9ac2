/**
 * `linkage serve`'s flags, in-process: bad values are located errors (exit 2, no stack trace),
 * a non-loopback --host is warned about, --check reports without changing the registry, and a
 * port in use is the user's to fix.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunRegistry } from "../../src/store/runRegistry.js";
import { runCliCapture } from "../support/runCliCapture.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "linkage-serve-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit 2 with one located line on stderr and no stack trace. */
function refused(r: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe("linkage serve's flags", () => {
  it.each([
    [["--port", "70000"], /^linkage: --port 70000: expected a whole number from 0 to 65,535\n$/],
    [["--port", "abc"], /^linkage: --port abc: expected a whole number/],
    [["--port", ""], /^linkage: --port: empty value/],
    [["--threads", "0"], /^linkage: --threads 0: expected a whole number from 1/],
    [["--concurrent-runs", "0"], /^linkage: --concurrent-runs 0: expected a whole number from 1/],
    [["--host", " "], /^linkage: --host: empty value/],
    [["--scenarios", "no/such/folder"], /^linkage: --scenarios no\/such\/folder: no such folder/],
  ])("refuses %j", async (args, message) => {
    refused(await runCliCapture("serve", ...args, "--check"), message);
  });

  it("--check fails where serving would: a --db in a missing folder, a port in use", async () => {
    refused(
      await runCliCapture("serve", "--db", join(dir, "no", "runs.sqlite"), "--check"),
      /^linkage: --db .*runs\.sqlite: the folder .* does not exist\n$/,
    );
    const busy = createServer();
    await new Promise<void>((listening) => busy.listen(0, "127.0.0.1", listening));
    const port = (busy.address() as AddressInfo).port;
    const db = join(dir, "busy.sqlite");
    try {
      refused(
        await runCliCapture("serve", "--port", String(port), "--db", db, "--check"),
        new RegExp(`port ${port} is in use`),
      );
      // the real serve refuses too, and leaves no registry file behind
      refused(await runCliCapture("serve", "--port", String(port), "--db", db), /is in use/);
      expect(existsSync(db)).toBe(false);
    } finally {
      await new Promise((closed) => busy.close(closed));
    }
  });

  it("refuses an unknown flag", async () => {
    const r = await runCliCapture("serve", "--bogus");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--bogus'/);
  });

  it("refuses a --db file that is not a run registry, naming it", async () => {
    const file = join(dir, "notes.txt");
    writeFileSync(file, "plain text, not a database; ".repeat(40));
    refused(
      await runCliCapture("serve", "--db", file, "--check"),
      /notes\.txt: not a Linkage run registry/,
    );
  });

  it("--check prints the URL it would serve and changes nothing", async () => {
    const db = join(dir, "check.sqlite");
    const fresh = await runCliCapture("serve", "--db", db, "--port", "0", "--check");
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(
      /^Linkage workbench: would serve http:\/\/127\.0\.0\.1:<a free port>\/ \(run registry .*check\.sqlite: would be created;/,
    );
    const registry = RunRegistry.open(db);
    const run = registry.create({
      name: "n",
      scenarioId: "s",
      scenarioTitle: "t",
      source: "s.yaml",
      text: "x",
      scenarioHash: "0",
      overrides: {},
      seed: 1,
      runs: 10,
      version: "0",
    });
    registry.close();
    const r = await runCliCapture("serve", "--db", db, "--port", "8080", "--check");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/would serve http:\/\/127\.0\.0\.1:8080\/ .*: 1 run, 1 running;/);
    // a check never marks another server's runs interrupted
    const again = RunRegistry.open(db);
    expect(again.get(run.id)!.status).toBe("running");
    again.close();
    // an empty file stays empty (nothing is set up by a check)
    const empty = join(dir, "empty.sqlite");
    writeFileSync(empty, "");
    const e = await runCliCapture("serve", "--db", empty, "--check");
    expect(e.code).toBe(0);
    expect(e.stdout).toContain("empty, would be set up");
    expect(statSync(empty).size).toBe(0);
  });

  it("warns about a host other machines can reach, and not about loopback ones", async () => {
    const db = join(dir, "host.sqlite");
    const wide = await runCliCapture("serve", "--host", "0.0.0.0", "--db", db, "--check");
    expect(wide.code).toBe(0);
    expect(wide.stderr).toMatch(
      /^linkage: warning: --host 0\.0\.0\.0 lets other machines reach the workbench/m,
    );
    for (const host of ["127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"]) {
      const r = await runCliCapture("serve", "--host", host, "--db", db, "--check");
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/warning/);
    }
    const v6 = await runCliCapture(
      "serve",
      "--host",
      "::1",
      "--port",
      "9000",
      "--db",
      db,
      "--check",
    );
    expect(v6.stdout).toMatch(/would serve http:\/\/\[::1\]:9000\//);
  });

  describe("a port in use", () => {
    let blocker: Server;
    let port: number;
    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
      port = (blocker.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

    it("is refused with a located message", async () => {
      const db = join(dir, "busy.sqlite");
      refused(
        await runCliCapture("serve", "--port", String(port), "--db", db),
        new RegExp(
          `^linkage: --host 127\\.0\\.0\\.1 --port ${port}: cannot listen: port ${port} is in use`,
        ),
      );
    });
  });
});
