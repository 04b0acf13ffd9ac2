import { availableParallelism } from "node:os";
import { LinkageError } from "../errors/LinkageError.js";
import { quantileSorted } from "../math/quantileSorted.js";
import { parameterValues } from "../scenario/parameterValues.js";
import type { Scenario } from "../scenario/Scenario.js";
import { type BatchParameters, batchParameters } from "./batchParameters.js";
import { BinnedQuantiles } from "./binnedQuantiles.js";
import type { ChunkEngine, ChunkSpan } from "./ChunkEngine.js";
import { compileSimulation } from "./compileSimulation.js";
import { localChunkEngine } from "./localChunkEngine.js";
import type { ChunkResult, ChunkTask } from "./runChunk.js";
import type {
  OutcomeSummary,
  PairedDifference,
  PolicySimulation,
  SimulationResult,
  WeeklyPoint,
} from "./SimulationResult.js";
import { applySenderCosts } from "./senderCosts.js";
import { sortedCopy } from "./sortedCopy.js";
import { weeklyChoiceProbabilities } from "./weeklyChoiceProbabilities.js";

export interface SimulateOptions {
  /** Policy ids to simulate. @default every policy of the scenario */
  readonly policies?: readonly string[];
  /** @default 1000 */
  readonly runs?: number;
  /** @default the scenario's `dynamics.weeks` */
  readonly weeks?: number;
  /** @default 1 */
  readonly seed?: number;
  /** Worker threads; 1 runs in the calling thread. Results do not depend on it. @default all cores */
  readonly threads?: number;
  /** Keep parameters at their values instead of drawing them from their priors. @default false */
  readonly fixed?: boolean;
  /** Parameter values replacing the defaults (id → value). */
  readonly overrides?: Readonly<Record<string, number>>;
  /** Also return every run's weekly series. @default false */
  readonly paths?: boolean;
  /**
   * Also simulate the unconditional baseline when it is not among `policies`, for
   * `leverageValue`; without it, `leverageValue` is left out unless the baseline is requested.
   * @default true
   */
  readonly leverage?: boolean;
  /** Also return every run's outcomes (`outcomeValues`), e.g. for quantiles other than the summary's. @default false */
  readonly outcomeValues?: boolean;
  /**
   * Where the chunks execute. Results do not depend on it.
   * @default this machine's worker threads (`threads` of them; in the calling thread for 1)
   */
  readonly engine?: ChunkEngine;
  /** Called after each chunk with (runs done, runs in all). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Runs per chunk: the unit of work and of merging; fixed, so results never depend on threads. */
export const CHUNK_RUNS = 250;

/** Runs per policy when none are asked for. */
export const DEFAULT_RUNS = 1000;
/**
 * Weekly quantiles (the fan charts) are estimated from the first this-many runs — a fixed,
 * seed-determined subsample, so the rank error of q05 is about ±0.5% — while weekly means and
 * every outcome summary use all runs. This keeps the serial merging work small.
 */
export const WEEKLY_QUANTILE_RUNS = 2000;

/**
 * Monte Carlo simulation of a scenario's weekly dynamics (MODEL.md §3) under each policy.
 *
 * Parameters are drawn from their priors by Latin hypercube (one design for the whole batch,
 * from the seed), or held at their values with `fixed`. Runs are cut into chunks of
 * {@link CHUNK_RUNS}; chunks run on an engine (`options.engine`: by default worker threads,
 * Piscina; or a job queue) and are merged in chunk order, and run i always uses the random
 * streams of index i, so the same seed gives byte-identical results on any number of threads or
 * workers. Outcomes are summarised exactly (mean, sd, quantiles 5–95%); weekly series stream
 * into sums (for means, all runs) and fixed-grid quantile estimators ({@link BinnedQuantiles}, the first {@link WEEKLY_QUANTILE_RUNS} runs).
 *
 * @throws {LinkageError} E_INPUT when the scenario has no dynamics, a policy id is unknown, or a
 *   count is not a positive integer
 */
export async function simulate(
  scenario: Scenario,
  options: SimulateOptions = {},
): Promise<SimulationResult> {
  const dynamics = scenario.dynamics;
  if (!dynamics) {
    throw new LinkageError(
      "E_INPUT",
      `${scenario.source}: the scenario has no dynamics section, so it cannot be simulated`,
    );
  }
  const runs = positiveInteger(options.runs ?? DEFAULT_RUNS, "--runs");
  const weeks = positiveInteger(options.weeks ?? dynamics.weeks, "--weeks");
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new LinkageError("E_INPUT", `--seed: expected a whole number ≥ 0, found ${seed}`);
  const threads = positiveInteger(options.threads ?? availableParallelism(), "--threads");
  const requested = options.policies ?? scenario.policies.map((p) => p.id);
  const policyIndices = requested.map((id) => {
    const index = scenario.policies.findIndex((p) => p.id === id);
    if (index < 0) {
      throw new LinkageError(
        "E_INPUT",
        `--policies ${id}: unknown policy "${id}"; the scenario's policies are ${scenario.policies.map((p) => p.id).join(", ")}`,
      );
    }
    return index;
  });
  // leverage is measured against the first unconditional policy, simulated even if not requested
  const baselineIndex = scenario.policies.findIndex((p) => p.kind === "unconditional");
  const simulated =
    (options.leverage ?? true) && baselineIndex >= 0 && !policyIndices.includes(baselineIndex)
      ? [...policyIndices, baselineIndex]
      : policyIndices;

  const fixed = options.fixed ?? false;
  const overrides = options.overrides ?? {};
  const { values } = parameterValues(scenario, overrides); // an unknown override is refused here
  // the batch's parameters (with fixed, one row, checked for an explosive fixed point at once)
  let draw: BatchParameters | null = fixed
    ? batchParameters(scenario, { overrides, runs, seed, fixed })
    : null;
  const drawn = () => (draw ??= batchParameters(scenario, { overrides, runs, seed, fixed }));
  // what this function itself reads of the draw: the redrawn count and sender-cost weights
  const needsDraw =
    dynamics.branchingRatio !== null ||
    dynamics.senderCosts.some((t) => t.weight.kind !== "constant");

  const nParams = scenario.parameters.length;
  const chunks: ChunkSpan[] = [];
  for (let first = 0; first < runs; first += CHUNK_RUNS) {
    chunks.push({
      firstRun: first,
      runs: Math.min(CHUNK_RUNS, runs - first),
      keepSeries: (options.paths ?? false) || first < WEEKLY_QUANTILE_RUNS,
    });
  }
  const task = (k: number): ChunkTask => {
    const { firstRun, runs: count, keepSeries } = chunks[k]!;
    const { parameters } = drawn();
    return {
      scenario,
      policies: simulated,
      weeks,
      seed,
      firstRun,
      runs: count,
      parameters: fixed
        ? parameters
        : parameters.slice(firstRun * nParams, (firstRun + count) * nParams),
      fixed,
      keepSeries,
    };
  };

  const compiled = compileSimulation(scenario);
  const aggregate = new Aggregate(
    simulated.length,
    compiled.outputNames.length + 1,
    compiled.seriesNames.length,
    weeks,
    runs,
    options.paths ?? false,
    scenario.target.types.length,
  );
  let done = 0;
  const accept = (result: ChunkResult) => {
    // drawn as the first result comes in, not before the engine starts: a queue's workers draw
    // for themselves, and are computing by now (the local engine drew for its first task)
    if (needsDraw) drawn();
    aggregate.add(result);
    done += result.runs;
    options.onProgress?.(done, runs);
  };
  const engine = options.engine ?? localChunkEngine(threads);
  await engine.run(
    { scenario, overrides, policies: simulated, weeks, seed, runs, fixed, chunks, task },
    accept,
  );

  const policies: Record<string, PolicySimulation> = {};
  const outputNames = [...compiled.outputNames, "sequentialRationality"];
  const senderUtility = outputNames.indexOf("senderUtility");
  const baselinePosition = simulated.indexOf(baselineIndex);
  // the human cost enters senderUtility before anything reads it (leverage, best-policy shares)
  const weightOf = (k: number, r: number) => {
    const weight = dynamics.senderCosts[k]!.weight;
    if (weight.kind === "constant") return weight.value;
    return drawn().parameters[(fixed ? 0 : r * nParams) + weight.index]!;
  };
  const costs = simulated.map((_, p) =>
    applySenderCosts(dynamics, (o) => aggregate.outputs(p, o), senderUtility, weightOf, weeks),
  );
  const columnsOf = (p: number) => [
    ...outputNames.map((name, o) => ({ name, values: aggregate.outputs(p, o) })),
    ...costs[p]!,
  ];
  policyIndices.forEach((policyIndex, p) => {
    const outcomes: Record<string, OutcomeSummary> = {};
    const columns = columnsOf(p);
    for (const { name, values } of columns) outcomes[name] = summarise(values);
    let versusBaseline: Record<string, PairedDifference> | undefined;
    if (baselinePosition >= 0 && baselinePosition !== p) {
      const base = columnsOf(baselinePosition);
      versusBaseline = Object.fromEntries(
        columns.map(({ name, values }, c) => [name, pairedDifference(values, base[c]!.values)]),
      );
    }
    if (senderUtility >= 0 && baselinePosition >= 0) {
      const mine = aggregate.outputs(p, senderUtility);
      const base = aggregate.outputs(baselinePosition, senderUtility);
      outcomes["leverageValue"] = summarise(runByRunDifference(mine, base));
    }
    const weekly: Record<string, WeeklyPoint[]> = {};
    compiled.seriesNames.forEach((name, k) => {
      weekly[name] = aggregate.weekly(p, k);
    });
    const policy = scenario.policies[policyIndex]!;
    policies[policy.id] = {
      label: policy.label,
      outcomes,
      weekly,
      target: weeklyChoiceProbabilities(scenario, values, policyIndex),
      ...(versusBaseline ? { versusBaseline } : {}),
      beliefByType: aggregate.beliefByType(
        p,
        scenario.target.types.map((t) => t.id),
      ),
    };
  });
  const bestPolicyShare: Record<string, number> = {};
  if (senderUtility >= 0) {
    const wins = new Float64Array(policyIndices.length);
    const columns = policyIndices.map((_, p) => aggregate.outputs(p, senderUtility));
    for (let r = 0; r < runs; r++) {
      let best = 0;
      for (let p = 1; p < columns.length; p++) if (columns[p]![r]! > columns[best]![r]!) best = p;
      wins[best]!++;
    }
    policyIndices.forEach((policyIndex, p) => {
      bestPolicyShare[scenario.policies[policyIndex]!.id] = wins[p]! / runs;
    });
  }
  const outcomeValues: Record<string, Record<string, number[]>> = {};
  if (options.outcomeValues) {
    policyIndices.forEach((policyIndex, p) => {
      outcomeValues[scenario.policies[policyIndex]!.id] = Object.fromEntries(
        compiled.outputNames.map((name, o) => [name, Array.from(aggregate.outputs(p, o))]),
      );
    });
  }
  const result: SimulationResult = {
    scenario: scenario.id,
    seed,
    runs,
    weeks,
    step: dynamics.step.unit,
    sampling: fixed ? "fixed" : "latin-hypercube",
    policies,
    ...(senderUtility >= 0 ? { bestPolicyShare } : {}),
    leverageBaseline: baselinePosition >= 0 ? scenario.policies[baselineIndex]!.id : null,
    ...(!fixed && dynamics.branchingRatio ? { redrawnRuns: drawn().redrawn } : {}),
    ...(options.outcomeValues ? { outcomeValues } : {}),
  };
  if (options.paths) {
    const paths: Record<string, Record<string, number[][]>> = {};
    policyIndices.forEach((policyIndex, p) => {
      paths[scenario.policies[policyIndex]!.id] = Object.fromEntries(
        compiled.seriesNames.map((name, k) => [name, aggregate.paths(p, k)]),
      );
    });
    return { ...result, paths };
  }
  return result;
}

function positiveInteger(value: number, flag: string): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new LinkageError("E_INPUT", `${flag}: expected a whole number ≥ 1, found ${value}`);
  return value;
}

