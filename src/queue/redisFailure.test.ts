/**
 * How a Redis failure is told: Redis's own error replies (OOM, READONLY, MISCONF) passed on as a
 * refused command, "unreachable" kept for connection failures; and, with a redis-server started
 * with a full memory, a command that fails with OOM says so.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis, ReplyError } from "ioredis";
import { describe, expect, it } from "vitest";
import { runCliCapture } from "../../test/support/runCliCapture.js";
import { skipReason } from "../../test/support/skipReason.js";
import { checkRedisUrl } from "./checkRedisUrl.js";
import { redisFailure, redisReplyText } from "./openRedis.js";

const redis = checkRedisUrl("redis://:pw@127.0.0.1:6379");
const reply = (text: string): Error => new ReplyError(text) as Error;

describe("redisFailure", () => {
  it.each([
    "OOM command not allowed when used memory > 'maxmemory'.",
    "READONLY You can't write against a read only replica.",
    "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk.",
  ])("passes Redis's own reply through: %s", (text) => {
    const error = redisFailure(redis, reply(text));
    expect(error.code).toBe("E_INPUT");
    expect(error.message).toBe(`Redis at redis://:***@127.0.0.1:6379 refused the command: ${text}`);
  });

  it("takes a refused transaction's first queued reply rather than EXECABORT", () => {
    const aborted = Object.assign(
      reply("EXECABORT Transaction discarded because of previous errors."),
      {
        previousErrors: [reply("OOM command not allowed when used memory > 'maxmemory'.")],
      },
    );
    expect(redisReplyText(aborted)).toBe("OOM command not allowed when used memory > 'maxmemory'.");
  });

  it("says unreachable for connection failures, and a refused password in words", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379"), {
      code: "ECONNREFUSED",
    });
    expect(redisFailure(redis, refused).message).toBe(
      "Redis at redis://:***@127.0.0.1:6379 is unreachable (connection refused); start it or check --redis",
    );
    expect(
      redisFailure(redis, new Error("Reached the max retries per request limit")).message,
    ).toMatch(/is unreachable \(connection lost\)/);
    expect(redisFailure(redis, reply("WRONGPASS invalid username-password pair")).message).toMatch(
      /is unreachable \(the password was refused/,
    );
    expect(redisReplyText(new Error("OOM look-alike from elsewhere"))).toBeNull();
  });
});

const NO_REDIS_SERVER = spawnSync("redis-server", ["--version"]).error !== undefined;
/** This test's own Redis, its memory full. */
const FULL_PORT = 6397;

describe.skipIf(NO_REDIS_SERVER)(
  `a Redis out of memory${skipReason(NO_REDIS_SERVER, "redis-server is not on PATH")}`,
  () => {
    it("simulate --engine bullmq says Redis refused the command with its OOM reply, exit 2", async () => {
      const dir = mkdtempSync(join(tmpdir(), "linkage-redis-oom-"));
      const server = spawn(
        "redis-server",
        [
          ...["--bind", "127.0.0.1", "--port", `${FULL_PORT}`, "--maxmemory", "1mb"],
          ...["--maxmemory-policy", "noeviction", "--save", "", "--appendonly", "no"],
          ...["--dir", dir],
        ],
        { stdio: "ignore" },
      );
      const url = `redis://127.0.0.1:${FULL_PORT}`;
      const admin = new Redis(url, { lazyConnect: true, retryStrategy: () => 100 });
      admin.on("error", () => undefined);
      try {
        const end = Date.now() + 10_000;
        while ((await admin.ping().catch(() => "")) !== "PONG") {
          if (Date.now() > end) throw new Error("redis-server did not start");
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        // fill the memory past maxmemory: raise it, write 2 MB, lower it again
        await admin.config("SET", "maxmemory", "0");
        await admin.set("ballast", "x".repeat(2 * 2 ** 20));
        await admin.config("SET", "maxmemory", "1mb");
        const r = await runCliCapture(
          ...["simulate", "scenarios/kabul-2021.yaml", "--runs", "300"],
          ...["--engine", "bullmq", "--redis", url],
        );
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(
          new RegExp(
            `^linkage: Redis at redis://127\\.0\\.0\\.1:${FULL_PORT} refused the command: OOM command not allowed`,
            "m",
          ),
        );
        expect(r.stderr).not.toContain("unreachable");
      } finally {
        admin.disconnect();
        server.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  },
);
