import { constants } from "node:os";
import { LinkageError } from "../errors/LinkageError.js";
import type { CheckedRedisUrl } from "../queue/checkRedisUrl.js";
import type { QueueBatch } from "../queue/openQueueBatch.js";
import type { QueueBatchIdentity } from "../queue/QueueBatchIdentity.js";
import type { CliIo } from "./cliIo.js";
import { LINKAGE_VERSION } from "./linkageVersion.js";

/** The engine flags of `linkage simulate` and `linkage run`, as commander gives them. */
export interface EngineFlagOptions {
  readonly engine?: string;
  readonly redis?: string;
  readonly insecure?: boolean;
  readonly resume?: string;
}

/** Where a command's simulation chunks run, from its checked flags. */
export type EngineChoice =
  | { readonly kind: "local" }
  | {
      readonly kind: "bullmq";
      readonly redis: CheckedRedisUrl;
      readonly insecure: boolean;
      /** `--resume ID`: the unfinished queue batch to finish. */
      readonly resume?: string;
    };

/**
 * Checks `--engine local|bullmq`, `--redis URL`, `--insecure` and `--resume ID` together (before
 * any work): bullmq needs a Redis URL (checked by checkRedisUrl: a non-loopback host needs a
 * password or `--insecure`), and the local engine takes none of the others.
 * @throws {LinkageError} E_INPUT for an unknown engine or an inconsistent combination
 */
export async function engineFlags(options: EngineFlagOptions): Promise<EngineChoice> {
  const engine = options.engine ?? "local";
  if (engine !== "local" && engine !== "bullmq") {
    throw new LinkageError("E_INPUT", `--engine ${engine}: expected local or bullmq`);
  }
  if (engine === "local") {
    if (options.resume !== undefined) {
      throw new LinkageError(
        "E_INPUT",
        "--resume is for --engine bullmq: a batch of chunks on this machine stops with the command and has nothing to resume; add --engine bullmq --redis URL, as when the batch started",
      );
    }
    if (options.redis !== undefined || options.insecure) {
      throw new LinkageError(
        "E_INPUT",
        `${options.redis !== undefined ? "--redis" : "--insecure"} is for --engine bullmq; add --engine bullmq to run the chunks on linkage worker processes`,
      );
    }
    return { kind: "local" };
  }
  if (options.redis === undefined) {
    throw new LinkageError(
      "E_INPUT",
      "--engine bullmq needs --redis redis://HOST:PORT, the Redis that linkage worker processes serve",
    );
  }
  const { checkRedisUrl } = await import("../queue/checkRedisUrl.js");
  const { checkResumeId } = await import("../queue/queueBatchId.js");
  if (options.resume !== undefined) checkResumeId(options.resume);
  const insecure = options.insecure ?? false;
  return {
    kind: "bullmq",
    redis: checkRedisUrl(options.redis, { insecure }),
    insecure,
    ...(options.resume !== undefined ? { resume: options.resume } : {}),
  };
}

/**
 * The engine flags of a choice as they belong in a recorded command line (none for the local
 * engine); the Redis password is shown as `***`, and `--resume` is left out (the numbers do not
 * depend on it).
 * @example engineCommandFlags({ kind: "bullmq", redis: checkRedisUrl("redis://:pw@10.0.0.5:6379"), insecure: false })
 * // => ["--engine bullmq", "--redis redis://:***@10.0.0.5:6379"]
 */
export function engineCommandFlags(choice: EngineChoice): string[] {
  if (choice.kind === "local") return [];
  return [
    "--engine bullmq",
    `--redis ${choice.redis.display}`,
    ...(choice.insecure ? ["--insecure"] : []),
  ];
}

/** What a command's queue batch computes; {@link queueBatchFor} adds the linkage version. */
export type QueueBatchWork = Omit<QueueBatchIdentity, "version">;

/**
 * The queue batch of a choice (`undefined` for the local engine): Redis is checked reachable, a
 * new batch is recorded with `work` and this linkage's version, or the `--resume` batch checked against it, and its id
 * is told on stderr with how to resume. The queue's code (bullmq, ioredis) is loaded only when
 * it is chosen.
 * @throws {LinkageError} E_INPUT naming the URL when Redis cannot be reached; for a `--resume`
 *   batch Redis does not hold, or one started with other work
 */
