/**
 * The BullMQ engine against a real Redis (REDIS_URL; .ci/run starts one) with `linkage worker`
 * child processes run from the TypeScript source: the same numbers as the local engine byte for
 * byte with one and two workers; a worker killed with SIGKILL mid-chunk, its chunk taken by
 * another after the lock expires; a chunk delivered twice recorded once; a tampered job refused
 * and logged; a Redis lost mid-run named, exit 2, nothing written.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bullmqChunkEngine } from "../../src/queue/bullmqChunkEngine.js";
import { chunkJobId, parseChunkQueuePayload } from "../../src/queue/ChunkQueuePayload.js";
import { checkRedisUrl } from "../../src/queue/checkRedisUrl.js";
import chunkProcessor from "../../src/queue/chunkProcessor.js";
import {
  CHUNK_QUEUE,
  chunkResultKey,
  coordinatorLeaseKey,
  RESULT_STORE_ENV,
} from "../../src/queue/chunkQueueNames.js";
import { openQueueBatch } from "../../src/queue/openQueueBatch.js";
import { parseScenario } from "../../src/scenario/parseScenario.js";
import { encodeChunkResults } from "../../src/sim/chunkResultWire.js";
import { runChunkJob } from "../../src/sim/runChunkJob.js";
import {
  CHUNK_JOB_FORMAT,
  type SimulationChunkJob,
  scenarioSha256,
} from "../../src/sim/SimulationChunkJob.js";
import { CHUNK_RUNS, simulate } from "../../src/sim/simulate.js";
import {
  groupAlive,
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
/** The lost-Redis sweep test starts (and kills) a Redis of its own on this port. */
const THROWAWAY_PORT = 6392;
const NO_REDIS_SERVER = spawnSync("redis-server", ["--version"]).error !== undefined;
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PATH = "scenarios/kabul-2021.yaml";
const TEXT = readFileSync(join(ROOT, PATH), "utf8");
const RUNS = 4 * CHUNK_RUNS;
const SEED = 11;
/** Lock duration and stall-check interval of the test workers (ms): a dead worker's chunk moves on after about this long. */
const LOCK_MS = 2000;

/** This file's own Redis database, emptied before the tests, so other suites' queues never mix in. */
function databaseUrl(): string {
  const url = new URL(REDIS_URL!);
  url.pathname = "/7";
  return url.href;
}

