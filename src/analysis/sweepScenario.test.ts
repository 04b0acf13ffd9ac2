import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { loadScenario } from "../scenario/loadScenario.js";
import type { ChunkEngine } from "../sim/ChunkEngine.js";
import { runChunk } from "../sim/runChunk.js";
import { closeSimulationPool } from "../sim/simulate.js";
import { sweepPoints } from "./sweepPoints.js";
import { type SweepPointRecord, type SweepPointStore, sweepScenario } from "./sweepScenario.js";

const flagship = loadScenario(
  fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url)),
);
afterAll(closeSimulationPool);

const points = sweepPoints(flagship, {
  kind: "grid",
  vary: [{ id: "sigma_sub", lo: 0, hi: 0.4, n: 5 }],
});

/**
 * An engine that runs each chunk in this thread after a pause (a worker elsewhere) that is longer
 * for earlier points (sigma_sub = point / 10), so later points finish first; it counts the batches
 * it holds at once. The batch of point `failAt` fails; `stop`, when given, ends a pause early.
 */
function slowEngine(failAt?: number, pauseMs = (point: number) => 50 * (5 - point)) {
  let open = 0;
  const seen = { most: 0, batches: 0, stopped: 0 };
  const engineFor = (stop?: AbortSignal): ChunkEngine => ({
    async run(batch, accept) {
      open++;
      seen.batches++;
      seen.most = Math.max(seen.most, open);
      try {
        const point = Math.round(batch.overrides["sigma_sub"]! * 10);
        await new Promise<void>((resolve, reject) => {
          const stopped = () => {
            clearTimeout(timer);
            seen.stopped++;
            reject(stop!.reason);
          };
          const timer = setTimeout(() => {
            stop?.removeEventListener("abort", stopped);
            resolve();
          }, pauseMs(point));
          stop?.addEventListener("abort", stopped, { once: true });
        });
        if (point === failAt) throw new LinkageError("E_INPUT", "the queue went away");
        for (let k = 0; k < batch.chunks.length; k++) accept(runChunk(batch.task(k)));
      } finally {
        open--;
      }
    },
  });
  return { engine: engineFor(), engineFor, seen };
}

function memoryStore(): SweepPointStore & { readonly kept: Map<number, SweepPointRecord> } {
  const kept = new Map<number, SweepPointRecord>();
  return {
    kept,
    get: async (k) => kept.get(k),
    put: async (k, record) => {
      kept.set(k, structuredClone(record));
    },
  };
}

describe("sweepScenario: points in flight", () => {
  const options = { runs: 120, seed: 4 };

  it("several points at once give the same result as one after another, in point order", async () => {
    const one = await sweepScenario(flagship, points, { ...options, threads: 1 });
    const slow = slowEngine();
    const progress: number[] = [];
    const three = await sweepScenario(flagship, points, {
      ...options,
      engine: slow.engine,
      pointsInFlight: 3,
      onProgress: (done) => progress.push(done),
    });
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    expect(three.points.map((p) => p.values[0])).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    // the engine really held three points' batches at once, and no more
    expect(slow.seen.most).toBe(3);
    expect(slow.seen.batches).toBe(5);
    // progress counts finished points up to all of them, never backwards
    expect(progress.at(-1)).toBe(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("an engine per point is asked for each simulated point's own engine", async () => {
    const asked: number[] = [];
    const slow = slowEngine();
    const perPoint = await sweepScenario(flagship, points, {
      ...options,
      engine: (k, stop) => {
        asked.push(k);
        return slow.engineFor(stop);
      },
      pointsInFlight: 2,
    });
    expect(asked).toEqual([0, 1, 2, 3, 4]);
    const one = await sweepScenario(flagship, points, { ...options, threads: 1 });
    expect(JSON.stringify(perPoint)).toBe(JSON.stringify(one));
  });

  it("keeps each point as it finishes and simulates only the missing ones on a resume", async () => {
    const store = memoryStore();
    const first = await sweepScenario(flagship, points, {
      ...options,
      engine: slowEngine().engine,
      pointsInFlight: 2,
      pointStore: store,
    });
    expect([...store.kept.keys()].sort()).toEqual([0, 1, 2, 3, 4]);
    store.kept.delete(1);
    store.kept.delete(3);
    const again = slowEngine();
    const resumed = await sweepScenario(flagship, points, {
      ...options,
      engine: again.engine,
      pointsInFlight: 4,
      pointStore: store,
    });
    expect(again.seen.batches).toBe(2);
    expect(JSON.stringify(resumed)).toBe(JSON.stringify(first));
  });

  it("a failing point fails the sweep with its error at once, stopping the points in flight; no later point starts", async () => {
    // point 0 would take 5 s; point 1 fails after 20 ms
    const slow = slowEngine(1, (point) => (point === 0 ? 5000 : 20));
    const store = memoryStore();
    const started = performance.now();
    await expect(
      sweepScenario(flagship, points, {
        ...options,
        engine: (_, stop) => slow.engineFor(stop),
        pointsInFlight: 2,
        pointStore: store,
      }),
    ).rejects.toThrow("the queue went away");
    expect(performance.now() - started).toBeLessThan(2500);
    expect(slow.seen.stopped).toBe(1); // point 0, stopped
    expect(slow.seen.batches).toBe(2); // no point after them started
    expect(store.kept.size).toBe(0);
  });

  it("on an engine that cannot be stopped, the points in flight finish before the failure is told", async () => {
    // point 0 takes 600 ms, point 1 fails after 20 ms: point 0 is still in flight then
    const slow = slowEngine(1, (point) => (point === 0 ? 600 : 20));
    const store = memoryStore();
    await expect(
      sweepScenario(flagship, points, {
        ...options,
        engine: slow.engine,
        pointsInFlight: 2,
        pointStore: store,
      }),
    ).rejects.toThrow("the queue went away");
    // points 0 and 1 started together; 1 failed first, 0 was kept, and no point followed
    expect(slow.seen.batches).toBe(2);
    expect([...store.kept.keys()]).toEqual([0]);
  });

  it("refuses points in flight that are not a whole number ≥ 1", async () => {
    for (const bad of [0, 1.5, Number.NaN]) {
      await expect(
        sweepScenario(flagship, points, { ...options, pointsInFlight: bad }),
      ).rejects.toThrow(/pointsInFlight .*: expected a whole number of points, at least 1/);
    }
  });
});
