import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { QueueBatch } from "../queue/openQueueBatch.js";
import { engineCommandFlags, engineFlags, signalGuardedBatch } from "./engineFlags.js";

describe("the engine flags in a recorded command line", () => {
  it("none for the local engine", async () => {
    expect(engineCommandFlags(await engineFlags({}))).toEqual([]);
    expect(engineCommandFlags(await engineFlags({ engine: "local" }))).toEqual([]);
  });

  it("the engine and the Redis, its password never shown; --insecure kept, --resume left out", async () => {
    const choice = await engineFlags({
      engine: "bullmq",
      redis: "redis://:secret@10.0.0.5:6379",
      resume: "0f1e2d3c",
    });
    expect(engineCommandFlags(choice)).toEqual([
      "--engine bullmq",
      "--redis redis://:***@10.0.0.5:6379",
    ]);
    expect(JSON.stringify(choice.kind === "bullmq" ? choice.redis.display : "")).not.toContain(
      "secret",
    );
    const open = await engineFlags({ engine: "bullmq", redis: "redis://10.0.0.5", insecure: true });
    expect(engineCommandFlags(open)).toEqual([
      "--engine bullmq",
      "--redis redis://10.0.0.5",
      "--insecure",
    ]);
  });
});

/** A queue batch that records its calls; its lease's release takes `releaseMs`. */
function fakeBatch(releaseMs: number) {
  const calls: string[] = [];
  const batch: QueueBatch = {
    id: "b1",
    resumed: false,
    engineFor: () => {
      throw new Error("not used");
    },
    pointStore: () => {
      throw new Error("not used");
    },
    confirmCoordinator: async () => {
      calls.push("confirm");
    },
    finish: async () => {
      calls.push("finish");
    },
    release: async () => {
      calls.push("release");
      await new Promise((resolve) => setTimeout(resolve, releaseMs));
    },
  };
  return { batch, calls };
}

/** Resolves `true` when the promise settles within `ms`, `false` when it is still pending. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);
}

/** A batch guarded with a test emitter for its signals, recording exit codes and stderr. */
function guard(batch: QueueBatch) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  const stderr: string[] = [];
  const guarded = signalGuardedBatch(
    batch,
    { stdout: () => undefined, stderr: (t) => stderr.push(t) },
    (code) => exits.push(code),
    signals,
  );
  return { guarded, signals, exits, stderr };
}

describe("a queue batch stopped by a signal", () => {
  it("lets the command write nothing once a signal came: confirmCoordinator and finish never return", async () => {
    const { batch, calls } = fakeBatch(50);
    const { guarded, signals, exits, stderr } = guard(batch);
    await guarded.confirmCoordinator(); // before the signal: goes through
    signals.emit("SIGINT");
    // the run finishing during the release must not reach its files or remove the batch
    expect(await settlesWithin(guarded.confirmCoordinator(), 200)).toBe(false);
    expect(await settlesWithin(guarded.finish(), 200)).toBe(false);
    expect(calls).toEqual(["confirm", "release"]);
    expect(exits).toEqual([130]);
    expect(stderr.join("")).toMatch(/stopped by SIGINT; queue batch b1 is free: .*--resume b1/);
  });

  it("says the files are written, not --resume, for a signal while the batch finishes", async () => {
    const { batch } = fakeBatch(10);
    const slowFinish: QueueBatch = {
      ...batch,
      finish: () => new Promise((resolve) => setTimeout(resolve, 100)),
    };
    const { guarded, signals, exits, stderr } = guard(slowFinish);
    const finishing = guarded.finish();
    signals.emit("SIGTERM");
    await finishing;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(exits).toEqual([143]);
    expect(stderr.join("")).toMatch(/stopped by SIGTERM after its files were written/);
    expect(stderr.join("")).not.toMatch(/--resume/);
  });

  it("stops listening once the batch finished or was released", async () => {
    const { guarded, signals } = guard(fakeBatch(0).batch);
    expect(signals.listenerCount("SIGINT")).toBe(1);
    await guarded.finish();
    expect(signals.listenerCount("SIGINT")).toBe(0);
    expect(signals.listenerCount("SIGTERM")).toBe(0);
  });
});
