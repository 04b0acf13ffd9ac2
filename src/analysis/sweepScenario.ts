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
  /** Where each point's chunks run (simulate's `engine`); results never depend on it. @default this machine's worker threads */
  readonly engine?: ChunkEngine;
  /** Parameters held at every point besides the point's own (`--set`). @default none */
  readonly held?: Readonly<Record<string, number>>;
  /** Keeps each finished point, and gives back those an interrupted run finished. @default none */
  readonly pointStore?: SweepPointStore;
  /** Called before the first point, after each chunk of runs and after each point with (points done, points, runs per second so far). */
  readonly onProgress?: (pointsDone: number, points: number, runsPerSecond: number) => void;
}

/**
 * Runs a parameter sweep: at each point, the weekly simulation (`simulate`) of every policy with
 * the point's values (and `held`) as overrides — held, not drawn — and the other parameters drawn
 * from their priors, `runs` runs with the same seed at every point. So every point sees the same
 * Latin-hypercube draws of the other parameters and the same random streams (common random
 * numbers): differences between points come from the varied values, not from sampling noise.
 * Points run one after another, each on simulate's worker pool; results never depend on threads.
 *
 * @throws {LinkageError} what `simulate` throws (no dynamics, a bad count, an explosive process)
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
    onProgress,
  }: SweepOptions = {},
): Promise<SweepResult> {
  const started = performance.now();
  const results: SweepPointResult[] = [];
  let outputs: string[] = [];
  let weeks = 0;
  let baseline: string | null = null;
  let simulated = 0; // points simulated by this call (not given back by the point store)
  onProgress?.(0, points.points.length, 0);
  for (const [k, values] of points.points.entries()) {
    const recorded = await pointStore?.get(k);
    if (recorded) {
      weeks = recorded.weeks;
      baseline = recorded.leverageBaseline;
      if (results.length === 0) {
        outputs = Object.keys(Object.values(recorded.point.policies)[0]?.outcomes ?? {});
      }
      results.push(recorded.point);
      onProgress?.(results.length, points.points.length, 0);
      continue;
    }
    const overrides: Record<string, number> = Object.create(null);
    Object.assign(overrides, held);
    points.ids.forEach((id, k) => {
      overrides[id] = values[k]!;
    });
    const rate = (runsDone: number) => runsDone / ((performance.now() - started) / 1000);
    const sim = await simulate(scenario, {
      runs,
      seed,
      overrides,
      ...(threads !== undefined ? { threads } : {}),
      ...(engine ? { engine } : {}),
      // within a long point too: the rate (and so the time left) keeps moving
      onProgress: (done, total) => {
        if (done < total)
          onProgress?.(results.length, points.points.length, rate(simulated * runs + done));
      },
    });
    weeks = sim.weeks;
    baseline = sim.leverageBaseline;
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
    if (results.length === 0) outputs = Object.keys(Object.values(policies)[0]?.outcomes ?? {});
    const best = bestOf(policies);
    const point: SweepPointResult = {
      values: [...values],
      best,
      leverage: policies[best]?.leverage?.mean ?? null,
      policies,
    };
    results.push(point);
    await pointStore?.put(k, { point, weeks, leverageBaseline: baseline });
    simulated++;
    onProgress?.(results.length, points.points.length, rate(simulated * runs));
  }
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
