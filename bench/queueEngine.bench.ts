/**
 * The BullMQ engine's cost and scaling (issue 18), against a real Redis (REDIS_URL; skipped with
 * a printed reason otherwise) and `linkage worker` processes of the compiled build (`npm run
 * build` first): (a) overhead: a batch through the queue with ONE worker process against the
 * local engine on one thread, jobs of ≥ 1,000 runs (the floor: ≤ 1.15×); (b) scaling:
 * two worker processes against one (≥ 1.8× on 2 cores), over job sizes of 500 to 10,000 runs,
 * so a user can choose one. Each configuration runs once (a batch is long); the ratios, all
 * measured in the same run, are printed at the end. Workers are measured as they serve a user
 * once started: a worker's first job forks its sandboxed child (once in its life), so new
 * workers are warmed up with an untimed batch first; each timed batch (each repetition too) gets
 * a scenario text of its own (a comment added), so its workers parse the scenario and draw its parameters afresh,
 * as for any new batch.
 *
 * QUEUE_BENCH_RUNS (default 100,000, the batch) and QUEUE_BENCH_SCENARIO (default
 * kabul-2021) choose the batch; QUEUE_BENCH_JOB_RUNS (comma-separated) the job sizes. Each
 * configuration's time is also written to stderr as it is measured ("local", "WORKERS:JOB_RUNS"),
 * with its CPU seconds by process (coordinator, each worker and its sandboxed children, a local
 * redis-server; from /proc, so Linux only), which hold up on a busy machine where wall time does not.
 *
 * Measured 2026-12-05 on this 2-core machine, busy with three other jobs (load average ≈ 6): see
 * docs/scale-out.md "Cost and scaling" for the figures and the command.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { afterAll, bench, describe } from "vitest";
import { skipReason } from "../test/support/skipReason.js";

type Simulate = typeof import("../src/sim/simulate.js");
type Load = typeof import("../src/scenario/loadScenario.js");
type Engine = typeof import("../src/queue/bullmqChunkEngine.js");
type Url = typeof import("../src/queue/checkRedisUrl.js");

const REDIS_URL = process.env["REDIS_URL"];
const RUNS = Number(process.env["QUEUE_BENCH_RUNS"] ?? 100_000);
const SCENARIO = process.env["QUEUE_BENCH_SCENARIO"] ?? "kabul-2021";
const JOB_RUNS = (process.env["QUEUE_BENCH_JOB_RUNS"] ?? "500,1000,2500,5000,10000")
  .split(",")
  .map(Number);
const ROOT = new URL("../", import.meta.url);
const dist = new URL("dist/", ROOT);

if (!REDIS_URL) {
  console.log("queueEngine.bench: skipped, REDIS_URL is not set (e.g. redis://127.0.0.1:6379)");
}

/** Wall-clock milliseconds of each configuration, by name: the fastest of vitest's repetitions. */
const measured = new Map<string, number>();
/** CPU seconds of each configuration's processes, by name (of its fastest repetition). */
const cpuOf = new Map<string, CpuShares>();

/**
 * CPU seconds a process and its descendants used, from /proc (Linux; zero elsewhere): its own
 * user + system time, and its descendants' (live ones read directly, exited ones through the
 * parent's reaped-children times).
 */
interface ProcessCpu {
  /** The process itself. */
  readonly self: number;
  /** Its descendants (BullMQ's sandboxed children, for a worker), live and exited. */
  readonly children: number;
}

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** utime, stime, cutime, cstime and the parent pid of `pid` from /proc, or null when gone. */
function procStat(pid: number): { self: number; reaped: number; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command name (field 2) may hold spaces: fields are counted after its closing paren
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const tick = (i: number) => Number(fields[i]) / TICKS;
    return { ppid: Number(fields[1]), self: tick(11) + tick(12), reaped: tick(13) + tick(14) };
  } catch {
    return null;
  }
}

/** The CPU seconds of `pid` and of its descendants so far (see {@link ProcessCpu}). */
function processCpu(pid: number): ProcessCpu {
  const own = procStat(pid);
  if (!own) return { self: 0, children: 0 };
  const parentOf = new Map<number, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return { self: own.self, children: own.reaped };
  }
  for (const name of pids) {
    const stat = procStat(Number(name));
    if (stat) parentOf.set(Number(name), stat.ppid);
  }
  const descends = (p: number): boolean => {
    for (let up = parentOf.get(p); up !== undefined && up > 1; up = parentOf.get(up))
      if (up === pid) return true;
    return false;
  };
  let children = own.reaped;
  for (const p of parentOf.keys()) if (descends(p)) children += procStat(p)?.self ?? 0;
  return { self: own.self, children };
}

