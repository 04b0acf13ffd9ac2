import { LinkageError } from "../errors/LinkageError.js";
import { compileLeverageGame } from "../scenario/compileLeverageGame.js";
import { parameterValues } from "../scenario/parameterValues.js";
import { quantityValue } from "../scenario/quantityValue.js";
import type { Scenario } from "../scenario/Scenario.js";
import { assertStableProcess } from "./branchingRatio.js";
import { type CompiledSimulation, compileSimulation } from "./compileSimulation.js";
import { expectedValueRandom } from "./expectedValueRandom.js";
import { meanFieldRefusals } from "./meanFieldRefusals.js";
import { backlogLevel, buildPolicyRunModel, paidShare, writeChoiceRow } from "./policyRunModel.js";
import type {
  OutcomeSummary,
  PolicySimulation,
  SimulationResult,
  WeeklyPoint,
} from "./SimulationResult.js";
import { applySenderCosts } from "./senderCosts.js";
import { weeklyChoiceProbabilities } from "./weeklyChoiceProbabilities.js";

export interface MeanFieldOptions {
  readonly policies?: readonly string[];
  readonly weeks?: number;
  readonly overrides?: Readonly<Record<string, number>>;
}

/**
 * The deterministic mean-field version of the weekly simulation (docs/model.md, "Mean field").
 * Instead of one mean path it propagates, for each target type, the exact distribution over
 * cells (automaton state m, weeks i the backlog was conceded) and, in each cell, the conditional mean of the
 * continuous state: each week every cell's target choice a (with its probability from the
 * plan, at the cell's pressure) is applied to the cell's mean state, with every draw at its
 * mean (expectedValueRandom) and the signal as its probability; the resulting next states are
 * pooled into the destination cells with their probabilities. Whatever the automaton state
 * and the backlog decide (support, escalation, which demands are conceded, and thresholds of
 * them, such as weeks of escalation) is therefore exact; what remains approximate is the
 * nonlinearity of the continuous state within a cell (Jensen gaps in the attack rate) and the
 * backlog is exact too: a cell counts the weeks the target has conceded it, which with the week
 * fixes the stock.
 *
 * Outputs the mean field cannot approximate are refused, listed in `notAvailable` with the
 * reason ({@link meanFieldRefusals}): maxima over weeks, thresholds of anything a cell does
 * not fix, and the sender's belief μ (and the sequential rationality judged on it). Types are
 * run separately and weighted by their prior. Parameters stay at their values. Summaries have
 * sd 0 and quantiles equal to the mean.
 * @throws {LinkageError} E_INPUT when the scenario has no dynamics, a policy id is unknown, or
 *   the attack process is explosive at the parameter values
 */
