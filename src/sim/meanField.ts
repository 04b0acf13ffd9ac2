import { LinkageError } from "../errors/LinkageError.js";
import { compileLeverageGame } from "../scenario/compileLeverageGame.js";
import { parameterValues } from "../scenario/parameterValues.js";
import type { Scenario } from "../scenario/Scenario.js";
import { type CompiledSimulation, compileSimulation } from "./compileSimulation.js";
import { expectedValueRandom } from "./expectedValueRandom.js";
import { buildPolicyRunModel } from "./policyRunModel.js";
import type {
  OutcomeSummary,
  PolicySimulation,
  SimulationResult,
  WeeklyPoint,
} from "./SimulationResult.js";
import { weeklyChoiceProbabilities } from "./weeklyChoiceProbabilities.js";

export interface MeanFieldOptions {
  readonly policies?: readonly string[];
  readonly weeks?: number;
  readonly overrides?: Readonly<Record<string, number>>;
}

/**
 * The deterministic mean-field version of the weekly simulation: instead of sampling, it
 * propagates the distribution of the automaton's state exactly and the dynamics at expected
 * values — each week the target's choices and the signal enter as probabilities, every draw as
 * its mean (see expectedValueRandom), and conditions that are probabilities mix their branches.
 * Types are run separately and averaged with their prior weights. Parameters stay at their values.
 *
 * Exact for dynamics that are linear in the random quantities; otherwise an approximation that
 * ignores Jensen gaps (E f(X) ≠ f(E X)). The sender's belief `mu` is held at the prior.
 * Summaries have sd 0 and quantiles equal to the mean.
 */
export function meanField(scenario: Scenario, options: MeanFieldOptions = {}): SimulationResult {
  const dynamics = scenario.dynamics;
  if (!dynamics)
    throw new LinkageError("E_INPUT", `${scenario.source}: the scenario has no dynamics section`);
  const weeks = options.weeks ?? dynamics.weeks;
  const { values } = parameterValues(scenario, options.overrides);
  const compiled = compileSimulation(scenario, { meanField: true });
  const ids = options.policies ?? scenario.policies.map((p) => p.id);
  const baseline = scenario.policies.findIndex((p) => p.kind === "unconditional");
  const senderIndex = compiled.outputNames.indexOf("senderUtility");

  const base =
    baseline >= 0 && senderIndex >= 0
      ? meanFieldPolicy(scenario, compiled, values, baseline, weeks).outputs[senderIndex]!
      : null;
  const policies: Record<string, PolicySimulation> = {};
  for (const id of ids) {
    const policyIndex = scenario.policies.findIndex((p) => p.id === id);
    if (policyIndex < 0) {
      throw new LinkageError(
        "E_INPUT",
        `--policies ${id}: unknown policy "${id}"; the scenario's policies are ${scenario.policies.map((p) => p.id).join(", ")}`,
      );
    }
    const { outputs, series } = meanFieldPolicy(scenario, compiled, values, policyIndex, weeks);
    const outcomes: Record<string, OutcomeSummary> = {};
    compiled.outputNames.forEach((name, o) => {
      outcomes[name] = point(outputs[o]!);
    });
    if (base !== null) outcomes["leverageValue"] = point(outputs[senderIndex]! - base);
    const weekly: Record<string, WeeklyPoint[]> = {};
    compiled.seriesNames.forEach((name, k) => {
      weekly[name] = Array.from({ length: weeks }, (_, t) => {
        const mean = series[k * weeks + t]!;
        return { mean, q05: mean, q50: mean, q95: mean };
      });
    });
    const policy = scenario.policies[policyIndex]!;
    policies[id] = {
      label: policy.label,
      outcomes,
      weekly,
      target: weeklyChoiceProbabilities(scenario, values, policyIndex),
    };
  }
  return {
    scenario: scenario.id,
    seed: 0,
    runs: 1,
    weeks,
    sampling: "mean-field",
    policies,
    leverageBaseline: baseline >= 0 ? scenario.policies[baseline]!.id : null,
  };
}

function point(x: number): OutcomeSummary {
  return { mean: x, sd: 0, q05: x, q25: x, q50: x, q75: x, q95: x };
}

