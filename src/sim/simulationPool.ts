import { Piscina } from "piscina";

let pool: { threads: number; pool: Piscina } | null = null;

/** The shared worker-thread pool of the local engine (created on first use, resized when the thread count changes). */
export function simulationPool(threads: number): Piscina {
  if (pool && pool.threads === threads) return pool.pool;
  void pool?.pool.destroy();
  const fromSource = import.meta.url.endsWith(".ts");
  const filename = new URL(
    fromSource ? "./simulationWorker.ts" : "./simulationWorker.js",
    import.meta.url,
  ).href;
  const created = new Piscina({
    filename,
    minThreads: threads,
    maxThreads: threads,
    ...(fromSource ? { execArgv: ["--import", "tsx"] } : {}),
  });
  pool = { threads, pool: created };
  return created;
}

/** Stops the worker threads (call before exiting; the next simulation starts new ones). */
export async function closeSimulationPool(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.pool.destroy();
}
