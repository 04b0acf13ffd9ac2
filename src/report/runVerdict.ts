import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import type { SenderCostTippingPoint } from "../analysis/senderCostTippingPoints.js";
import { parameterNamer } from "../scenario/parameterName.js";
import type { Scenario } from "../scenario/Scenario.js";
import { stepByStep, stepCount, timeStep } from "../scenario/timeStep.js";
import { concessionSentence, credibilitySentence, pivotSentence } from "./analysisVerdict.js";
import { equilibriumSentence } from "./equilibriumSentence.js";
import { formatCount, formatNumber, formatPercent, formatSignificant } from "./formatNumber.js";
import { recommendedPolicy } from "./recommendedPolicy.js";
import { reconciliationSentence } from "./reconciliationSentence.js";

/**
 * The verdict of a full run in plain words, one sentence per explicit rule on the results:
 * 1. the recommended policy — the one with the highest mean sender utility in the weekly
 *    simulation — with its leverage value and the share of runs in which it is best, and the
 *    one-shot game's best policy when the two differ;
 * 2. what each target type concedes to it in the one-shot game, and how that maps onto the
 *    weekly shares (the reconciliation's steps);
 * 3. what it buys week by week: each `…Share` outcome against the unconditional baseline;
 * 4. what it costs in attacks and deaths against the baseline (paired runs, 95% intervals), and
 *    the weight on each human-cost term at which the recommendation changes;
 * 5. whether its promise and threat are credible (one-shot, given ρ);
 * 6. how sure: the probability over the priors that each policy is the one-shot best;
 * 7. what matters most: the largest total Sobol indices of each output;
 * 8. the pivots of the one-shot verdict (said to be the one-shot game's).
 * Parameters go by their labels when the scenario is given (parameterNamer), else by their ids.
 */
export function runVerdict(run: ScenarioRun, scenario?: Pick<Scenario, "parameters">): string[] {
  const name = parameterNamer(scenario);
  const sentences: string[] = [];
  const sim = run.simulation;
  const step = timeStep(sim.step);
  const recommended = recommendedPolicy(run);
  const policy = sim.policies[recommended]!;
  const baseline = sim.leverageBaseline;
  const share = sim.bestPolicyShare?.[recommended];
  const lev = policy.outcomes["leverageValue"];
  const redrawn =
    sim.redrawnRuns !== undefined && sim.redrawnRuns > 0
      ? `; ${formatPercent(sim.redrawnRuns / sim.runs)} of the draws implied an explosive attack process and were redrawn`
      : "";
  let headline = `Recommended policy: ${recommended} (${policy.label}). Over ${sim.weeks} simulated ${sim.weeks === 1 ? step.unit : step.plural} (${formatCount(sim.runs)} runs, parameters drawn from their priors${redrawn}) it gives the sender the highest expected utility`;
  if (lev && baseline && baseline !== recommended) {
    headline += `, a leverage value of ${formatNumber(lev.mean, 2)} [90%: ${formatNumber(lev.q05, 2)} to ${formatNumber(lev.q95, 2)}] over ${baseline}`;
  }
  if (share !== undefined)
    headline += `, and it is the best policy in ${formatPercent(share)} of runs`;
  sentences.push(`${headline}.`);
  const oneShotBest = run.analysis.bestPolicy;
  if (oneShotBest !== recommended) {
    sentences.push(
      `The one-shot game at the parameters' values prefers ${oneShotBest} instead (sender value ${formatNumber(run.analysis.policies[oneShotBest]!.senderValue)}); the ${step.adjective} model adds repeated play, learning and the spoiler's dynamics.`,
    );
  }
  if (run.analysis.policies[recommended])
    sentences.push(concessionSentence(run.analysis, recommended));
  if (run.reconciliation) sentences.push(reconciliationSentence(run.reconciliation, step));

  if (baseline && baseline !== recommended) {
    const base = sim.policies[baseline];
    const shares = Object.keys(policy.outcomes).filter(
      (name) => name.endsWith("Share") && base?.outcomes[name],
    );
    if (shares.length > 0) {
      const parts = shares.map(
        (name) =>
          `${words(name)} ${formatPercent(policy.outcomes[name]!.mean)} (against ${formatPercent(base!.outcomes[name]!.mean)} under ${baseline})`,
      );
      sentences.push(`${stepByStep(step)} under ${recommended}: ${parts.join("; ")}.`);
    }
    const cost = humanCostSentence(run, recommended, baseline);
    if (cost) sentences.push(cost);
  }
  for (const tip of run.humanCost ?? []) {
    const sentence = tippingWeightSentence(tip, recommended);
    if (sentence) sentences.push(sentence);
  }

  const equilibrium = equilibriumSentence(run.analysis, recommended);
  if (equilibrium) sentences.push(equilibrium);
  const credible = credibilitySentence(run.analysis);
  if (credible) sentences.push(credible);

  const oneShot = Object.entries(run.sensitivity.bestPolicyShare.oneShot).sort(
    (a, b) => b[1] - a[1],
  );
  if (oneShot.length > 0) {
    const listed = oneShot
      .filter(([, p]) => p >= 0.05)
      .map(([id, p]) => `${id} in ${formatPercent(p)}`);
    sentences.push(
      `How sure: over ${formatCount(run.sensitivity.draws)} draws from the priors, the one-shot best policy is ${listed.join(", ")} of draws.`,
    );
  }

  const sobol = run.sensitivity.sobol.filter((s) => s.indices.length > 0);
  if (sobol.length > 0) {
    const parts = sobol.map((s) => {
      const top = s.indices
        .slice(0, 2)
        .map((i) => `${name(i.parameter)} (${formatNumber(i.total, 2)})`);
      return `for the ${words(s.output)}, ${top.join(" and ")}`;
    });
    sentences.push(
      `What matters most (largest total Sobol indices over the priors): ${parts.join("; ")}.`,
    );
  }
  // the pivots are the one-shot game's: the recommendation above is the simulation's, which can
  // prefer another policy at the same values, so the sentence says whose best policy changes
  sentences.push(pivotSentence(run.analysis, name, "The one-shot game's best policy changes if"));
  return sentences;
}

