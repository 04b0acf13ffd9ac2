/**
 * One coordinator per queue batch, and `--resume` on `linkage simulate` and `linkage run`, against
 * a real Redis (REDIS_URL; .ci/run starts one) with `linkage worker` child processes run from the
 * TypeScript source. The coordinator lease is shortened to LEASE_MS through
 * LINKAGE_COORDINATOR_LEASE_MS (a variable only tests set), so a SIGKILLed coordinator's batch is
 * free again within seconds.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkRedisUrl } from "../../src/queue/checkRedisUrl.js";
import { CHUNK_QUEUE, coordinatorLeaseKey } from "../../src/queue/chunkQueueNames.js";
import { COORDINATOR_LEASE_ENV, takeCoordinatorLease } from "../../src/queue/coordinatorLease.js";
import { openRedis } from "../../src/queue/openRedis.js";
import {
  type LinkageProcess,
  spawnLinkage,
  startLinkageWorker,
  stopLinkageProcesses,
  until,
} from "../support/linkageProcesses.js";
import { runCliCapture } from "../support/runCliCapture.js";
import { skipReason } from "../support/skipReason.js";

const REDIS_URL = process.env["REDIS_URL"];
const NO_REDIS = !REDIS_URL;
/** A small scenario: its `linkage run` takes seconds (the flagship's sensitivity analysis takes half a minute). */
const PATH = "scenarios/imf-programme.yaml";
/** The coordinator lease of this file's commands (ms): renewed every second. */
const LEASE_MS = 3000;
/** Lock duration of the test workers (ms). */
const LOCK_MS = 2000;

/** This file's own Redis database, emptied before the tests, so other suites' queues never mix in. */
function databaseUrl(): string {
  const url = new URL(REDIS_URL!);
  url.pathname = "/8";
  return url.href;
}

/** The batch id a coordinator printed as it started. */
function batchIdIn(text: string): string | undefined {
  return /run it again with --resume (\S+) /.exec(text)?.[1];
}

/** The chunks a worker computed, and those it found already recorded (a second delivery). */
function workerCounts(worker: LinkageProcess): { done: number; again: number } {
  return {
    done: (worker.log().match(/ done$/gm) ?? []).length,
    again: (worker.log().match(/already recorded/g) ?? []).length,
  };
}

