import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { runCommandLine } from "../analysis/runCommandLine.js";
import type { RunRegistry } from "../store/runRegistry.js";
import { INTERNAL_MESSAGE } from "./apiErrorAnswer.js";
import { RunProgressMeter } from "./RunProgressMeter.js";
import type { RunJob, RunWorkerMessage } from "./RunWorkerMessage.js";
import { runSummary } from "./runSummary.js";
import type { RunEvent, RunProgress } from "./workbenchApi.js";

/** What a new run is given by the API (the manager adds threads, version and command line). */
export type RunInput = Pick<
  RunJob,
  "text" | "source" | "overrides" | "seed" | "runs" | "scenarioHash"
>;

/** How a {@link RunManager} runs: its registry, version, concurrency, threads and log. */
export interface RunManagerOptions {
  readonly registry: RunRegistry;
  /** Linkage's version, recorded in each run's results. */
  readonly version: string;
  /** Runs executed at once; the others wait, `running` at the stage "queued". @default 1 */
  readonly concurrency?: number;
  /** Worker threads of each run's simulation. @default all cores but one (at least 1) */
  readonly threads?: number;
  /** Where faults are logged (never sent to a client). @default stderr */
  readonly log?: (text: string) => void;
}

/** Hears an active run's events; `null` is its end when its row no longer exists (deleted meanwhile). */
export type RunListener = (event: RunEvent | null) => void;

/** A run waiting or executing. */
interface ActiveRun {
  readonly id: string;
  readonly job: RunJob;
  readonly meter: RunProgressMeter;
  readonly listeners: Set<RunListener>;
  progress: RunProgress;
  worker: Worker | null;
}

/** The worker's module: compiled JavaScript next to this file, or its TypeScript source under tsx (tests). */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(FROM_SOURCE ? "./runWorker.ts" : "./runWorker.js", import.meta.url);

/**
 * From source, the worker first registers tsx's loader, then imports its TypeScript module
 * (Node 20 does not apply `--import tsx` in a worker's execArgv to the worker's own module).
 */