describe.skipIf(NO_REDIS)(
  `the BullMQ engine with linkage worker processes${skipReason(NO_REDIS, "REDIS_URL is not set (.ci/run starts a Redis)")}`,
  () => {
    const scenario = parseScenario(TEXT, PATH);
    let url: string;
    let admin: Redis;
    let local: string;

    beforeAll(async () => {
      url = databaseUrl();
      admin = new Redis(url, { maxRetriesPerRequest: null });
      await admin.flushdb();
      process.env[RESULT_STORE_ENV] = url;
      local = JSON.stringify(await simulate(scenario, { runs: RUNS, seed: SEED, threads: 1 }));
    }, 120_000);
    afterEach(stopLinkageProcesses, 30_000);
    afterAll(async () => {
      await stopLinkageProcesses();
      await admin?.flushdb();
      admin?.disconnect();
    });

    const engine = (batchId?: string) =>
      bullmqChunkEngine({
        redis: checkRedisUrl(url),
        scenarioText: TEXT,
        jobRuns: CHUNK_RUNS, // one chunk a job: several jobs to share, kill or deliver twice
        ...(batchId ? { batchId } : {}),
      });

    it.each([1, 2])(
      "%i worker(s): byte-identical to the local engine for the same seed",
      async (count) => {
        const workers: LinkageProcess[] = [];
        for (let i = 0; i < count; i++) workers.push(await startLinkageWorker(url, LOCK_MS));
        const queued = await simulate(scenario, { runs: RUNS, seed: SEED, engine: engine() });
        expect(JSON.stringify(queued)).toBe(local);
        const done = workers.map((w) => (w.log().match(/ done/g) ?? []).length);
        expect(done.reduce((a, b) => a + b, 0)).toBe(RUNS / CHUNK_RUNS);
        expect(await admin.keys("linkage:chunk-result:*")).toEqual([]); // collected results are removed
      },
      120_000,
    );

    it("linkage sweep through the workers writes the same sweep.csv as on this machine", async () => {
      await startLinkageWorker(url, LOCK_MS);
      const dir = mkdtempSync(join(tmpdir(), "linkage-queue-sweep-"));
      try {
        const sweep = (...more: string[]) =>
          runCliCapture(
            ...["sweep", PATH, "--vary", "sigma_sub=0:0.3:2", "--runs", "300", "--seed", "3"],
            ...more,
          );
        const here = await sweep("--out", join(dir, "local"), "--threads", "1");
        const queued = await sweep(
          "--out",
          join(dir, "queued"),
          "--engine",
          "bullmq",
          "--redis",
          url,
        );
        expect([here.code, queued.code]).toEqual([0, 0]);
        const csv = (which: string) => readFileSync(join(dir, which, "sweep.csv"), "utf8");
        expect(csv("queued")).toBe(csv("local"));
        expect(csv("local").split("\n").length).toBeGreaterThan(4);
        // sweep.json: the same fields, the command naming the engine, and the batch id added
        const json = (which: string) =>
          JSON.parse(readFileSync(join(dir, which, "sweep.json"), "utf8")) as Record<
            string,
            unknown
          >;
        const { command, batchId, ...rest } = json("queued");
        const { command: localCommand, ...localRest } = json("local");
        expect(rest).toEqual(localRest);
        expect(command).toBe(`${localCommand} --engine bullmq --redis ${url.replace(/\/$/, "")}`);
        expect(queued.stderr).toContain(`queue batch ${batchId} on `);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);

    it("the coordinator killed mid-sweep: --resume ID finishes it with the same sweep.csv, no finished chunk computed again", async () => {
      const worker = await startLinkageWorker(url, LOCK_MS);
      const dir = mkdtempSync(join(tmpdir(), "linkage-queue-resume-"));
      const points = 5;
      const sweep = [
        ...["sweep", PATH, "--vary", `sigma_sub=0:0.4:${points}`],
        ...["--runs", `${2 * CHUNK_RUNS}`, "--seed", "5"],
      ];
      const jobs = points; // two chunks of 250 runs a point: one queue job (of up to 1,000 runs)
      const queuedOut = join(dir, "queued");
      const onQueue = ["--out", queuedOut, "--engine", "bullmq", "--redis", url];
      try {
        const here = await runCliCapture(...sweep, "--out", join(dir, "local"), "--threads", "1");
        expect(here.code).toBe(0);
        // the coordinator in a process of its own, killed with SIGKILL once some chunks are recorded
        const coordinator = spawnLinkage([...sweep, ...onQueue]);
        // a sweep keeps each finished point (and drops the chunk results it came from)
        const kept = async () => (await admin.keys("linkage:batch:*:point:*")).length;
        await until(
          async () => (await kept()) >= 2,
          60_000,
          () => `no points were kept: ${coordinator.log()}`,
        );
        coordinator.child.kill("SIGKILL");
        await coordinator.exited;
        const told = coordinator.log();
        const id = /run it again with --resume (\S+) /.exec(told)?.[1];
        expect(id, told).toMatch(/^[0-9a-f-]{36}$/);
        await admin.del(coordinatorLeaseKey(id!)); // the killed coordinator's lease, not to wait 20 s
        expect(existsSync(join(queuedOut, "sweep.csv"))).toBe(false);
        expect(await kept()).toBeLessThan(points); // stopped midway

        // a resume with other work is refused before anything is queued
        const other = await runCliCapture(
          ...sweep.map((a) => (a === "5" ? "6" : a)),
          ...onQueue,
          ...["--resume", id!],
        );
        expect(other.code).toBe(2);
        expect(other.stderr).toMatch(
          new RegExp(
            `--resume ${id}: batch ${id} was started with other work; this command differs in --seed \\(5 then, 6 now\\)`,
          ),
        );

        const resumed = await runCliCapture(...sweep, ...onQueue, "--resume", id!);
        expect(resumed.code, resumed.stderr).toBe(0);
        expect(resumed.stderr).toContain(`resuming queue batch ${id} on ${url.replace(/\/$/, "")}`);
        const csv = (which: string) => readFileSync(join(dir, which, "sweep.csv"), "utf8");
        expect(csv("queued")).toBe(csv("local"));
        // a header, a row per point and policy, the final newline
        expect(csv("local").split("\n").length).toBe(points * scenario.policies.length + 2);
        // each job computed once over both coordinators: none again after the resume
        await until(
          () => (worker.log().match(/ done/g) ?? []).length >= jobs,
          10_000,
          () => worker.log(),
        );
        expect((worker.log().match(/ done$/gm) ?? []).length).toBe(jobs);
        expect(worker.log()).not.toContain("already recorded");
        // a finished batch leaves nothing in Redis, and cannot be resumed again
        expect(await admin.keys("linkage:*")).toEqual([]);
        const again = await runCliCapture(...sweep, ...onQueue, "--resume", id!);
        expect(again.code).toBe(2);
        expect(again.stderr).toMatch(/holds no unfinished batch/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 180_000);

    it("--resume after the batch's jobs failed while its coordinator was dead: they are queued again, not waited for forever", async () => {
      const simulateArgs = [
        ...["simulate", PATH, "--runs", `${8 * CHUNK_RUNS}`, "--seed", "9", "--json"],
        ...["--engine", "bullmq", "--redis", url],
      ];
      const jobs = 2; // 2,000 runs: two jobs of up to 1,000
      const queue = new Queue(CHUNK_QUEUE, { connection: admin.duplicate() });
      let throwaway: Worker<unknown, unknown> | null = null;
      try {
        await queue.obliterate({ force: true });
        // the coordinator queues its jobs with no worker serving, and is killed with SIGKILL
        const coordinator = spawnLinkage(simulateArgs);
        await until(
          async () => (await queue.getWaitingCount()) >= jobs,
          60_000,
          () => `the jobs were not queued: ${coordinator.log()}`,
        );
        coordinator.child.kill("SIGKILL");
        await coordinator.exited;
        const told = coordinator.log();
        const id = /run it again with --resume (\S+) /.exec(told)?.[1];
        expect(id, told).toMatch(/^[0-9a-f-]{36}$/);
        await admin.del(coordinatorLeaseKey(id!)); // the killed coordinator's lease, not to wait 20 s
        // a worker that fails every job, then goes away: both jobs are kept as failed
        const failing = new Worker<unknown, unknown>(
          CHUNK_QUEUE,
          async (): Promise<unknown> => {
            throw new Error("[internal] a throwaway worker fails every job");
          },
          { connection: admin.duplicate() },
        );
        throwaway = failing;
        await until(
          async () => (await queue.getFailedCount()) >= jobs,
          30_000,
          () => "the jobs did not fail",
        );
        await failing.close();
        throwaway = null;
        await startLinkageWorker(url, LOCK_MS);
        const resumed = await runCliCapture(...simulateArgs, "--resume", id!);
        expect(resumed.code, resumed.stderr).toBe(0);
        expect(resumed.stderr).toMatch(/had failed on a worker \(\[internal\] a throwaway worker/);
        const { batchId, ...result } = JSON.parse(resumed.stdout) as Record<string, unknown>;
        expect(batchId).toBe(id);
        const here = await simulate(scenario, { runs: 8 * CHUNK_RUNS, seed: 9, threads: 1 });
        expect(JSON.stringify(result)).toBe(JSON.stringify(here));
      } finally {
        await throwaway?.close();
        await queue.obliterate({ force: true });
        await queue.close();
      }
    }, 180_000);

    it("--resume of a batch another linkage version started is refused, naming both versions", async () => {
      const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
        version: string;
      };
      const record = { version: "0.0.1", command: "simulate", scenarios: ["ab"], settings: {} };
      await admin.set("linkage:batch:from-an-older-linkage", JSON.stringify(record), "EX", 600);
      const r = await runCliCapture(
        ...["simulate", PATH, "--runs", "300", "--engine", "bullmq", "--redis", url],
        ...["--resume", "from-an-older-linkage"],
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `this command differs in linkage's version (linkage 0.0.1 then, linkage ${version} now)`,
      );
      await admin.del("linkage:batch:from-an-older-linkage");
    }, 60_000);

    it("an output write that fails leaves the batch resumable: its kept points are not removed first", async () => {
      await startLinkageWorker(url, LOCK_MS);
      const dir = mkdtempSync(join(tmpdir(), "linkage-queue-writefail-"));
      const out = join(dir, "out");
      const sweep = [
        ...["sweep", PATH, "--vary", "sigma_sub=0:0.3:2", "--runs", "300", "--seed", "4"],
        ...["--out", out, "--engine", "bullmq", "--redis", url],
      ];
      try {
        // sweep.csv is a folder: the file cannot be written once the numbers are all in
        mkdirSync(join(out, "sweep.csv"), { recursive: true });
        const failed = await runCliCapture(...sweep);
        expect(failed.code).toBe(2);
        expect(failed.stderr).toMatch(/sweep\.csv: cannot write/);
        const id = /run it again with --resume (\S+) /.exec(failed.stderr)?.[1];
        expect(id, failed.stderr).toMatch(/^[0-9a-f-]{36}$/);
        expect(await admin.exists(`linkage:batch:${id}`)).toBe(1);
        expect((await admin.keys(`linkage:batch:${id}:point:*`)).length).toBe(2);
        rmSync(join(out, "sweep.csv"), { recursive: true });
        const resumed = await runCliCapture(...sweep, "--resume", id!);
        expect(resumed.code, resumed.stderr).toBe(0);
        expect(existsSync(join(out, "sweep.csv"))).toBe(true);
        expect(await admin.keys(`linkage:batch:${id}*`)).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);

    it("a sweep's kept points come back exactly (NaN, ±Infinity, -0 too), and keeping one drops its chunk results", async () => {
      const redis = checkRedisUrl(url);
      const identity = {
        version: "0.1.0",
        command: "sweep",
        scenarios: ["ab"],
        settings: { "--runs": "250" },
      };
      const batch = await openQueueBatch({ redis, identity });
      // a point computed on the batch's engine leaves its chunk results in Redis until kept;
      // keeping point 3 removes its own, not those of point 2, still in flight
      // (keys another test left are not this test's: only keys new since its start are counted)
      const earlier = new Set(await admin.keys("linkage:*"));
      const ours = async (pattern: string) =>
        (await admin.keys(pattern)).filter((key) => !earlier.has(key)).sort();
      await startLinkageWorker(url, LOCK_MS);
      await simulate(scenario, { runs: CHUNK_RUNS, seed: SEED, engine: batch.engineFor(TEXT, 3) });
      const three = await ours("linkage:chunk-result:*");
      expect(three).toHaveLength(1);
      await simulate(scenario, {
        runs: CHUNK_RUNS,
        seed: SEED + 1,
        engine: batch.engineFor(TEXT, 2),
      });
      const both = await ours("linkage:chunk-result:*");
      expect(both).toHaveLength(2);
      const outcome = { mean: Number.NaN, q05: Number.NEGATIVE_INFINITY, q50: -0, q95: 0.1 + 0.2 };
      const record = {
        point: {
          values: [0.3],
          best: "KE",
          leverage: null,
          policies: { KE: { outcomes: { attacks: outcome }, leverage: null, bestShare: 1 } },
        },
        weeks: 52,
        leverageBaseline: "U",
      };
      // keeping a point renews the batch record's day of life (a long sweep stays resumable)
      await admin.expire(`linkage:batch:${batch.id}`, 60);
      await batch.pointStore<typeof record>().put(3, record);
      expect(await admin.ttl(`linkage:batch:${batch.id}`)).toBeGreaterThan(23 * 3600);
      const left = await ours("linkage:chunk-result:*");
      expect(left).toEqual(both.filter((key) => key !== three[0]));
      await batch.release(); // the first command stops; its batch can be resumed at once
      const resumed = await openQueueBatch({ redis, identity, resume: batch.id });
      expect(await resumed.pointStore().get(2)).toBeUndefined();
      const back = await resumed.pointStore<typeof record>().get(3);
      expect(back).toEqual(record);
      expect(Object.is(back!.point.policies["KE"]!.outcomes["attacks"]!.q50, -0)).toBe(true);
      expect(back!.point.policies["KE"]!.outcomes["attacks"]!.q95).toBe(0.1 + 0.2);
      await resumed.finish();
      await admin.del(...left); // point 2's results: the first command's, which stopped unfinished
      expect(await ours("linkage:*")).toEqual([]);
    }, 60_000);

    it("a worker killed with SIGKILL mid-chunk: another takes the chunk after the lock expires; the aggregate is unchanged", async () => {
      const doomed = await startLinkageWorker(url, LOCK_MS);
      const queue = new Queue(CHUNK_QUEUE, { connection: admin.duplicate() });
      try {
        const run = simulate(scenario, { runs: RUNS, seed: SEED, engine: engine() });
        let killedJob = "";
        await until(
          async () => {
            const active = await queue.getJobs(["active"]);
            if (active.length === 0) return false;
            killedJob = active[0]!.id!;
            return true;
          },
          30_000,
          () => "no chunk became active",
        );
        // kill -9 of the worker alone, as a user or the OOM killer would: its sandboxed chunk
        // process must not outlive it (it once did, spinning on a core)
        process.kill(doomed.child.pid!, "SIGKILL");
        const started = Date.now();
        const rescuer = await startLinkageWorker(url, LOCK_MS);
        const result = await run;
        expect(JSON.stringify(result)).toBe(local);
        // the killed worker never finished the chunk; the rescuer did, after the stall check
        expect(doomed.log()).not.toContain(`${killedJob} `);
        expect(rescuer.log()).toContain(`chunk ${killedJob} `);
        expect(Date.now() - started).toBeGreaterThan(LOCK_MS / 2);
        await until(
          () => !groupAlive(doomed),
          10_000,
          () => "the killed worker's chunk process outlived it",
        );
      } finally {
        await queue.close();
      }
    }, 120_000);

    /** Chunk 0 exactly as the engine describes it (every policy, so no extra baseline). */
    const firstChunk = (): SimulationChunkJob => ({
      format: CHUNK_JOB_FORMAT,
      scenarioText: TEXT,
      scenarioSha256: scenarioSha256(TEXT),
      source: PATH,
      overrides: {},
      policies: scenario.policies.map((_, i) => i),
      weeks: scenario.dynamics!.weeks,
      seed: SEED,
      totalRuns: RUNS,
      firstRun: 0,
      runs: CHUNK_RUNS,
      fixed: false,
      keepSeries: true,
    });

    it("a chunk delivered twice is recorded once and counted once", async () => {
      const batchId = "duplicate-test";
      const chunk = firstChunk();
      const data = { batch: batchId, chunk };
      const id = chunkJobId(data);
      const deliver = () =>
        chunkProcessor({ id, data } as unknown as Parameters<typeof chunkProcessor>[0]);
      expect(await deliver()).toEqual({ recorded: true });
      const first = await admin.getBuffer(chunkResultKey(id));
      expect(await deliver()).toEqual({ recorded: false });
      expect(await admin.getBuffer(chunkResultKey(id))).toEqual(first);
      const worker = await startLinkageWorker(url, LOCK_MS);
      const queued = await simulate(scenario, {
        runs: RUNS,
        seed: SEED,
        engine: engine(batchId),
      });
      expect(JSON.stringify(queued)).toBe(local);
      // the recorded chunk was taken as is, not queued again: the worker did the other three
      expect(worker.log()).not.toContain(id);
      expect((worker.log().match(/ done/g) ?? []).length).toBe(RUNS / CHUNK_RUNS - 1);
    }, 120_000);

    it("a recorded result that is not a frame of its chunk's results is refused, naming the job", async () => {
      const batchId = "tampered-result-test";
      const chunk = firstChunk();
      const id = chunkJobId({ batch: batchId, chunk });
      const run = () => simulate(scenario, { runs: RUNS, seed: SEED, engine: engine(batchId) });
      // an older linkage's JSON result, then a frame cut short: no worker is needed, the
      // coordinator reads the recorded results before queueing anything
      await admin.set(chunkResultKey(id), JSON.stringify([{ firstRun: 0 }]), "EX", 600);
      await expect(run()).rejects.toThrow(
        /the result recorded for job 0: malformed chunk results: .*(not a frame|LKCR)/,
      );
      const deliver = () =>
        chunkProcessor({ id, data: { batch: batchId, chunk } } as unknown as Parameters<
          typeof chunkProcessor
        >[0]);
      await admin.del(chunkResultKey(id));
      expect(await deliver()).toEqual({ recorded: true });
      const frame = (await admin.getBuffer(chunkResultKey(id)))!;
      await admin.set(chunkResultKey(id), frame.subarray(0, frame.byteLength - 8), "EX", 600);
      await expect(run()).rejects.toThrow(
        /the result recorded for job 0: malformed chunk results: its arrays need \d+ bytes, the frame has \d+/,
      );
      await admin.del(chunkResultKey(id));
    }, 60_000);

    it("a scenario text that is not the simulated scenario's is refused (checked once the jobs are queued), and its jobs are taken off the queue", async () => {
      const queue = new Queue(CHUNK_QUEUE, { connection: admin.duplicate() });
      try {
        await queue.obliterate({ force: true });
        const other = TEXT.replace(/^title: "/m, 'title: "Another ');
        expect(other).not.toBe(TEXT);
        const wrong = bullmqChunkEngine({
          redis: checkRedisUrl(url),
          scenarioText: other,
          jobRuns: CHUNK_RUNS,
        });
        // no worker: nothing is computed, and nothing may be left waiting for one
        await expect(simulate(scenario, { runs: RUNS, seed: SEED, engine: wrong })).rejects.toThrow(
          `the scenario text given to the queue engine is not the text of ${PATH}`,
        );
        expect(await queue.getWaitingCount()).toBe(0);
      } finally {
        await queue.close();
      }
    }, 60_000);

    it("a tampered job is refused and logged by the worker", async () => {
      const worker = await startLinkageWorker(url, LOCK_MS);
      const queue = new Queue(CHUNK_QUEUE, { connection: admin.duplicate() });
      try {
        const chunk = {
          format: CHUNK_JOB_FORMAT as typeof CHUNK_JOB_FORMAT,
          scenarioText: TEXT.replace("weeks:", "weeks:  "),
          scenarioSha256: scenarioSha256(TEXT),
          source: PATH,
          overrides: {},
          policies: [0],
          weeks: 10,
          seed: 1,
          totalRuns: 10,
          firstRun: 0,
          runs: 10,
          fixed: false,
          keepSeries: false,
        };
        const data = { batch: "tamper-test", chunk };
        const id = chunkJobId(data);
        await queue.add("chunk", data, { jobId: id });
        await queue.add("chunk", data, { jobId: "chunk-not-its-hash" });
        await queue.add(
          "chunk",
          { batch: "tamper-test", chunk: { ...chunk, script: "rm -rf /" } },
          { jobId: "chunk-extra" },
        );
        // a job queued by a linkage whose results had another format
        await queue.add(
          "chunk",
          { batch: "tamper-test", chunk: { ...chunk, format: 1 } },
          { jobId: "chunk-format-1" },
        );
        await until(
          () => (worker.log().match(/refused/g) ?? []).length >= 4,
          30_000,
          () => `not refused: ${worker.log()}`,
        );
        expect(worker.log()).toMatch(
          new RegExp(
            `chunk ${id} failed: \\[E_INPUT\\] chunk job refused: the scenario text hashes to`,
          ),
        );
        expect(worker.log()).toMatch(/chunk-not-its-hash failed: .*is not the hash of its content/);
        expect(worker.log()).toMatch(/chunk-extra failed: .*chunk job refused: .*script/);
        expect(worker.log()).toMatch(
          new RegExp(
            `chunk-format-1 failed: \\[E_INPUT\\] chunk job refused: it was queued by a linkage of another version \\(job format 1, this worker reads format ${CHUNK_JOB_FORMAT}\\)`,
          ),
        );
        expect((await queue.getJob(id))?.failedReason).toMatch(/^\[E_INPUT\] chunk job refused/);
        expect(await admin.exists(chunkResultKey(id))).toBe(0);
      } finally {
        await queue.obliterate({ force: true });
        await queue.close();
      }
    }, 60_000);

    it("Redis lost mid-run: a clear error naming the URL, exit 2, no results written", async () => {
      const port = 20_000 + (process.pid % 10_000);
      const dir = mkdtempSync(join(tmpdir(), "linkage-redis-"));
      const server = spawn(
        "redis-server",
        [
          "--bind",
          "127.0.0.1",
          "--port",
          `${port}`,
          "--save",
          "",
          "--appendonly",
          "no",
          "--dir",
          dir,
        ],
        { stdio: "ignore" },
      );
      try {
        const doomedUrl = `redis://127.0.0.1:${port}`;
        const probe = new Redis(doomedUrl, { lazyConnect: true, retryStrategy: () => 100 });
        probe.on("error", () => undefined);
        await until(
          async () => (await probe.ping().catch(() => "")) === "PONG",
          10_000,
          () => "redis-server did not start",
        );
        probe.disconnect();
        const csv = join(dir, "out");
        // no worker: the chunks wait in the queue until Redis goes away
        const running = runCliCapture(
          ...["simulate", PATH, "--runs", `${RUNS}`, "--engine", "bullmq", "--redis", doomedUrl],
          ...["--csv", csv],
        );
        await until(
          async () => {
            const check = new Redis(doomedUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
            check.on("error", () => undefined);
            const n = await check.llen(`bull:${CHUNK_QUEUE}:wait`).catch(() => 0);
            check.disconnect();
            return n > 0;
          },
          30_000,
          () => "the chunks were not queued",
        );
        server.kill("SIGKILL");
        const r = await running;
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(
          new RegExp(`^linkage: Redis at redis://127\\.0\\.0\\.1:${port} is unreachable`, "m"),
        );
        expect(r.stderr).toMatch(/^linkage: note: no linkage worker serves the queue/m);
        expect(r.stdout).toBe("");
        expect(existsSync(join(csv, "outcomes.csv"))).toBe(false);
      } finally {
        server.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  },
);

describe.skipIf(NO_REDIS_SERVER)(
  `a sweep whose Redis is lost midway${skipReason(NO_REDIS_SERVER, "redis-server is not on PATH")}`,
  () => {
    it("exits 2 naming Redis and its URL, and leaves no sweep.csv, sweep.json or sweep.html", async () => {
      const dir = mkdtempSync(join(tmpdir(), "linkage-redis-lost-"));
      const server = spawn(
        "redis-server",
        [
          ...["--bind", "127.0.0.1", "--port", `${THROWAWAY_PORT}`],
          ...["--save", "", "--appendonly", "no", "--dir", dir],
        ],
        { stdio: "ignore" },
      );
      const serverExited = new Promise((resolve) => server.once("exit", resolve));
      const doomedUrl = `redis://127.0.0.1:${THROWAWAY_PORT}`;
      const probe = new Redis(doomedUrl, { lazyConnect: true, retryStrategy: () => 100 });
      probe.on("error", () => undefined);
      const connection = new Redis(doomedUrl, {
        lazyConnect: true,
        maxRetriesPerRequest: null,
        retryStrategy: () => 100,
      });
      connection.on("error", () => undefined);
      let worker: Worker<unknown, unknown> | null = null;
      try {
        await until(
          async () => (await probe.ping().catch(() => "")) === "PONG",
          10_000,
          () => "redis-server did not start",
        );
        // the answer came from this test's server, not from one left on the port
        expect(server.exitCode, `port ${THROWAWAY_PORT} is taken`).toBeNull();
        // a worker in this process that computes the first two points' jobs (one job a point)
        // and holds the third for ever: the sweep is midway when Redis goes, however fast or
        // slow the machine (a worker process that kept computing once let it finish first)
        let taken = 0;
        const held = new Promise<never>(() => {});
        worker = new Worker<unknown, unknown>(
          CHUNK_QUEUE,
          async (job) => {
            if (++taken > 2) return held;
            const { chunk } = parseChunkQueuePayload(job.data, job.id);
            const wire = encodeChunkResults(runChunkJob(chunk));
            await connection.set(chunkResultKey(job.id!), wire, "EX", 600, "NX");
            return { recorded: true };
          },
          { connection },
        );
        worker.on("error", () => undefined);
        const out = join(dir, "out");
        const running = runCliCapture(
          ...["sweep", PATH, "--vary", "sigma_sub=0:0.4:6", "--runs", `${2 * CHUNK_RUNS}`],
          ...["--engine", "bullmq", "--redis", doomedUrl, "--out", out],
        );
        await until(
          async () =>
            taken === 3 &&
            (await probe.keys("linkage:batch:*:point:*").catch(() => [])).length === 2,
          100_000,
          () => `the sweep did not reach its third point (${taken} jobs taken)`,
        );
        server.kill("SIGKILL");
        await serverExited;
        const r = await running;
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(
          new RegExp(
            `^linkage: Redis at redis://127\\.0\\.0\\.1:${THROWAWAY_PORT} is unreachable`,
            "m",
          ),
        );
        // no client library's words (its retry option), no stack
        expect(r.stderr).not.toMatch(/ioredis|maxRetries|at [A-Za-z.]+ \(/);
        expect(r.stdout).toBe("");
        expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
      } finally {
        // the held job never settles: the worker is closed without waiting for it
        await Promise.race([
          worker?.close(true).catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, 5000)),
        ]);
        connection.disconnect();
        probe.disconnect();
        server.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  },
);