describe.skipIf(NO_REDIS)(
  `one coordinator per queue batch, and --resume on simulate and run${skipReason(NO_REDIS, "REDIS_URL is not set (.ci/run starts a Redis)")}`,
  () => {
    let url: string;
    let admin: Redis;
    let leaseBefore: string | undefined;

    beforeAll(async () => {
      url = databaseUrl();
      admin = new Redis(url, { maxRetriesPerRequest: null });
      await admin.flushdb();
      leaseBefore = process.env[COORDINATOR_LEASE_ENV];
      process.env[COORDINATOR_LEASE_ENV] = String(LEASE_MS); // the children inherit it
    });
    afterEach(stopLinkageProcesses, 30_000);
    afterAll(async () => {
      await stopLinkageProcesses();
      if (leaseBefore === undefined) delete process.env[COORDINATOR_LEASE_ENV];
      else process.env[COORDINATOR_LEASE_ENV] = leaseBefore;
      await admin?.flushdb();
      admin?.disconnect();
    });

    /**
     * `simulate PATH --runs 1000 --seed SEED --json` here, then the same on the queue in a process
     * of its own with no worker, so that it waits for its job; returns both once its batch id shows.
     */
    const waitingCoordinator = async (seed: number) => {
      const simulate = ["simulate", PATH, "--runs", "1000", "--seed", String(seed), "--json"];
      const onQueue = ["--engine", "bullmq", "--redis", url];
      const here = await runCliCapture(...simulate, "--threads", "1");
      expect(here.code, here.stderr).toBe(0);
      const first = spawnLinkage([...simulate, ...onQueue]);
      await until(
        () => batchIdIn(first.log()) !== undefined,
        30_000,
        () => `no batch id: ${first.log()}`,
      );
      return { simulate, onQueue, here, first, id: batchIdIn(first.log())! };
    };

    /** With a worker, `--resume id` finishes with the uninterrupted run's numbers and leaves nothing in Redis. */
    const expectResumeAsUninterrupted = async ({
      simulate,
      onQueue,
      here,
      id,
    }: Awaited<ReturnType<typeof waitingCoordinator>>) => {
      await startLinkageWorker(url, LOCK_MS);
      const resumed = await runCliCapture(...simulate, ...onQueue, "--resume", id);
      expect(resumed.code, resumed.stderr).toBe(0);
      const { batchId, ...numbers } = JSON.parse(resumed.stdout) as Record<string, unknown>;
      expect(batchId).toBe(id);
      expect(JSON.stringify(numbers)).toBe(JSON.stringify(JSON.parse(here.stdout)));
      expect(await admin.keys("linkage:*")).toEqual([]); // record, results and lease all gone
    };

    /** Waits until batch `id` has no coordinator lease (released, or expired); the ms waited. */
    const leaseGone = async (id: string) => {
      const from = Date.now();
      await until(
        async () => (await admin.exists(coordinatorLeaseKey(id))) === 0,
        LEASE_MS + 5000,
        () => `the lease of batch ${id} did not expire`,
      );
      return Date.now() - from;
    };

    it("the lease: a second holder is refused, a lease taken over is lost (confirm throws, the signal aborts), release leaves another's lease alone", async () => {
      const redis = checkRedisUrl(url);
      const store = await openRedis(redis);
      try {
        const first = await takeCoordinatorLease(store, redis, "lease-unit", LEASE_MS);
        await expect(takeCoordinatorLease(store, redis, "lease-unit", LEASE_MS)).rejects.toThrow(
          /batch lease-unit on .* is being coordinated by another linkage command .* expires within [1-3] s: run the command with --resume lease-unit again then/,
        );
        await first.confirm(); // still held, renewed
        expect(await store.pttl(coordinatorLeaseKey("lease-unit"))).toBeGreaterThan(LEASE_MS - 500);
        await store.set(coordinatorLeaseKey("lease-unit"), "another-command", "PX", 60_000);
        await expect(first.confirm()).rejects.toThrow(/this command lost its coordinator lease/);
        expect(first.signal.aborted).toBe(true);
        await first.release();
        expect(await store.get(coordinatorLeaseKey("lease-unit"))).toBe("another-command");
        await store.del(coordinatorLeaseKey("lease-unit"));
        // released, a lease is free at once
        const second = await takeCoordinatorLease(store, redis, "lease-unit", LEASE_MS);
        await second.release();
        expect(await store.exists(coordinatorLeaseKey("lease-unit"))).toBe(0);
        const third = await takeCoordinatorLease(store, redis, "lease-unit", LEASE_MS);
        await third.release();
      } finally {
        store.disconnect();
      }
    });

    it("a second coordinator of a running batch is refused at once; once the first is SIGKILLed and its lease has expired, --resume finishes with the uninterrupted run's numbers", async () => {
      // no worker yet: the first coordinator waits for its job
      const waiting = await waitingCoordinator(3);
      const { simulate, onQueue, first, id } = waiting;
      const asked = Date.now();
      const second = await runCliCapture(...simulate, ...onQueue, "--resume", id);
      expect(Date.now() - asked).toBeLessThan(LEASE_MS);
      expect(second.code).toBe(2);
      expect(second.stdout).toBe("");
      expect(second.stderr).toMatch(
        new RegExp(
          `^linkage: batch ${id} on redis://\\S+ is being coordinated by another linkage command \\(it holds the batch's lease\\); two coordinators would both write the output files\\. If that command has died, its lease expires within [1-3] s: run the command with --resume ${id} again then$`,
          "m",
        ),
      );
      expect(first.child.exitCode).toBeNull(); // the first is untouched

      first.child.kill("SIGKILL");
      await first.exited;
      // dead, it still holds the batch until its lease expires: refused, then free within LEASE_MS
      const early = await runCliCapture(...simulate, ...onQueue, "--resume", id);
      expect(early.code).toBe(2);
      expect(early.stderr).toMatch(/is being coordinated by another linkage command/);
      expect(await leaseGone(id)).toBeLessThanOrEqual(LEASE_MS + 500);
      await expectResumeAsUninterrupted(waiting);
    }, 120_000);

    it.each([
      ["SIGINT", 130],
      ["SIGTERM", 143],
    ] as const)(
      "a coordinator stopped by %s releases its lease before it exits (code %i): --resume starts at once and finishes with the uninterrupted run's numbers",
      async (signal, code) => {
        // no worker: the coordinator waits for its job
        const waiting = await waitingCoordinator(6);
        const { first, id } = waiting;
        expect(await admin.exists(coordinatorLeaseKey(id))).toBe(1);
        first.child.kill(signal);
        expect(await first.exited).toBe(code);
        expect(first.log()).toContain(
          `linkage: stopped by ${signal}; queue batch ${id} is free: run the command again with --resume ${id}`,
        );
        // released, not left to expire (it would live LEASE_MS more)
        expect(await admin.exists(coordinatorLeaseKey(id))).toBe(0);
        await expectResumeAsUninterrupted(waiting);
      },
      120_000,
    );

    it("a coordinator that loses its lease stops with an error and writes no output; its queued jobs are left to the queue", async () => {
      const dir = mkdtempSync(join(tmpdir(), "linkage-queue-lease-"));
      const queue = new Queue(CHUNK_QUEUE, { connection: admin.duplicate() });
      try {
        const csv = join(dir, "csv");
        const running = runCliCapture(
          ...["simulate", PATH, "--runs", "1000", "--seed", "4", "--csv", csv],
          ...["--engine", "bullmq", "--redis", url],
        );
        // no worker: the coordinator waits for its job; another command takes its lease
        let leases: string[] = [];
        await until(
          async () => {
            leases = await admin.keys("linkage:batch:*:coordinator");
            return leases.length === 1 && (await queue.getWaitingCount()) === 1;
          },
          30_000,
          () => "the coordinator did not take a lease and queue its job",
        );
        await admin.set(leases[0]!, "another-command", "PX", 60_000);
        const lost = await running;
        expect(lost.code).toBe(2);
        expect(lost.stdout).toBe("");
        expect(lost.stderr).toMatch(
          /^linkage: batch \S+ on redis:\/\/\S+: this command lost its coordinator lease \(another linkage command holds it now, or it expired while this one was not renewing it\), so another command may be coordinating the batch; it stops without writing any output$/m,
        );
        expect(existsSync(join(csv, "outcomes.csv"))).toBe(false);
        expect(await queue.getWaitingCount()).toBe(1); // for the command that holds the batch now
        expect(await admin.get(leases[0]!)).toBe("another-command");
      } finally {
        await queue.obliterate({ force: true });
        await queue.close();
        await admin.flushdb();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);

    it("simulate: the coordinator SIGKILLed after a job is recorded; --resume ID gives the uninterrupted run's --json numbers, no job computed twice", async () => {
      const simulate = ["simulate", PATH, "--runs", "2000", "--seed", "5", "--json"];
      const onQueue = ["--engine", "bullmq", "--redis", url];
      const jobs = 2; // 2,000 runs: two jobs of up to 1,000
      const here = await runCliCapture(...simulate, "--threads", "1");
      expect(here.code, here.stderr).toBe(0);
      const worker = await startLinkageWorker(url, LOCK_MS);
      const coordinator = spawnLinkage([...simulate, ...onQueue]);
      const recorded = async () => (await admin.keys("linkage:chunk-result:*")).length;
      await until(
        async () => (await recorded()) >= 1,
        60_000,
        () => `no job was recorded: ${coordinator.log()}`,
      );
      coordinator.child.kill("SIGKILL");
      await coordinator.exited;
      const id = batchIdIn(coordinator.log());
      expect(id, coordinator.log()).toMatch(/^[0-9a-f-]{36}$/);
      await leaseGone(id!);

      const resumed = await runCliCapture(...simulate, ...onQueue, "--resume", id!);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain(`resuming queue batch ${id} on `);
      const { batchId, ...numbers } = JSON.parse(resumed.stdout) as Record<string, unknown>;
      expect(batchId).toBe(id);
      expect(JSON.stringify(numbers)).toBe(JSON.stringify(JSON.parse(here.stdout)));
      // each job computed once over both coordinators
      expect(workerCounts(worker)).toEqual({ done: jobs, again: 0 });
      expect(await admin.keys("linkage:*")).toEqual([]);
    }, 120_000);

    it("run: the coordinator SIGKILLed after its simulation's job is recorded; --resume ID writes the uninterrupted run's results.json, the job not computed again", async () => {
      const dir = mkdtempSync(join(tmpdir(), "linkage-queue-run-resume-"));
      const run = ["run", PATH, "--runs", "1000", "--seed", "2"];
      const onQueue = ["--out", join(dir, "queued"), "--engine", "bullmq", "--redis", url];
      try {
        const here = await runCliCapture(...run, "--out", join(dir, "local"), "--threads", "1");
        expect(here.code, here.stderr).toBe(0);
        const worker = await startLinkageWorker(url, LOCK_MS);
        const coordinator = spawnLinkage([...run, ...onQueue]);
        // the weekly simulation is one job; the coordinator is killed while it works on locally
        await until(
          async () => (await admin.keys("linkage:chunk-result:*")).length === 1,
          60_000,
          () => `the job was not recorded: ${coordinator.log()}`,
        );
        coordinator.child.kill("SIGKILL");
        await coordinator.exited;
        const id = batchIdIn(coordinator.log());
        expect(id, coordinator.log()).toMatch(/^[0-9a-f-]{36}$/);
        expect(existsSync(join(dir, "queued", "results.json"))).toBe(false);
        await leaseGone(id!);

        const resumed = await runCliCapture(...run, ...onQueue, "--resume", id!);
        expect(resumed.code, resumed.stderr).toBe(0);
        const results = (which: string) =>
          JSON.parse(readFileSync(join(dir, which, "results.json"), "utf8")) as Record<
            string,
            unknown
          >;
        const { command, ...queued } = results("queued");
        const { command: localCommand, ...local } = results("local");
        expect(JSON.stringify(queued)).toBe(JSON.stringify(local));
        expect(command).toBe(`${localCommand} --engine bullmq --redis ${url.replace(/\/$/, "")}`);
        expect(workerCounts(worker)).toEqual({ done: 1, again: 0 });
        expect(await admin.keys("linkage:*")).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  },
);