const TSX_BOOTSTRAP = `import(${JSON.stringify(FROM_SOURCE ? import.meta.resolve("tsx/esm/api") : "")}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;

/** The progress of a run waiting for a free slot. */
const QUEUED: RunProgress = { stage: "queued", fraction: 0 };

/**
 * Executes the workbench's runs: each in its own worker thread (`runWorker`: `runScenario`, the
 * function `linkage run` uses), so the HTTP server never waits on a simulation, and cancelling is
 * terminating the thread. At most `concurrency` runs execute at once; the rest wait in order.
 * Each run's progress (stage words and a fraction of the whole run) is kept in memory for
 * `GET /api/runs/:id` and pushed to its listeners (the server-sent events); the outcome is
 * written to the registry (results with status `done` in one transaction, or `failed`,
 * `cancelled`), then a final `status` event goes out and the listeners are dropped.
 */
export class RunManager {
  readonly version: string;
  private readonly registry: RunRegistry;
  private readonly concurrency: number;
  private readonly threads: number;
  private readonly log: (text: string) => void;
  private readonly active = new Map<string, ActiveRun>();
  private readonly queue: ActiveRun[] = [];
  private executing = 0;
  private closed = false;

  constructor(options: RunManagerOptions) {
    this.registry = options.registry;
    this.version = options.version;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.threads = Math.max(1, options.threads ?? availableParallelism() - 1);
    this.log = options.log ?? ((text) => process.stderr.write(`${text}\n`));
  }

  /** Starts (or queues) the run `id`, already recorded as `running` in the registry. */
  start(id: string, input: RunInput): void {
    if (this.closed) throw new Error("the run manager is closed");
    const job: RunJob = {
      ...input,
      threads: this.threads,
      version: this.version,
      command: runCommandLine(
        input.source,
        input.runs,
        input.seed,
        Object.entries(input.overrides).map(([id, value]) => `${id}=${value}`),
      ),
    };
    const run: ActiveRun = {
      id,
      job,
      meter: new RunProgressMeter(input.runs),
      listeners: new Set(),
      progress: QUEUED,
      worker: null,
    };
    this.active.set(id, run);
    this.queue.push(run);
    this.pump();
  }

  /** How many runs wait for a free slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Whether the run `id` is waiting or executing here. */
  isActive(id: string): boolean {
    return this.active.has(id);
  }

  /** The last progress of an active run, or null. */
  progress(id: string): RunProgress | null {
    return this.active.get(id)?.progress ?? null;
  }

  /**
   * Listens to an active run's events until it ends (its `status` event is the last); returns
   * the function that stops listening, or undefined when the run is not active.
   */
  subscribe(id: string, listener: RunListener): (() => void) | undefined {
    const run = this.active.get(id);
    if (!run) return undefined;
    run.listeners.add(listener);
    return () => run.listeners.delete(listener);
  }

  /** Cancels an active run (terminating its worker); returns whether it was active. */
  cancel(id: string): boolean {
    const run = this.active.get(id);
    if (!run) return false;
    this.end(run, () => this.registry.cancel(id));
    return true;
  }

  /** Stops every run (terminating the workers) and marks them `interrupted` in the registry. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.active.values()].flatMap((run) => (run.worker ? [run.worker] : []));
    this.queue.length = 0;
    this.active.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
    this.registry.markInterrupted();
  }

  /** Launches queued runs while slots are free. */
  private pump(): void {
    while (this.executing < this.concurrency && this.queue.length > 0) {
      this.launch(this.queue.shift()!);
    }
  }

  private launch(run: ActiveRun): void {
    this.executing++;
    let worker: Worker;
    try {
      this.registry.markStarted(run.id);
      worker = FROM_SOURCE
        ? new Worker(TSX_BOOTSTRAP, { eval: true, workerData: run.job })
        : new Worker(WORKER_URL, { workerData: run.job });
    } catch (error) {
      // a busy registry or a worker that cannot start fails this run, never the server
      this.log(`linkage serve: run ${run.id}: could not start: ${String(error)}`);
      this.end(run, () => this.registry.fail(run.id, INTERNAL_MESSAGE));
      return;
    }
    run.worker = worker;
    this.setProgress(run, { stage: "starting", fraction: 0 });
    worker.on("message", (message: RunWorkerMessage) => this.onMessage(run, message));
    worker.on("error", (error) => {
      this.log(`linkage serve: run ${run.id}: worker error: ${error.stack ?? error.message}`);
      this.end(run, () => this.registry.fail(run.id, INTERNAL_MESSAGE));
    });
    worker.on("exit", (code) => {
      // a worker that ends before posting its outcome (out of memory, a crash) fails its run
      this.end(run, () =>
        this.registry.fail(run.id, `the run stopped unexpectedly (worker exit code ${code})`),
      );
    });
  }

  private onMessage(run: ActiveRun, message: RunWorkerMessage): void {
    if (this.active.get(run.id) !== run) return; // cancelled meanwhile
    switch (message.type) {
      case "stage":
        this.setProgress(run, run.meter.enterStage(message.stage));
        return;
      case "within":
        this.setProgress(run, run.meter.advance(message.done, message.total));
        return;
      case "done":
        this.end(run, () =>
          this.registry.complete(run.id, message.resultsJson, {
            recommendedPolicy: message.recommendedPolicy,
            headline: message.headline,
          }),
        );
        return;
      case "failed":
        if (message.internal) this.log(`linkage serve: run ${run.id}: ${message.message}`);
        this.end(run, () =>
          this.registry.fail(run.id, message.internal ? INTERNAL_MESSAGE : message.message),
        );
        return;
    }
  }

  private setProgress(run: ActiveRun, progress: RunProgress): void {
    // the simulation reports every chunk: only a visible change is sent
    if (progress.stage === run.progress.stage && progress.fraction === run.progress.fraction)
      return;
    run.progress = progress;
    for (const listener of run.listeners) listener({ type: "progress", progress });
  }

  /**
   * Ends an active run once: records its outcome, frees its slot (terminating its worker if it
   * still runs), sends the final `status` event and starts the next queued run.
   */
  private end(run: ActiveRun, record: () => unknown): void {
    if (this.active.get(run.id) !== run) return;
    this.active.delete(run.id);
    const queued = this.queue.indexOf(run);
    if (queued >= 0) this.queue.splice(queued, 1);
    else this.executing--;
    try {
      record();
    } catch (error) {
      this.log(`linkage serve: run ${run.id}: could not record its outcome: ${String(error)}`);
      try {
        this.registry.fail(run.id, INTERNAL_MESSAGE);
      } catch {
        // the registry is unusable; the run stays `running` and becomes `interrupted` at the next start
      }
    }
    // a finished worker exits by itself; a cancelled or failed one is stopped here
    void run.worker?.terminate();
    let stored: ReturnType<RunRegistry["get"]>;
    try {
      stored = this.registry.get(run.id);
    } catch {
      stored = undefined;
    }
    // every listener hears the end: the final summary, or null when the row is gone (deleted)
    const event: RunEvent | null = stored
      ? { type: "status", run: runSummary(stored, null) }
      : null;
    for (const listener of run.listeners) listener(event);
    run.listeners.clear();
    if (!this.closed) this.pump();
  }
}
