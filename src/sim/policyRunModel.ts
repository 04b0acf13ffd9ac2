import { LinkageError } from "../errors/LinkageError.js";
import { quantityValue } from "../scenario/quantityValue.js";
import type { AutomatonSpec, Scenario } from "../scenario/Scenario.js";
import { generousTitForTatAutomaton } from "./automata/generousTitForTatAutomaton.js";
import { ladderAutomaton } from "./automata/ladderAutomaton.js";
import { punishAutomaton } from "./automata/punishAutomaton.js";
import { unconditionalAutomaton } from "./automata/unconditionalAutomaton.js";
import { withholdAutomaton } from "./automata/withholdAutomaton.js";
import type { PolicyAutomaton } from "./policyAutomaton.js";
import { softValueIteration } from "./softValueIteration.js";
import { buildTargetMdp } from "./targetMdp.js";
import { withExecutionNoise } from "./withExecutionNoise.js";

/**
 * Everything the weekly engine needs about one policy for one draw of the parameters: the
 * automaton as executed (with q), the target's choice probabilities per type against it as
 * believed (with q̂), and the violation probabilities for the sender's belief updates.
 * Computed once per policy and parameter draw, never per week.
 */
export interface PolicyRunModel {
  readonly automaton: PolicyAutomaton;
  /** M, A, T: automaton states, target actions (2^demands), types. */
  readonly states: number;
  readonly actions: number;
  readonly types: number;
  /** π_θ(a | m) at `(θ·M + m)·A + a`. */
  readonly choice: Float64Array;
  /** Cumulative π_θ(· | m) rows, for sampling an action with one uniform draw. */
  readonly cumulative: Float64Array;
  /** P(violation | a), length A. */
  readonly pViolation: Float64Array;
  /** P(violation | θ, m) = Σ_a π_θ(a|m)·P(violation|a), at `θ·M + m`. */
  readonly violationByState: Float64Array;
  /** Believed q̂ and executed q, kept for reports. */
  readonly q: number;
  readonly qBelieved: number;
}

/** The automaton of a policy for given parameter values. */
export function automatonFor(
  spec: AutomatonSpec,
  values: ArrayLike<number>,
  policyId: string,
): PolicyAutomaton {
  const v = (q: Parameters<typeof quantityValue>[0]) => quantityValue(q, values);
  switch (spec.kind) {
    case "unconditional":
      return unconditionalAutomaton();
    case "withhold":
      return withholdAutomaton();
    case "punish": {
      const weeks = v(spec.weeks);
      if (!(weeks === Number.POSITIVE_INFINITY || (Number.isInteger(weeks) && weeks >= 1))) {
        throw new LinkageError(
          "E_INPUT",
          `policy ${policyId}: punishment weeks must be a whole number ≥ 1 or inf, found ${weeks}`,
        );
      }
      return punishAutomaton(weeks);
    }
    case "ladder":
      return ladderAutomaton({
        start: spec.start,
        levels: spec.levels.map((l) => ({
          support: v(l.support),
          escalation: v(l.escalation),
          label: l.label,
        })),
      });
    case "generous-tit-for-tat":
      return generousTitForTatAutomaton(v(spec.forgiveness));
  }
}

/**
 * Builds the {@link PolicyRunModel} of policy `policyIndex` for parameter values `values`:
 * the target's MDP per type (MODEL.md §3) solved by soft value iteration.
 */
export function buildPolicyRunModel(
  scenario: Scenario,
  values: ArrayLike<number>,
  policyIndex: number,
): PolicyRunModel {
  const dynamics = scenario.dynamics!;
  const policy = scenario.policies[policyIndex]!;
  const v = (q: Parameters<typeof quantityValue>[0]) => quantityValue(q, values);
  const base = automatonFor(policy.automaton, values, policy.id);
  const q = v(dynamics.execution.probability);
  const qBelieved = v(dynamics.execution.believed);
  const automaton = withExecutionNoise(base, q);
  const believed = withExecutionNoise(base, qBelieved);
  const target = dynamics.target;
  const nDemands = scenario.demands.length;
  const types = scenario.target.types.length;
  const observable = scenario.demands.map((d) => d.observable);
  const falsePositive = Float64Array.from(target.falsePositive, v);
  const detection = Float64Array.from(target.detection, v);
  const M = automaton.states;
  const A = 1 << nDemands;
  const choice = new Float64Array(types * M * A);
  let pViolation: Float64Array = new Float64Array(A);
  for (let type = 0; type < types; type++) {
    const mdp = buildTargetMdp({
      automaton: believed,
      costs: Float64Array.from(target.costs, (perType) => v(perType[type]!)),
      observable,
      falsePositive,
      detection,
      supportValue: v(target.supportValue),
      escalationCost: v(target.escalationCost),
    });
    pViolation = mdp.pViolation;
    const solved = softValueIteration(mdp, {
      discount: v(target.discount),
      rationality: v(target.rationality),
    });
    choice.set(solved.policy, type * M * A);
  }
  const cumulative = new Float64Array(choice.length);
  const violationByState = new Float64Array(types * M);
  for (let row = 0; row < types * M; row++) {
    let sum = 0;
    let viol = 0;
    for (let a = 0; a < A; a++) {
      const p = choice[row * A + a]!;
      sum += p;
      cumulative[row * A + a] = sum;
      viol += p * pViolation[a]!;
    }
    cumulative[row * A + A - 1] = 1; // guard the last bucket against rounding
    violationByState[row] = viol;
  }
  return {
    automaton,
    states: M,
    actions: A,
    types,
    choice,
    cumulative,
    pViolation,
    violationByState,
    q,
    qBelieved,
  };
}