export function meanField(scenario: Scenario, options: MeanFieldOptions = {}): SimulationResult {
  const dynamics = scenario.dynamics;
  if (!dynamics)
    throw new LinkageError("E_INPUT", `${scenario.source}: the scenario has no dynamics section`);
  const weeks = options.weeks ?? dynamics.weeks;
  const { values } = parameterValues(scenario, options.overrides);
  assertStableProcess(scenario, values, "the parameter values (--mean-field)");
  const compiled = compileSimulation(scenario, { meanField: true });
  const ids = options.policies ?? scenario.policies.map((p) => p.id);
  const baseline = scenario.policies.findIndex((p) => p.kind === "unconditional");
  const senderIndex = compiled.outputNames.indexOf("senderUtility");
  const refused = meanFieldRefusals(scenario);

  // the human cost (dynamics.senderCosts) at fixed weights: E[w·F] = w·E[F]
  const policyOutputs = (policyIndex: number) => {
    const result = meanFieldPolicy(scenario, compiled, values, policyIndex, weeks);
    const costs = applySenderCosts(
      dynamics,
      (o) => result.outputs.subarray(o, o + 1),
      senderIndex,
      (k) => quantityValue(dynamics.senderCosts[k]!.weight, values),
      weeks,
    );
    return { ...result, costs };
  };
  const base =
    baseline >= 0 && senderIndex >= 0 ? policyOutputs(baseline).outputs[senderIndex]! : null;
  const policies: Record<string, PolicySimulation> = {};
  for (const id of ids) {
    const policyIndex = scenario.policies.findIndex((p) => p.id === id);
    if (policyIndex < 0) {
      throw new LinkageError(
        "E_INPUT",
        `--policies ${id}: unknown policy "${id}"; the scenario's policies are ${scenario.policies.map((p) => p.id).join(", ")}`,
      );
    }
    const { outputs, series, costs } = policyOutputs(policyIndex);
    const outcomes: Record<string, OutcomeSummary> = {};
    compiled.outputNames.forEach((name, o) => {
      if (!(name in refused)) outcomes[name] = point(outputs[o]!);
    });
    for (const cost of costs) outcomes[cost.name] = point(cost.values[0]!);
    if (base !== null && !("senderUtility" in refused))
      outcomes["leverageValue"] = point(outputs[senderIndex]! - base);
    const weekly: Record<string, WeeklyPoint[]> = {};
    compiled.seriesNames.forEach((name, k) => {
      if (`series ${name}` in refused) return;
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
      notAvailable: refused,
    };
  }
  return {
    scenario: scenario.id,
    seed: 0,
    runs: 1,
    weeks,
    step: dynamics.step.unit,
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
 * Cells, and choices within a cell, with less probability than this are dropped: what they
 * carry is below 1e-9 of any output (at most a few hundred cells a week), far inside the mean
 * field's own approximation.
 */
const NEGLIGIBLE_MASS = 1e-12;

/**
 * The mean-field run of one policy for given parameter values, on dynamics compiled with
 * `compileSimulation(scenario, { meanField: true })` (compile once, call many times: this is
 * what sensitivity analyses evaluate). Every output and series is computed, the refused ones
 * included (see {@link meanFieldRefusals}); callers decide what to show.
 */
export function meanFieldPolicy(
  scenario: Scenario,
  compiled: CompiledSimulation,
  values: ArrayLike<number>,
  policyIndex: number,
  weeks: number,
): MeanFieldPolicy {
  const split = compiled.split;
  if (!split) throw new Error("meanFieldPolicy needs dynamics compiled with { meanField: true }");
  const prior = compileLeverageGame(scenario, values).typePrior;
  const nDemands = scenario.demands.length;
  const model = buildPolicyRunModel(scenario, values, policyIndex);
  const { automaton, states: M, actions: A, backlog, observableMask, watchedMask } = model;
  const nOut = compiled.outputNames.length;
  const nSeries = compiled.seriesNames.length;
  const nState = compiled.stateSlots.length;
  const size = compiled.size;
  const outputs = new Float64Array(nOut);
  const series = new Float64Array(nSeries * weeks);
  const usesViolation = split.readsViolation;
  const liveMask = (1 << nDemands) - 1;
  // With a backlog, a cell's second index is the number i of weeks the target has conceded it
  // so far: while the stock lasts every week is a concession or not, so at week t its stock is
  // exactly B0 − i·cap − (t − i)·leak. Index `weeks + 1` holds the empty stock.
  const L = backlog ? weeks + 2 : 1;
  const EMPTY = weeks + 1;
  const cells = M * L;
  const row = new Float64Array(A);
  const work = new Float64Array(size);
  // the pooled state of a cell: the state variables (the backlog's stock follows from the cell)
  const pooled = compiled.stateSlots;
  const K = pooled.length;
  const sumOutputs = compiled.outputAggregates.map((a) => a === "sum" || a === "mean");

  for (let type = 0; type < prior.length; type++) {
    const weight = prior[type]!;
    if (weight === 0) continue;
    const base = new Float64Array(size);
    compiled.parameterSlots.forEach((slot, k) => {
      base[slot] = values[k]!;
    });
    compiled.typeSlots.forEach((slot, k) => {
      base[slot] = k === type ? 1 : 0;
    });
    compiled.initial(base, expectedValueRandom);
    if (backlog) base[compiled.backlog] = backlog.initial;
    base[compiled.pressure] = 1;
    // per cell: its probability, and the conditional mean of its pooled state
    let mass = new Float64Array(cells);
    let mean = new Float64Array(cells * K);
    const first = automaton.start * L + (backlog && !(backlog.initial > 0) ? EMPTY : 0);
    mass[first] = 1;
    for (let k = 0; k < K; k++) mean[first * K + k] = base[pooled[k]!]!;
    const mine = new Float64Array(nOut);
    const x = new Float64Array(size);
    for (let t = 0; t < weeks; t++) {
      const nextMass = new Float64Array(cells);
      const nextSum = new Float64Array(cells * K);
      for (let c = 0; c < cells; c++) {
        const pc = mass[c]!;
        if (pc < NEGLIGIBLE_MASS) continue;
        const m = Math.floor(c / L);
        const n = c - m * L;
        x.set(base);
        for (let k = 0; k < K; k++) x[pooled[k]!] = mean[c * K + k]!;
        x[compiled.t] = t;
        x[compiled.s] = automaton.support[m]!;
        x[compiled.x] = automaton.escalation[m]!;
        x[compiled.mu] = prior[0]!;
        const live = backlog !== null && n !== EMPTY;
        const stock = live
          ? backlog.initial - n * backlog.conceded - (t - n) * backlog.otherwise
          : 0;
        if (backlog) x[compiled.backlog] = stock;
        let pressure = 1;
        if (compiled.pressureStep) {
          compiled.pressureStep(x, expectedValueRandom);
          pressure = x[compiled.pressure]!;
        }
        writeChoiceRow(model, type, pressure, live ? backlogLevel(model, stock) : 0, m, row, 0);
        // what does not depend on the choice, once per cell
        split.weekShared(x, expectedValueRandom);
        split.nextShared(x, expectedValueRandom);
        const liveDemands =
          backlog !== null && !live ? liveMask & ~(1 << backlog.demand) : liveMask;
        for (let a = 0; a < A; a++) {
          const pa = row[a]!;
          if (pa < NEGLIGIBLE_MASS) continue;
          const unmet = ~a & observableMask & liveDemands;
          // the week's violation (every demand) and what moves the automaton (watched ones)
          const pSeen = unmet !== 0 ? 1 : model.pHiddenSignal[a]!;
          const pViol = (unmet & watchedMask) !== 0 ? 1 : model.pWatchedSignal[a]!;
          work.set(x);
          for (let j = 0; j < nDemands; j++) work[compiled.demandSlots[j]!] = (a >>> j) & 1;
          work[compiled.violation] = usesViolation ? pSeen : 0;
          if (model.perDemandPayment)
            work[compiled.s] = automaton.support[m]! * paidShare(model, a, liveDemands, null);
          split.weekByChoice(work, expectedValueRandom);
          const pw = pc * pa;
          for (let o = 0; o < nOut; o++)
            if (sumOutputs[o]) mine[o]! += pw * work[compiled.outputSlots[o]!]!;
          for (let k = 0; k < nSeries; k++)
            series[k * weeks + t]! += weight * pw * work[compiled.seriesSlots[k]!]!;
          split.nextByChoice(work, expectedValueRandom);
          for (let k = 0; k < nState; k++)
            work[compiled.stateSlots[k]!] = work[compiled.nextSlots[k]!]!;
          // where the week leads: the automaton on the signal, the backlog on the choice
          let next = n;
          if (live) {
            const conceded = (a >>> backlog.demand) & 1;
            const left = stock - (conceded ? backlog.conceded : backlog.otherwise);
            next = left > 0 ? n + conceded : EMPTY;
          }
          for (let v = 0; v < 2; v++) {
            const pv = v === 1 ? pViol : 1 - pViol;
            if (pv === 0) continue;
            const tr = (m * 2 + v) * M;
            for (let m2 = 0; m2 < M; m2++) {
              const pm = automaton.transition[tr + m2]!;
              if (pm === 0) continue;
              const cell = m2 * L + next;
              const add = pw * pv * pm;
              nextMass[cell]! += add;
              for (let k = 0; k < K; k++) nextSum[cell * K + k]! += add * work[pooled[k]!]!;
            }
          }
        }
      }
      for (let c = 0; c < cells; c++) {
        const pc = nextMass[c]!;
        if (pc === 0) continue;
        for (let k = 0; k < K; k++) nextSum[c * K + k] = nextSum[c * K + k]! / pc;
      }
      mass = nextMass;
      mean = nextSum;
    }
    // final outputs: each cell's final state, weighted by its probability
    for (let c = 0; c < cells; c++) {
      const pc = mass[c]!;
      if (pc < NEGLIGIBLE_MASS) continue;
      x.set(base);
      for (let k = 0; k < K; k++) x[pooled[k]!] = mean[c * K + k]!;
      x[compiled.t] = weeks - 1;
      if (backlog) {
        const n = c % L;
        x[compiled.backlog] =
          n === EMPTY
            ? 0
            : backlog.initial - n * backlog.conceded - (weeks - n) * backlog.otherwise;
      }
      compiled.final(x, expectedValueRandom);
      for (let o = 0; o < nOut; o++)
        if (compiled.outputAggregates[o] === "final") mine[o]! += pc * x[compiled.outputSlots[o]!]!;
    }
    for (let o = 0; o < nOut; o++) {
      if (compiled.outputAggregates[o] === "mean") mine[o]! /= weeks;
      outputs[o]! += weight * mine[o]!;
    }
  }
  return { outputs, series };
}
