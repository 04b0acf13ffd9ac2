import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import { credibilitySentence } from "./analysisVerdict.js";
import { formatNumber } from "./formatNumber.js";
import { recommendedPolicy } from "./recommendedPolicy.js";

/** One scenario's verdict in the index of several runs (`linkage run A.yaml B.yaml …`: DIR/index.json). */
export interface RunIndexRow {
  readonly id: string;
  readonly title: string;
  /** The simulation's time step ("week", or the scenario's `step`, e.g. "month"). */
  readonly step: string;
  /** The horizon, in steps. */
  readonly steps: number;
  /** The recommended policy (highest mean simulated sender utility, `recommendedPolicy`). */
  readonly recommended: { readonly id: string; readonly label: string };
  /** The one-shot game's best policy at the parameters' values. */
  readonly oneShotBest: { readonly id: string; readonly label: string };
  /**
   * The recommended policy's simulated leverage value over the baseline: mean and 90% interval
   * (5% and 95% quantiles over runs); null when the recommended policy is the baseline or there is none.
   */
  readonly leverage: {
    readonly mean: number;
    readonly q05: number;
    readonly q95: number;
    readonly baseline: string;
  } | null;
  /** Share of simulated runs in which the recommended policy gave the highest sender utility; null when not computed. */
  readonly bestPolicyShare: number | null;
  /**
   * Whether the assessed policy's follow-through is credible at the scenario's ρ (one-shot): every
   * prescribed action is when ρ ≥ ρ* (`minReputationStake`). Null when the verdict has no
   * credibility sentence (`credibilitySentence`).
   */
  readonly credibility: {
    readonly policy: string;
    readonly credible: boolean;
    readonly reputation: number;
    readonly minReputationStake: number;
    readonly headline: string;
  } | null;
  /** The scenario's report, relative to the index: `<id>/report.html`. */
  readonly report: string;
}

/**
 * The index's rows, one per run in the order given: the facts of each run's verdict as data.
 * The recommendation follows `recommendedPolicy` (the rule of `runVerdict`'s first sentence);
 * the leverage value and best-policy share are those that sentence quotes; the credibility
 * headline sums up `credibilitySentence`: credible when every prescribed action is (ρ ≥ ρ*).
 *
 * @example runIndexRows([flagshipRun])[0].recommended // => { id: "KE", label: "Conditional sharing, …" }
 */
export function runIndexRows(runs: readonly ScenarioRun[]): RunIndexRow[] {
  return runs.map((run) => {
    const sim = run.simulation;
    const recommended = recommendedPolicy(run);
    const policy = sim.policies[recommended]!;
    const baseline = sim.leverageBaseline;
    const lev = policy.outcomes["leverageValue"];
    const oneShot = run.analysis.bestPolicy;
    const c = run.analysis.credibility;
    const credible = c ? c.promiseCredible && c.withholdCredible && c.escalationCredible : false;
    // `step` is absent from results written before time steps other than the week existed
    const step = sim.step ?? "week";
    return {
      id: run.scenario.id,
      title: run.scenario.title,
      step,
      steps: sim.weeks,
      recommended: { id: recommended, label: policy.label },
      oneShotBest: { id: oneShot, label: run.analysis.policies[oneShot]?.label ?? oneShot },
      leverage:
        lev && baseline && baseline !== recommended
          ? { mean: lev.mean, q05: lev.q05, q95: lev.q95, baseline }
          : null,
      bestPolicyShare: sim.bestPolicyShare?.[recommended] ?? null,
      // as in the verdict: no credibility sentence, no headline (e.g. unconditional support best)
      credibility:
        c && credibilitySentence(run.analysis) !== null
          ? {
              policy: c.policy,
              credible,
              reputation: c.reputation,
              minReputationStake: c.minReputationStake,
              headline: `${c.policy} ${credible ? "credible" : "not credible"} at ρ = ${formatNumber(c.reputation)} (credible for ρ ≥ ${formatNumber(c.minReputationStake)})`,
            }
          : null,
      report: `${run.scenario.id}/report.html`,
    };
  });
}
