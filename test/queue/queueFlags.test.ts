/**
 * The queue engine's flags, checked before any work and without a Redis: a Redis that cannot be
 * reached is named with exit 2 and nothing written; a Redis on another machine needs a password
 * (or --insecure); inconsistent engine flags are refused.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkRedisUrl } from "../../src/queue/checkRedisUrl.js";
import { runCliCapture } from "../support/runCliCapture.js";

const dir = mkdtempSync(join(tmpdir(), "linkage-queue-flags-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Redis unreachable", () => {
  it("simulate --engine bullmq: a clear error naming the URL, exit 2, no CSV written", async () => {
    const csv = join(dir, "sim");
    const r = await runCliCapture(
      ...["simulate", "scenarios/kabul-2021.yaml", "--runs", "500", "--engine", "bullmq"],
      ...["--redis", "redis://:s3cret@127.0.0.1:1", "--csv", csv],
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^linkage: Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 is unreachable/m);
    expect(r.stderr).not.toContain("s3cret");
    expect(existsSync(join(csv, "outcomes.csv"))).toBe(false);
  });

  it("linkage worker: the same, at the start", async () => {
    const r = await runCliCapture("worker", "--redis", "redis://localhost:1");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^linkage: Redis at redis:\/\/localhost:1 is unreachable/m);
  });
});

describe("a Redis on another machine", () => {
  it("is refused without a password, before anything connects", async () => {
    for (const args of [
      ["worker", "--redis", "redis://10.1.2.3:6379"],
      ["simulate", "kabul-2021", "--engine", "bullmq", "--redis", "redis://redis.example.org:6379"],
    ]) {
      const r = await runCliCapture(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/refusing a Redis on another machine without a password/);
      expect(r.stderr).toMatch(/--insecure/);
    }
  });

  it("is accepted with a password, or without one when --insecure is given", () => {
    expect(checkRedisUrl("redis://:pw@10.1.2.3:6379").display).toBe("redis://:***@10.1.2.3:6379");
    expect(checkRedisUrl("redis://10.1.2.3:6379", { insecure: true }).url).toBe(
      "redis://10.1.2.3:6379",
    );
    for (const loopback of ["redis://127.0.0.1:6379", "redis://localhost:6390", "redis://[::1]:1"])
      expect(checkRedisUrl(loopback).url).toBe(loopback);
  });

  it("a URL that is not redis:// is refused", () => {
    expect(() => checkRedisUrl("http://127.0.0.1:6379")).toThrow(/expected a redis:\/\//);
    expect(() => checkRedisUrl("127.0.0.1:6379")).toThrow(/expected a redis:\/\/|not a URL/);
  });
});

describe("engine flags", () => {
  it("--engine bullmq needs --redis; --redis needs --engine bullmq; no other engine", async () => {
    const cases: [string[], RegExp][] = [
      [["--engine", "bullmq"], /--engine bullmq needs --redis/],
      [["--redis", "redis://127.0.0.1:6379"], /--redis is for --engine bullmq/],
      [["--engine", "spark"], /--engine spark: expected local or bullmq/],
      [
        ["--engine", "bullmq", "--redis", "redis://127.0.0.1:1", "--mean-field"],
        /--mean-field samples nothing/,
      ],
    ];
    for (const [flags, message] of cases) {
      const r = await runCliCapture("simulate", "kabul-2021", ...flags);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it("--resume is for --engine bullmq: refused with the local engine before any work, in each command", async () => {
    for (const command of [
      ["simulate", "kabul-2021"],
      ["run", "kabul-2021"],
      ["sweep", "kabul-2021", "--vary", "sigma_sub=0:0.3:2"],
    ]) {
      const r = await runCliCapture(...command, "--resume", "0f1e2d3c");
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^linkage: --resume is for --engine bullmq/m);
      expect(r.stdout).toBe("");
    }
  });

  it("--resume with an id that is not one: refused before anything connects", async () => {
    const bullmq = [
      "simulate",
      "kabul-2021",
      "--engine",
      "bullmq",
      "--redis",
      "redis://127.0.0.1:1",
    ];
    const bad = await runCliCapture(...bullmq, "--resume", "not an id");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^linkage: --resume not an id: expected a batch id/m);
    // a well-formed id: Redis is asked, and its refusal told in words
    const r = await runCliCapture(...bullmq, "--resume", "0f1e2d3c");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^linkage: Redis at redis:\/\/127\.0\.0\.1:1 is unreachable \(connection refused\)/m,
    );
  });
});