/**
 * A policy's output minus the baseline's, run by run (common random numbers: run r has the same
 * parameter draw and random streams under every policy), summarised, with a 95% interval for the
 * mean difference (normal approximation: mean ± 1.96·sd/√n).
 */
export function pairedDifference(mine: Float64Array, base: Float64Array): PairedDifference {
  const summary = summarise(runByRunDifference(mine, base));
  const half = (1.959963984540054 * summary.sd) / Math.sqrt(Math.max(1, mine.length));
  return { ...summary, meanLow: summary.mean - half, meanHigh: summary.mean + half };
}

/**
 * Exact summary of one outcome over the runs: the mean (summed in ascending order), the sd, and
 * quantiles by linear interpolation (R's type 7).
 */
export function summarise(values: Float64Array): OutcomeSummary {
  const sorted = sortedCopy(values, sortBuffer(values.length)); // the mean is summed in this order
  const n = sorted.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += sorted[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i]! - mean) * (sorted[i]! - mean);
  const q = (p: number) => quantileSorted(sorted, p);
  return {
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    q05: q(0.05),
    q25: q(0.25),
    q50: q(0.5),
    q75: q(0.75),
    q95: q(0.95),
  };
}

/** Most values of the sorted copy summarise keeps between calls (8 MB); longer columns get their own. */
const KEPT_SORTED = 1 << 20;
let keptSorted: Float64Array = new Float64Array(0);