export async function queueBatchFor(
  choice: EngineChoice,
  work: QueueBatchWork,
  io: CliIo,
): Promise<QueueBatch | undefined> {
  if (choice.kind === "local") return undefined;
  const identity: QueueBatchIdentity = { version: LINKAGE_VERSION, ...work };
  const { assertRedisReachable, openQueueBatch } = await import("../queue/index.js");
  await assertRedisReachable(choice.redis);
  const batch = await openQueueBatch({
    redis: choice.redis,
    identity,
    ...(choice.resume !== undefined ? { resume: choice.resume } : {}),
    notice: (line) => io.stderr(`linkage: note: ${line}\n`),
  });
  io.stderr(
    batch.resumed
      ? `linkage: resuming queue batch ${batch.id} on ${choice.redis.display}: chunks already done are not computed again\n`
      : `linkage: queue batch ${batch.id} on ${choice.redis.display}; if this command stops before the end, run it again with --resume ${batch.id} to keep the chunks already done\n`,
  );
  return signalGuardedBatch(batch, io);
}

/**
 * A queue batch that a SIGINT or SIGTERM releases (releaseOnSignal), and that lets its command
 * go no further once one has come: the command's next confirmCoordinator or finish never
 * returns, so nothing is written after "run the command again with --resume" was promised (the
 * run could otherwise finish and write its files in the few seconds the release may take).
 * `exit` and `signals` are process.exit and process but in tests.
 */
export function signalGuardedBatch(
  batch: QueueBatch,
  io: CliIo,
  exit: (code: number) => void = (code) => process.exit(code),
  signals: SignalSource = process,
): QueueBatch {
  const state = { stopping: false, finishing: false };
  const stopListening = releaseOnSignal(batch, io, state, exit, signals);
  /** The process is exiting (releaseOnSignal): the command waits here for it. */
  const halted = () => new Promise<never>(() => undefined);
  return {
    ...batch,
    async confirmCoordinator() {
      if (state.stopping) return halted();
      await batch.confirmCoordinator();
      if (state.stopping) return halted();
    },
    async finish() {
      if (state.stopping) return halted();
      state.finishing = true;
      try {
        await batch.finish();
      } finally {
        stopListening();
      }
    },
    async release() {
      stopListening();
      await batch.release();
    },
  };
}

/** Where SIGINT and SIGTERM come from: the process, or an emitter in tests. */
export interface SignalSource {
  once(event: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  off(event: "SIGINT" | "SIGTERM", listener: () => void): unknown;
}

/** Longest wait for Redis when releasing a lease on Ctrl-C or SIGTERM (it expires by itself anyway). */
const SIGNAL_RELEASE_MS = 3000;

/**
 * Until the returned function is called: on SIGINT (Ctrl-C) or SIGTERM, releases the batch's
 * coordinator lease (compare-and-delete; at most SIGNAL_RELEASE_MS), says how to resume, and
 * exits with 128 + the signal's number, so `--resume` can start at once instead of waiting for
 * the lease to expire; `state.stopping` is set at once (signalGuardedBatch stops the command),
 * and a signal during `finish` (the files are written) says so instead of offering --resume. A
 * second signal while releasing, of either kind, ends the process at once (both handlers are
 * removed at the first, so Node's default takes over).
 */
function releaseOnSignal(
  batch: QueueBatch,
  io: CliIo,
  state: { stopping: boolean; finishing: boolean },
  exit: (code: number) => void,
  signals: SignalSource,
): () => void {
  const stop = (signal: NodeJS.Signals) => {
    // before anything else: a second signal must not release again (the lease's release is
    // one-shot, so a second one would return at once and say "free" too early)
    stopListening();
    state.stopping = true;
    const released = Promise.race([
      batch.release(),
      new Promise((resolve) => setTimeout(resolve, SIGNAL_RELEASE_MS).unref()),
    ]);
    void released.finally(() => {
      // a progress bar hides the cursor until it stops, and this exit does not stop it
      if (process.stderr.isTTY) process.stderr.write("\u001b[?25h\n");
      io.stderr(
        state.finishing
          ? `linkage: stopped by ${signal} after its files were written, while queue batch ${batch.id} was finishing (what it keeps in Redis expires after a day)\n`
          : `linkage: stopped by ${signal}; queue batch ${batch.id} is free: run the command again with --resume ${batch.id} to keep the chunks already done\n`,
      );
      exit(128 + (constants.signals[signal] ?? 0));
    });
  };
  const onInterrupt = () => stop("SIGINT");
  const onTerminate = () => stop("SIGTERM");
  const stopListening = () => {
    signals.off("SIGINT", onInterrupt);
    signals.off("SIGTERM", onTerminate);
  };
  signals.once("SIGINT", onInterrupt);
  signals.once("SIGTERM", onTerminate);
  return stopListening;
}
