import { LinkageError } from "../errors/LinkageError.js";
import type { Scenario } from "../scenario/Scenario.js";
import type { ChunkEngine } from "../sim/ChunkEngine.js";
import { DEFAULT_RUNS, simulate } from "../sim/simulate.js";
import type { SweepPointSet } from "./sweepPoints.js";

/** One output of one policy at one point: mean and the 5%, 50% and 95% quantiles over the runs. */
export interface SweepOutcome {
  readonly mean: number;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
}

/** One policy at one point of a sweep. */
export interface SweepPolicyResult {
  /** Every simulated outcome but `leverageValue` (which is `leverage`). */
  readonly outcomes: Readonly<Record<string, SweepOutcome>>;
  /**
   * The policy's leverage value: its senderUtility minus the baseline's (`leverageBaseline`), run
   * by run, summarised; 0 for the baseline itself, null when the scenario has no baseline.
   */
  readonly leverage: SweepOutcome | null;
  /** Share of runs in which it gave the sender the highest senderUtility (ties to the first); null without senderUtility. */
  readonly bestShare: number | null;
}

/** One point of a sweep: its values and what every policy did there. */
export interface SweepPointResult {
  /** The varied parameters' values, in the order of `SweepResult.ids`. */
  readonly values: readonly number[];
  /** The policy with the highest mean senderUtility at this point (ties to the first), as `linkage run` recommends. */
  readonly best: string;
  /** The best policy's mean leverage value (null without a baseline). */
  readonly leverage: number | null;
  readonly policies: Readonly<Record<string, SweepPolicyResult>>;
}

/** What `sweepScenario` returns: `sweep.json`'s data. */
export interface SweepResult {
  readonly scenario: string;
  readonly design: "grid" | "lhs";
  /** The parameters each point sets, in column order. */
  readonly ids: readonly string[];
  /** Grid only: the number of values along each parameter of `ids` (the last fastest); [] for a Latin hypercube. */
  readonly shape: readonly number[];
  /** Parameters held at a value at every point (`--set`). */
  readonly held: Readonly<Record<string, number>>;
  readonly seed: number;
  /** Runs per point and policy. */
  readonly runs: number;
  readonly weeks: number;
  /** Policy ids, in scenario order. */
  readonly policies: readonly string[];
  /** Output names, in column order (every simulated outcome but `leverageValue`). */
  readonly outputs: readonly string[];
  /** The baseline of the leverage value (the first unconditional policy), or null. */
  readonly leverageBaseline: string | null;
  /** Latin hypercube only: points redrawn because their attack process was explosive. */
  readonly redrawnPoints: number;
  readonly points: readonly SweepPointResult[];
}

/** A finished point as a {@link SweepPointStore} keeps it: the point and what the sweep reads from its simulation. */
export interface SweepPointRecord {
  readonly point: SweepPointResult;
  readonly weeks: number;
  readonly leverageBaseline: string | null;
}

/**
 * Where a sweep keeps its finished points so that a resumed sweep (the queue engine's
 * `--resume`) does not simulate them again; the records must come back exactly as put.
 */
export interface SweepPointStore {
  /** The record of point k (0-based) kept by an earlier run of the same sweep, if any. */
  get(k: number): Promise<SweepPointRecord | undefined>;
  /** Keeps point k's record. */
  put(k: number, record: SweepPointRecord): Promise<void>;
}

/** Options of {@link sweepScenario}. */
export interface SweepOptions {
  /** Runs per point and policy. @default 1000 */
  readonly runs?: number;
  /** The seed of every point's simulation (the same at each: common random numbers). @default 1 */
  readonly seed?: number;
  /** Worker threads; results never depend on it. @default all cores */
  readonly threads?: number;
  /**
   * Where each point's chunks run (simulate's `engine`), or the engine of each point k (0-based),
   * for a queue batch that keeps each point's chunk results apart; such an engine should stop
   * when `stop` is aborted (another point failed, so the sweep ends without waiting for it).
   * Results never depend on the engine.
   * @default this machine's worker threads
   */
  readonly engine?: ChunkEngine | ((point: number, stop: AbortSignal) => ChunkEngine);
  /** Parameters held at every point besides the point's own (`--set`). @default none */
  readonly held?: Readonly<Record<string, number>>;
  /** Keeps each finished point, and gives back those an interrupted run finished. @default none */
  readonly pointStore?: SweepPointStore;
  /**
   * Points simulated at once. One suits this machine's worker pool, which a point's chunks already
   * fill; a queue engine needs several, or a point of one job leaves every other worker idle.
   * Results never depend on it. @default 1
   */
  readonly pointsInFlight?: number;
  /** Called before the first point, after each chunk of runs and after each point with (points done, points, runs per second so far). */
  readonly onProgress?: (pointsDone: number, points: number, runsPerSecond: number) => void;
}

/**
 * Runs a parameter sweep: at each point, the weekly simulation (`simulate`) of every policy with
 * the point's values (and `held`) as overrides — held, not drawn — and the other parameters drawn
 * from their priors, `runs` runs with the same seed at every point. So every point sees the same
 * Latin-hypercube draws of the other parameters and the same random streams (common random
 * numbers): differences between points come from the varied values, not from sampling noise.
 * Points run one after another, each on simulate's worker pool, or `pointsInFlight` at a time
 * (for a queue engine); results never depend on threads, engine or points in flight.
 *
 * @throws {LinkageError} what `simulate` throws (no dynamics, a bad count, an explosive process);
 *   E_DOMAIN when `pointsInFlight` is not a whole number ≥ 1
 * @example (await sweepScenario(flagship, points, { runs: 50 })).points[0].best // => "KE"
 */