/** A buffer for summarise's sorted copy of `n` values: the same one for call after call (no garbage). */
function sortBuffer(n: number): Float64Array {
  if (keptSorted.length >= n) return keptSorted.subarray(0, n);
  const buffer = new Float64Array(n);
  if (n <= KEPT_SORTED) keptSorted = buffer;
  return buffer;
}

let keptDifference: Float64Array = new Float64Array(0);

/** mine[r] − base[r] for every run, in a buffer reused call after call (only summarise reads it). */
function runByRunDifference(mine: Float64Array, base: Float64Array): Float64Array {
  const n = mine.length;
  let difference: Float64Array;
  if (keptDifference.length >= n) difference = keptDifference.subarray(0, n);
  else {
    difference = new Float64Array(n);
    if (n <= KEPT_SORTED) keptDifference = difference;
  }
  for (let r = 0; r < n; r++) difference[r] = mine[r]! - base[r]!;
  return difference;
}

/** Merges chunk results in order: outcome columns kept exactly, weekly series streamed. */
class Aggregate {
  private readonly outcomeColumns: Float64Array;
  /** Weekly sums per cell (only means are reported weekly): each chunk's sum, added in chunk order. */
  private readonly sums: Float64Array;
  private readonly sketches: BinnedQuantiles[];
  private readonly pathStore: Float32Array | null;
  /** Σ μ_t per (policy, true type, week), and the number of runs of each true type. */
  private readonly beliefSums: Float64Array;
  private readonly typeCounts: Float64Array;

