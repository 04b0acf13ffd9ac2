/**
 * `linkage` commands and workers as child processes of a test (from the TypeScript source, under
 * tsx), each in its own process group so that a worker's sandboxed chunk processes go with it;
 * every process started here is stopped by {@link stopLinkageProcesses} (call it in afterEach).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A child process of the test with everything it printed (stdout and stderr, interleaved). */
export interface LinkageProcess {
  readonly child: ChildProcess;
  /** Settles with the exit code (null when killed by a signal) once the process has exited. */
  readonly exited: Promise<number | null>;
  log(): string;
}

const started: LinkageProcess[] = [];

/** Runs `linkage ARGS` from the TypeScript source in a process group of its own. */
export function spawnLinkage(args: readonly string[]): LinkageProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout!.on("data", (d: Buffer) => (text += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const spawned = { child, exited, log: () => text };
  started.push(spawned);
  return spawned;
}

/** Starts `linkage worker --redis URL --lock-duration MS` and waits until it serves the queue. */
export async function startLinkageWorker(url: string, lockMs: number): Promise<LinkageProcess> {
  const worker = spawnLinkage(["worker", "--redis", url, "--lock-duration", `${lockMs}`]);
  await until(
    () => worker.log().includes("serving queue"),
    20_000,
    () => `worker did not start: ${worker.log()}`,
  );
  return worker;
}

/** Sends `signal` to a process's whole group (a worker with its sandboxed chunk processes). */
export function killGroup(spawned: LinkageProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-spawned.child.pid!, signal);
  } catch {
    // already gone
  }
}

/** True while any process of the group is alive. */
export function groupAlive(spawned: LinkageProcess): boolean {
  try {
    process.kill(-spawned.child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops every process started here (SIGTERM to its group, SIGKILL 5 s later) and waits for each. */
export async function stopLinkageProcesses(): Promise<void> {
  await Promise.all(
    started.splice(0).map(async (spawned) => {
      if (spawned.child.exitCode !== null || spawned.child.signalCode !== null) return;
      killGroup(spawned, "SIGTERM");
      const timeout = setTimeout(() => killGroup(spawned, "SIGKILL"), 5000);
      await spawned.exited;
      clearTimeout(timeout);
    }),
  );
}

/** Polls `ready` every 100 ms until it holds; throws `why()` after `ms`. */
export async function until(
  ready: () => boolean | Promise<boolean>,
  ms: number,
  why: () => string,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(why());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