export async function sweepScenario(
  scenario: Scenario,
  points: SweepPointSet,
  {
    runs = DEFAULT_RUNS,
    seed = 1,
    threads,
    engine,
    held = {},
    pointStore,
    pointsInFlight = 1,
    onProgress,
  }: SweepOptions = {},
): Promise<SweepResult> {
  if (!Number.isInteger(pointsInFlight) || pointsInFlight < 1) {
    throw new LinkageError(
      "E_DOMAIN",
      `pointsInFlight ${pointsInFlight}: expected a whole number of points, at least 1`,
    );
  }
  const started = performance.now();
  const count = points.points.length;
  /** Each point's result and what its simulation said of the weeks and the baseline, by index. */
  const records: (SweepPointRecord | undefined)[] = new Array(count);
  let finished = 0;
  let simulated = 0; // points simulated by this call (not given back by the point store)
  /** Runs done so far by the points being simulated, by index. */
  const running = new Map<number, number>();
  const rate = () => {
    let runsDone = simulated * runs;
    for (const done of running.values()) runsDone += done;
    return runsDone / ((performance.now() - started) / 1000);
  };

  const simulatePoint = async (k: number): Promise<SweepPointRecord> => {
    const recorded = await pointStore?.get(k);
    if (recorded) return recorded;
    const overrides: Record<string, number> = Object.create(null);
    Object.assign(overrides, held);
    points.ids.forEach((id, i) => {
      overrides[id] = points.points[k]![i]!;
    });
    running.set(k, 0);
    const sim = await simulate(scenario, {
      runs,
      seed,
      overrides,
      ...(threads !== undefined ? { threads } : {}),
      ...(engine ? { engine: typeof engine === "function" ? engine(k, stop.signal) : engine } : {}),
      // within a long point too: the rate (and so the time left) keeps moving
      onProgress: (done, total) => {
        running.set(k, done);
        if (done < total) onProgress?.(finished, count, rate());
      },
    });
    const policies: Record<string, SweepPolicyResult> = {};
    for (const [id, policy] of Object.entries(sim.policies)) {
      const outcomes: Record<string, SweepOutcome> = {};
      for (const [name, o] of Object.entries(policy.outcomes)) {
        if (name !== "leverageValue") outcomes[name] = pick(o);
      }
      const lev = policy.outcomes["leverageValue"];
      policies[id] = {
        outcomes,
        leverage: lev ? pick(lev) : null,
        bestShare: sim.bestPolicyShare?.[id] ?? null,
      };
    }
    const best = bestOf(policies);
    const point: SweepPointResult = {
      values: [...points.points[k]!],
      best,
      leverage: policies[best]?.leverage?.mean ?? null,
      policies,
    };
    const record = { point, weeks: sim.weeks, leverageBaseline: sim.leverageBaseline };
    await pointStore?.put(k, record);
    running.delete(k);
    simulated++;
    return record;
  };

  // `pointsInFlight` lanes take the next point in order until none is left or one fails; the
  // points are put back in their order whichever lane finished them. The first failure stops the
  // points in flight on engines that listen to `stop` (the others finish theirs)
  let next = 0;
  const stop = new AbortController();
  let failure: { readonly error: unknown } | undefined;
  const lane = async () => {
    while (!stop.signal.aborted && next < count) {
      const k = next++;
      try {
        records[k] = await simulatePoint(k);
      } catch (error) {
        failure ??= { error };
        stop.abort(error);
        return;
      }
      finished++;
      onProgress?.(finished, count, simulated > 0 ? rate() : 0);
    }
  };
  onProgress?.(0, count, 0);
  await Promise.all(Array.from({ length: Math.min(pointsInFlight, count) }, lane));
  // the first failure, not the stops it caused in the other points
  if (failure) throw failure.error;
  const results = records.map((r) => r!.point);
  const last = records[count - 1];
  const weeks = last?.weeks ?? 0;
  const baseline = last?.leverageBaseline ?? null;
  const outputs = Object.keys(Object.values(results[0]?.policies ?? {})[0]?.outcomes ?? {});
  return {
    scenario: scenario.id,
    design: points.kind,
    ids: points.ids,
    shape: points.shape,
    held: { ...held },
    seed,
    runs,
    weeks,
    policies: scenario.policies.map((p) => p.id),
    outputs,
    leverageBaseline: baseline,
    redrawnPoints: points.redrawn,
    points: results,
  };
}

function pick(o: SweepOutcome): SweepOutcome {
  return { mean: o.mean, q05: o.q05, q50: o.q50, q95: o.q95 };
}

/** The policy with the highest mean senderUtility, ties to the first listed. */
function bestOf(policies: Readonly<Record<string, SweepPolicyResult>>): string {
  const ids = Object.keys(policies);
  const utility = (id: string) =>
    policies[id]!.outcomes["senderUtility"]?.mean ?? Number.NEGATIVE_INFINITY;
  return ids.reduce((best, id) => (utility(id) > utility(best) ? id : best), ids[0]!);
}
