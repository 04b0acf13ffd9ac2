import { LinkageError } from "../errors/LinkageError.js";
import { randomStream } from "../math/randomStream.js";
import { compileLeverageGame } from "../scenario/compileLeverageGame.js";
import type { Scenario } from "../scenario/Scenario.js";
import { type CompiledSimulation, compileSimulation } from "./compileSimulation.js";
import { describeSimulationFailure } from "./describeSimulationFailure.js";
import { buildPolicyRunModel, type PolicyRunModel } from "./policyRunModel.js";
import { dynamicsStreamIndex, typeStreamIndex } from "./runStreams.js";
import { type FollowThroughStakes, type RunBuffers, simulateRun } from "./simulateRun.js";
import { streamExpressionRandom } from "./streamExpressionRandom.js";

/** A block of consecutive runs, the unit of work given to a thread. */
export interface ChunkTask {
  readonly scenario: Scenario;
  /** Indices into `scenario.policies` of the policies to simulate. */
  readonly policies: readonly number[];
  readonly weeks: number;
  readonly seed: number;
  /** Global index of the first run; run i always uses the random streams of index i. */
  readonly firstRun: number;
  readonly runs: number;
  /** Parameter values, `runs × parameters` row-major; with `fixed`, one row shared by every run. */
  readonly parameters: Float64Array;
  readonly fixed: boolean;
  /**
   * Return every run's weekly series (for weekly quantiles and --paths); otherwise only their
   * per-cell sums, which is all the weekly means need, and far less to send between threads.
   */
  readonly keepSeries: boolean;
}

/** What a chunk returns; merged in chunk order, so results do not depend on the thread count. */
export interface ChunkResult {
  readonly firstRun: number;
  readonly runs: number;
  /** The drawn type of each run. */
  readonly types: Int32Array;
  /** Outputs at `(policy·(outputs + 1) + output)·runs + run`; the extra last output is the sequential-rationality share. */
  readonly outputs: Float64Array;
  /** Per cell `(policy·series + k)·weeks + week`, the sum of the weekly series over the chunk's runs, in run order. */
  readonly seriesSums: Float64Array;
  /** With `keepSeries`: the weekly series at `((policy·series + k)·weeks + week)·runs + run`. */
  readonly series: Float32Array | null;
  /** Per cell `(policy·types + true type)·weeks + week`, the sum of μ_t over the chunk's runs of that type. */
  readonly beliefSums: Float64Array;
}

const compiledCache = new Map<string, CompiledSimulation>();

/**
 * The compiled dynamics of a scenario, reused across the chunks a thread runs: recompiling per
 * chunk would make V8 optimise fresh generated functions every time. Keyed by the scenario's
 * content (its dynamics, parameters, types and demands), not by object identity, because each
 * task arrives as a structured clone.
 */
function compiledFor(scenario: Scenario): CompiledSimulation {
  const key = JSON.stringify([
    scenario.id,
    scenario.dynamics,
    scenario.parameters.map((p) => p.id),
    scenario.target.types.map((t) => t.id),
    scenario.demands.map((d) => d.id),
  ]);
  let compiled = compiledCache.get(key);
  if (!compiled) {
    if (compiledCache.size > 16) compiledCache.clear();
    compiled = compileSimulation(scenario);
    compiledCache.set(key, compiled);
  }
  return compiled;
}

/**
 * Simulates every policy for a block of runs. Run i draws its type from stream (seed, 2i) and
 * runs each policy's weeks on a fresh copy of stream (seed, 2i + 1): common random numbers,
 * so policies are compared on the same luck.
 */