/** Outputs (in `compiled.outputNames` order) and weekly series (`series·weeks + week`) of one policy. */
export interface MeanFieldPolicy {
  readonly outputs: Float64Array;
  readonly series: Float64Array;
}

/**
 * The mean-field run of one policy for given parameter values, on dynamics compiled with
 * `compileSimulation(scenario, { meanField: true })` (compile once, call many times: this is
 * what sensitivity analyses evaluate).
 */
export function meanFieldPolicy(
  scenario: Scenario,
  compiled: CompiledSimulation,
  values: ArrayLike<number>,
  policyIndex: number,
  weeks: number,
): MeanFieldPolicy {
  const prior = compileLeverageGame(scenario, values).typePrior;
  const nDemands = scenario.demands.length;

  const model = buildPolicyRunModel(scenario, values, policyIndex);
  const { automaton, states: M, actions: A, choice, pViolation } = model;
  const outputs = new Float64Array(compiled.outputNames.length);
  const series = new Float64Array(compiled.seriesNames.length * weeks);
  for (let type = 0; type < prior.length; type++) {
    const weight = prior[type]!;
    if (weight === 0) continue;
    const v = new Float64Array(compiled.size);
    compiled.parameterSlots.forEach((slot, k) => {
      v[slot] = values[k]!;
    });
    compiled.typeSlots.forEach((slot, k) => {
      v[slot] = k === type ? 1 : 0;
    });
    compiled.initial(v, expectedValueRandom);
    let p = new Float64Array(M);
    p[automaton.start] = 1;
    const mine = new Float64Array(compiled.outputNames.length);
    for (let o = 0; o < mine.length; o++)
      if (compiled.outputAggregates[o] === "max") mine[o] = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < weeks; t++) {
      let s = 0;
      let x = 0;
      const q = new Float64Array(A);
      for (let m = 0; m < M; m++) {
        s += p[m]! * automaton.support[m]!;
        x += p[m]! * automaton.escalation[m]!;
        for (let a = 0; a < A; a++) q[a]! += p[m]! * choice[(type * M + m) * A + a]!;
      }
      v[compiled.t] = t;
      v[compiled.s] = s;
      v[compiled.x] = x;
      v[compiled.mu] = prior[0]!;
      let violation = 0;
      for (let a = 0; a < A; a++) violation += q[a]! * pViolation[a]!;
      v[compiled.violation] = violation;
      for (let j = 0; j < nDemands; j++) {
        let e = 0;
        for (let a = 0; a < A; a++) if (((a >>> j) & 1) === 1) e += q[a]!;
        v[compiled.demandSlots[j]!] = e;
      }
      compiled.week(v, expectedValueRandom);
      compiled.outputSlots.forEach((slot, o) => {
        const aggregate = compiled.outputAggregates[o];
        if (aggregate === "sum" || aggregate === "mean") mine[o]! += v[slot]!;
        else if (aggregate === "max") mine[o] = Math.max(mine[o]!, v[slot]!);
      });
      compiled.seriesSlots.forEach((slot, k) => {
        series[k * weeks + t]! += weight * v[slot]!;
      });
      compiled.next(v, expectedValueRandom);
      compiled.stateSlots.forEach((slot, k) => {
        v[slot] = v[compiled.nextSlots[k]!]!;
      });
      // the automaton's state distribution moves exactly
      const next = new Float64Array(M);
      for (let m = 0; m < M; m++) {
        if (p[m] === 0) continue;
        let pv = 0;
        for (let a = 0; a < A; a++) pv += choice[(type * M + m) * A + a]! * pViolation[a]!;
        for (let m2 = 0; m2 < M; m2++) {
          next[m2]! +=
            p[m]! *
            ((1 - pv) * automaton.transition[m * 2 * M + m2]! +
              pv * automaton.transition[(m * 2 + 1) * M + m2]!);
        }
      }
      p = next;
    }
    compiled.final(v, expectedValueRandom);
    compiled.outputSlots.forEach((slot, o) => {
      const aggregate = compiled.outputAggregates[o];
      if (aggregate === "mean") mine[o]! /= weeks;
      else if (aggregate === "final") mine[o] = v[slot]!;
      outputs[o]! += weight * mine[o]!;
    });
  }
  return { outputs, series };
}