  constructor(
    private readonly policies: number,
    private readonly outputCount: number,
    private readonly seriesCount: number,
    private readonly weeks: number,
    private readonly runs: number,
    paths: boolean,
    private readonly types: number,
  ) {
    this.beliefSums = new Float64Array(policies * types * weeks);
    this.typeCounts = new Float64Array(types);
    this.outcomeColumns = new Float64Array(policies * outputCount * runs);
    const cells = policies * seriesCount * weeks;
    this.sums = new Float64Array(cells);
    this.sketches = Array.from({ length: cells }, () => new BinnedQuantiles());
    this.pathStore = paths ? new Float32Array(cells * runs) : null;
  }

  add(chunk: ChunkResult): void {
    const { runs, firstRun } = chunk;
    this.checkShape(chunk);
    for (let p = 0; p < this.policies; p++) {
      for (let o = 0; o < this.outputCount; o++) {
        const from = (p * this.outputCount + o) * runs;
        this.outcomeColumns.set(
          chunk.outputs.subarray(from, from + runs),
          (p * this.outputCount + o) * this.runs + firstRun,
        );
      }
    }
    for (let c = 0; c < this.beliefSums.length; c++) this.beliefSums[c]! += chunk.beliefSums[c]!;
    for (const type of chunk.types) this.typeCounts[type]!++;
    const cells = this.policies * this.seriesCount * this.weeks;
    const quantileRuns = Math.max(0, Math.min(runs, WEEKLY_QUANTILE_RUNS - firstRun));
    for (let c = 0; c < cells; c++) this.sums[c]! += chunk.seriesSums[c]!;
    const series = chunk.series;
    if (!series) return;
    for (let c = 0; c < cells; c++) {
      const block = series.subarray(c * runs, (c + 1) * runs);
      if (quantileRuns > 0) this.sketches[c]!.addBlock(block.subarray(0, quantileRuns));
      if (this.pathStore) this.pathStore.set(block, c * this.runs + firstRun);
    }
  }