/** CPU seconds of one configuration, by process. */
interface CpuShares {
  /** This process: the coordinator (for the local engine, the simulation itself). */
  readonly coordinator: number;
  /** Each `linkage worker` process: its own CPU and its sandboxed children's. */
  readonly workers: readonly ProcessCpu[];
  /** redis-server, when it runs on this machine (its pid from INFO), else 0. */
  readonly redis: number;
}

/** The CPU seconds used so far by the coordinator, each worker and Redis. */
function cpuNow(redisPid: number): CpuShares {
  const { user, system } = process.cpuUsage();
  return {
    coordinator: (user + system) / 1e6,
    workers: workers.map((child) => processCpu(child.pid!)),
    redis: redisPid > 0 ? (procStat(redisPid)?.self ?? 0) : 0,
  };
}

/** What was used between two readings of {@link cpuNow}. */
function cpuSince(before: CpuShares, after: CpuShares): CpuShares {
  return {
    coordinator: after.coordinator - before.coordinator,
    workers: after.workers.map((w, i) => ({
      self: w.self - (before.workers[i]?.self ?? 0),
      children: w.children - (before.workers[i]?.children ?? 0),
    })),
    redis: after.redis - before.redis,
  };
}
const workers: ChildProcess[] = [];
// the workers never outlive the bench, whatever ends it
process.once("exit", () => {
  for (const child of workers) child.kill("SIGTERM");
});

/**
 * Starts or stops `linkage worker` processes (compiled build) until `count` serve the queue; new
 * ones are warmed up with a small untimed batch (their sandboxed child processes forked and
 * loaded, which a worker does once in its life, at its first job; printed on stderr).
 */
async function useWorkers(url: string, count: number): Promise<void> {
  while (workers.length > count) await stop(workers.pop()!);
  const started = workers.length < count;
  while (workers.length < count) {
    const child = spawn(process.execPath, ["bin/linkage.js", "worker", "--redis", url], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout!.on("data", (d: Buffer) => (text += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (text += d.toString()));
    const end = Date.now() + 30_000;
    while (!text.includes("serving queue")) {
      if (Date.now() > end || child.exitCode !== null) {
        throw new Error(`linkage worker did not start: ${text}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.stdout!.resume();
    child.stderr!.resume();
    workers.push(child);
  }
  if (started) await warmUp(url, count);
}

/**
 * An untimed batch of two jobs per worker, so that each worker has forked its sandboxed child
 * before the timed batches (another seed and text: it leaves the timed batches' draw uncached).
 */
async function warmUp(url: string, count: number): Promise<void> {
  const started = performance.now();
  await simulate(scenario, {
    runs: 2 * count * 1000,
    seed: 2,
    threads: 1,
    engine: bullmqChunkEngine({
      redis: checkRedisUrl(url),
      scenarioText: `${text}\n# queueEngine.bench: warm-up\n`,
      jobRuns: 1000,
    }),
  });
  process.stderr.write(
    `queueEngine.bench: warm-up of ${count} worker${count === 1 ? "" : "s"} (${2 * count} jobs of 1,000 runs, children forked) ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
  );
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

const { simulate } = (await import(new URL("sim/simulate.js", dist).href)) as Simulate;
const { loadScenario } = (await import(new URL("scenario/loadScenario.js", dist).href)) as Load;
const { bullmqChunkEngine } = (await import(
  new URL("queue/bullmqChunkEngine.js", dist).href
)) as Engine;
const { checkRedisUrl } = (await import(new URL("queue/checkRedisUrl.js", dist).href)) as Url;
const path = new URL(`scenarios/${SCENARIO}.yaml`, ROOT).pathname;
const text = readFileSync(path, "utf8");
const scenario = loadScenario(path);
// a database of its own, emptied first, so no other queue's jobs mix in
const url = new URL(REDIS_URL ?? "redis://127.0.0.1:6379");
url.pathname = "/8";
const admin = REDIS_URL ? new Redis(url.href, { maxRetriesPerRequest: null }) : null;
await admin?.flushdb();
// redis-server's pid, for its CPU seconds when it runs on this machine
const redisPid = Number(/process_id:(\d+)/.exec((await admin?.info("server")) ?? "")?.[1] ?? 0);

describe.skipIf(!REDIS_URL)(
  `${SCENARIO}, ${RUNS.toLocaleString("en-US")} runs, every policy${skipReason(!REDIS_URL, "REDIS_URL is not set")}`,
  () => {
    let reference = "";
    let batches = 0;

    /** Runs the batch once, timed, and checks its numbers equal the local engine's. */
    const timed = async (name: string, jobRuns?: number) => {
      const cpuBefore = cpuNow(redisPid);
      const started = performance.now();
      const result = await simulate(scenario, {
        runs: RUNS,
        seed: 1,
        threads: 1,
        ...(jobRuns !== undefined
          ? {
              engine: bullmqChunkEngine({
                redis: checkRedisUrl(url.href),
                // a comment naming the configuration: the same scenario, but a text whose hash no
                // worker has cached a draw for, as for any new batch (results are unchanged)
                scenarioText: `${text}\n# queueEngine.bench: ${name}, batch ${++batches}\n`,
                jobRuns,
              }),
            }
          : {}),
      });
      const ms = performance.now() - started;
      const cpu = cpuSince(cpuBefore, cpuNow(redisPid));
      if (ms < (measured.get(name) ?? Number.POSITIVE_INFINITY)) {
        measured.set(name, ms);
        cpuOf.set(name, cpu);
      }
      // each configuration as it is measured (a long run stopped midway keeps what it measured)
      process.stderr.write(
        `queueEngine.bench: ${name} ${(ms / 1000).toFixed(2)} s; ${cpuLine(cpu)}\n`,
      );
      const json = JSON.stringify(result);
      if (reference === "") reference = json;
      else if (json !== reference)
        throw new Error(`${name}: the numbers differ from the local engine's`);
    };
    const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

    bench("local engine, one thread (the baseline)", () => timed("local"), once);
    for (const count of [1, 2]) {
      for (const jobRuns of JOB_RUNS) {
        bench(
          `bullmq, ${count} worker process${count === 1 ? "" : "es"}, jobs of ${jobRuns} runs`,
          () => timed(`${count}:${jobRuns}`, jobRuns),
          { ...once, setup: () => useWorkers(url.href, count) },
        );
      }
    }
  },
);

