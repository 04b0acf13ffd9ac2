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
 * An engine that runs each chunk in this thread after a pause (a worker elsewhere), counting the
 * batches it holds at once; `failAt` makes the batch of that point's override value fail.
 */
function slowEngine(failAt?: number) {
  let open = 0;
  const seen = { most: 0, batches: 0 };
  const engine: ChunkEngine = {
    async run(batch, accept) {
      open++;
      seen.batches++;
      seen.most = Math.max(seen.most, open);
      try {
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (batch.overrides["sigma_sub"] === failAt) {
          throw new LinkageError("E_INPUT", "the queue went away");
        }
        for (const task of batch.tasks) accept(runChunk(task));
      } finally {
        open--;
      }
    },
  };
  return { engine, seen };
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
    expect(three.points.map((p) => p.values[0])).toEqual([0, 0.1, 0.2, 0.30000000000000004, 0.4]);
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
      engine: (k) => {
        asked.push(k);
        return slow.engine;
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

  it("a failing point fails the sweep with its error, after the points in flight end; no later point starts", async () => {
    const slow = slowEngine(0.1);
    const store = memoryStore();
    await expect(
      sweepScenario(flagship, points, {
        ...options,
        engine: slow.engine,
        pointsInFlight: 2,
        pointStore: store,
      }),
    ).rejects.toThrow("the queue went away");
    // points 0 and 1 started together; 1 failed, so at most point 2 (taken when 0 ended) followed
    expect(slow.seen.batches).toBeLessThanOrEqual(3);
    expect(store.kept.has(1)).toBe(false);
    expect(store.kept.has(0)).toBe(true);
  });

  it("refuses points in flight that are not a whole number ≥ 1", async () => {
    for (const bad of [0, 1.5, Number.NaN]) {
      await expect(
        sweepScenario(flagship, points, { ...options, pointsInFlight: bad }),
      ).rejects.toThrow(/pointsInFlight .*: expected a whole number of points, at least 1/);
    }
  });
});