  /**
   * Refuses a chunk result whose arrays do not have this batch's shape (a result read from a
   * queue is untrusted data: consistent in itself, it may still be another batch's size).
   */
  private checkShape(chunk: ChunkResult): void {
    const { runs, firstRun } = chunk;
    const cells = this.policies * this.seriesCount * this.weeks;
    const expected: [string, number, number][] = [
      ["run types", chunk.types.length, runs],
      ["outputs", chunk.outputs.length, this.policies * this.outputCount * runs],
      ["weekly sums", chunk.seriesSums.length, cells],
      ["belief sums", chunk.beliefSums.length, this.beliefSums.length],
    ];
    if (chunk.series) expected.push(["weekly series", chunk.series.length, cells * runs]);
    const where = `the chunk result of runs ${firstRun}+${runs}`;
    if (
      !(
        Number.isSafeInteger(firstRun) &&
        firstRun >= 0 &&
        runs >= 1 &&
        firstRun + runs <= this.runs
      )
    )
      throw new LinkageError("E_INPUT", `${where} lies outside the batch's ${this.runs} runs`);
    for (const [name, found, wanted] of expected) {
      if (found !== wanted)
        throw new LinkageError(
          "E_INPUT",
          `${where} has ${found} ${name}; this batch needs ${wanted}`,
        );
    }
    for (const type of chunk.types) {
      if (!(type >= 0 && type < this.types))
        throw new LinkageError(
          "E_INPUT",
          `${where} has a run of type ${type}; this batch has ${this.types} types`,
        );
    }
  }

  outputs(policy: number, output: number): Float64Array {
    const from = (policy * this.outputCount + output) * this.runs;
    return this.outcomeColumns.subarray(from, from + this.runs);
  }

  weekly(policy: number, series: number): WeeklyPoint[] {
    return Array.from({ length: this.weeks }, (_, t) => {
      const c = (policy * this.seriesCount + series) * this.weeks + t;
      const sketch = this.sketches[c]!;
      return {
        mean: this.sums[c]! / this.runs,
        q05: sketch.quantile(0.05),
        q50: sketch.quantile(0.5),
        q95: sketch.quantile(0.95),
      };
    });
  }

  /** Weekly mean μ_t among the runs of each true type (types with no run left out). */
  beliefByType(policy: number, typeIds: readonly string[]): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    typeIds.forEach((id, k) => {
      const count = this.typeCounts[k]!;
      if (count === 0) return;
      const at = (policy * this.types + k) * this.weeks;
      out[id] = Array.from({ length: this.weeks }, (_, t) => this.beliefSums[at + t]! / count);
    });
    return out;
  }

  paths(policy: number, series: number): number[][] {
    const store = this.pathStore!;
    return Array.from({ length: this.runs }, (_, r) =>
      Array.from(
        { length: this.weeks },
        (_, t) => store[((policy * this.seriesCount + series) * this.weeks + t) * this.runs + r]!,
      ),
    );
  }
}

export { closeSimulationPool } from "./simulationPool.js";