/** One configuration's CPU seconds in words. */
function cpuLine({ coordinator, workers: each, redis }: CpuShares): string {
  const total = coordinator + redis + each.reduce((sum, w) => sum + w.self + w.children, 0);
  const parts = [`coordinator ${coordinator.toFixed(2)}`];
  each.forEach((w, i) => {
    parts.push(`worker ${i + 1} ${w.self.toFixed(2)} + its children ${w.children.toFixed(2)}`);
  });
  if (redis > 0) parts.push(`redis ${redis.toFixed(2)}`);
  return `CPU s: ${parts.join(", ")}; total ${total.toFixed(2)}`;
}

// at the top level, as in sweep.bench.ts: inside the describe block it did not run in bench mode
afterAll(async () => {
  if (!REDIS_URL) return;
  await useWorkers(url.href, 0);
  await admin?.flushdb();
  admin?.disconnect();
  const local = measured.get("local");
  if (local === undefined) return;
  const lines = [
    `queueEngine.bench: ${SCENARIO}, ${RUNS} runs (fastest repetition of each); local engine, one thread: ${(local / 1000).toFixed(1)} s`,
    "  job runs   1 worker (× local)   2 workers (× local)   2 workers' speed-up over 1",
  ];
  for (const jobRuns of JOB_RUNS) {
    const one = measured.get(`1:${jobRuns}`);
    const two = measured.get(`2:${jobRuns}`);
    if (one === undefined || two === undefined) continue;
    lines.push(
      `  ${String(jobRuns).padStart(8)}   ${(one / 1000).toFixed(1).padStart(6)} s (${(one / local).toFixed(2)}×)   ${(two / 1000).toFixed(1).padStart(6)} s (${(two / local).toFixed(2)}×)    ${(one / two).toFixed(2)}×`,
    );
  }
  lines.push("  CPU seconds by process (of the fastest repetition):");
  for (const [name, cpu] of cpuOf) lines.push(`  ${name.padStart(8)}: ${cpuLine(cpu)}`);
  process.stderr.write(`${lines.join("\n")}\n`);
});