export function runChunk(task: ChunkTask): ChunkResult {
  const { scenario, policies, weeks, seed, firstRun, runs, parameters, fixed, keepSeries } = task;
  const compiled = compiledFor(scenario);
  const nParams = scenario.parameters.length;
  const nOutputs = compiled.outputNames.length + 1;
  const nSeries = compiled.seriesNames.length;
  const P = policies.length;
  const outputs = new Float64Array(P * nOutputs * runs);
  const seriesSums = new Float64Array(P * nSeries * weeks);
  const series = keepSeries ? new Float32Array(P * nSeries * weeks * runs) : null;
  const types = new Int32Array(runs);
  const v = new Float64Array(compiled.size);
  const T = scenario.target.types.length;
  const beliefSums = new Float64Array(P * T * weeks);
  const buffers: RunBuffers = {
    outputs: new Float64Array(nOutputs - 1),
    series: new Float32Array(nSeries * weeks),
    belief: new Float64Array(weeks),
    sequentialRationality: 0,
  };
  let cached: {
    models: PolicyRunModel[];
    stakes: FollowThroughStakes;
    prior: Float64Array;
  } | null = null;

  // where the work is, so that a bad number can be reported with its run, policy and week
  let failedRun = 0;
  let failedPolicy = 0;
  try {
    for (let i = 0; i < runs; i++) {
      failedRun = i;
      const row = fixed
        ? parameters.subarray(0, nParams)
        : parameters.subarray(i * nParams, (i + 1) * nParams);
      if (!cached || !fixed) {
        const game = compileLeverageGame(scenario, row);
        const escalation = game.policies.find((p) => p.escalation)?.escalation ?? null;
        cached = {
          models: policies.map((p) => buildPolicyRunModel(scenario, row, p)),
          stakes: {
            supportNet: game.supportNet,
            supportPenalty: game.supportPenalty,
            reputation: game.reputation,
            escalationGain: escalation
              ? Float64Array.from(
                  escalation.benefit,
                  (b) => b - escalation.costToSender - escalation.sideEffects,
                )
              : null,
          },
          prior: game.typePrior,
        };
      }
      const run = firstRun + i;
      const u = randomStream(seed, typeStreamIndex(run)).next();
      let type = 0;
      let acc = cached.prior[0]!;
      while (type < cached.prior.length - 1 && u >= acc) acc += cached.prior[++type]!;
      types[i] = type;
      for (let k = 0; k < nParams; k++) v[compiled.parameterSlots[k]!] = row[k]!;
      for (let p = 0; p < P; p++) {
        failedPolicy = p;
        const rng = randomStream(seed, dynamicsStreamIndex(run));
        simulateRun(
          compiled,
          v,
          cached.models[p]!,
          type,
          cached.prior,
          cached.stakes,
          weeks,
          rng,
          streamExpressionRandom(rng),
          buffers,
        );
        for (let o = 0; o < nOutputs - 1; o++)
          outputs[(p * nOutputs + o) * runs + i] = buffers.outputs[o]!;
        outputs[(p * nOutputs + nOutputs - 1) * runs + i] = buffers.sequentialRationality;
        const beliefAt = (p * T + type) * weeks;
        for (let t = 0; t < weeks; t++) beliefSums[beliefAt + t]! += buffers.belief[t]!;
        for (let k = 0; k < nSeries; k++) {
          for (let t = 0; t < weeks; t++) {
            const cell = (p * nSeries + k) * weeks + t;
            const value = buffers.series[k * weeks + t]!;
            seriesSums[cell]! += value;
            if (series) series[cell * runs + i] = value;
          }
        }
        // parameters may not be overwritten by the dynamics, but restore them to be safe
        for (let k = 0; k < nParams; k++) v[compiled.parameterSlots[k]!] = row[k]!;
      }
    }
  } catch (error) {
    if (!(error instanceof LinkageError) || error.code !== "E_DOMAIN" || !cached) throw error;
    const row = fixed
      ? parameters.subarray(0, nParams)
      : parameters.subarray(failedRun * nParams, (failedRun + 1) * nParams);
    throw describeSimulationFailure({
      scenario,
      row,
      model: cached.models[failedPolicy]!,
      policyIndex: policies[failedPolicy]!,
      type: types[failedRun]!,
      prior: cached.prior,
      stakes: cached.stakes,
      weeks,
      seed,
      run: firstRun + failedRun,
      error,
    });
  }
  return { firstRun, runs, types, outputs, seriesSums, series, beliefSums };
}