/** An outcome id in words: `evacuatedShare` → "evacuated share". */
function words(id: string): string {
  return id.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/**
 * What the recommended policy costs in attacks and deaths against the baseline: the mean paired
 * difference over the horizon with its 95% interval, and the median run's difference (the
 * outcomes are heavy-tailed, so both are given).
 */
function humanCostSentence(run: ScenarioRun, id: string, baseline: string): string | null {
  const sim = run.simulation;
  const paired = sim.policies[id]!.versusBaseline;
  if (!paired) return null;
  const parts: string[] = [];
  for (const [name, noun] of [
    ["attacks", "attacks"],
    ["fatalities", "deaths"],
  ] as const) {
    const d = paired[name];
    const base = sim.policies[baseline]!.outcomes[name];
    if (!d || !base) continue;
    const more = d.mean >= 0 ? "more" : "fewer";
    parts.push(
      `${formatSignificant(Math.abs(d.mean), 2)} ${more} ${noun} (95% interval of the mean difference ${signed(d.meanLow)} to ${signed(d.meanHigh)}; ${formatPercent(Math.abs(d.mean) / Math.max(1e-12, base.mean))} of ${baseline}'s ${formatSignificant(base.mean, 2)})`,
    );
  }
  if (parts.length === 0) return null;
  return `What ${id} costs against ${baseline}, run for run over ${stepCount(timeStep(sim.step), sim.weeks)}: ${parts.join(" and ")}.`;
}

/** Where the recommendation changes as the weight on one human-cost term grows. */
function tippingWeightSentence(tip: SenderCostTippingPoint, recommended: string): string | null {
  if (tip.tippingValue === null) {
    return `The recommendation does not change however heavily ${tip.output} are weighed (“${tip.label}” from 0 up; now ${formatSignificant(tip.value, 2)}).`;
  }
  const next = tip.segments.find((s) => s.from === tip.tippingValue)!;
  return `${recommended} stays recommended as long as “${tip.label}” is below ${formatSignificant(tip.tippingValue, 2)} (now ${formatSignificant(tip.value, 2)}); above it ${next.best} is.`;
}

function signed(x: number): string {
  return `${x >= 0 ? "+" : "−"}${formatSignificant(Math.abs(x), 2)}`;
}
