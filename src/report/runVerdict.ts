import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import { concessionSentence, credibilitySentence, pivotSentence } from "./analysisVerdict.js";
import { formatNumber, formatPercent } from "./formatNumber.js";

/**
 * The verdict of a full run in plain words, one sentence per explicit rule on the results:
 * 1. the recommended policy — the one with the highest mean sender utility in the weekly
 *    simulation — with its leverage value and the share of runs in which it is best, and the
 *    one-shot game's best policy when the two differ;
 * 2. what each target type concedes to it in the one-shot game;
 * 3. what it buys week by week: each `…Share` outcome against the unconditional baseline;
 * 4. what it costs in attacks against the baseline;
 * 5. whether its promise and threat are credible (one-shot, given ρ);
 * 6. how sure: the probability over the priors that each policy is the one-shot best;
 * 7. what matters most: the largest total Sobol indices of each output;
 * 8. the pivots of the one-shot verdict.
 */
export function runVerdict(run: ScenarioRun): string[] {
  const sentences: string[] = [];
  const sim = run.simulation;
  const ids = Object.keys(sim.policies);
  const utility = (id: string) =>
    sim.policies[id]!.outcomes["senderUtility"]?.mean ?? Number.NEGATIVE_INFINITY;
  const recommended = ids.reduce((best, id) => (utility(id) > utility(best) ? id : best), ids[0]!);
  const policy = sim.policies[recommended]!;
  const baseline = sim.leverageBaseline;
  const share = sim.bestPolicyShare?.[recommended];
  const lev = policy.outcomes["leverageValue"];
  const redrawn =
    sim.redrawnRuns !== undefined && sim.redrawnRuns > 0
      ? `; ${formatPercent(sim.redrawnRuns / sim.runs)} of the draws implied an explosive attack process and were redrawn`
      : "";
  let headline = `Recommended policy: ${recommended} (${policy.label}). Over ${sim.weeks} simulated weeks (${sim.runs} runs, parameters drawn from their priors${redrawn}) it gives the sender the highest expected utility`;
  if (lev && baseline && baseline !== recommended) {
    headline += `, a leverage value of ${formatNumber(lev.mean, 2)} [90%: ${formatNumber(lev.q05, 2)} to ${formatNumber(lev.q95, 2)}] over ${baseline}`;
  }
  if (share !== undefined)
    headline += `, and it is the best policy in ${formatPercent(share)} of runs`;
  sentences.push(`${headline}.`);
  const oneShotBest = run.analysis.bestPolicy;
  if (oneShotBest !== recommended) {
    sentences.push(
      `The one-shot game at the parameters' values prefers ${oneShotBest} instead (sender value ${formatNumber(run.analysis.policies[oneShotBest]!.senderValue)}); the weekly model adds repeated play, learning and the spoiler's dynamics.`,
    );
  }
  if (run.analysis.policies[recommended])
    sentences.push(concessionSentence(run.analysis, recommended));

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
      sentences.push(`Week by week under ${recommended}: ${parts.join("; ")}.`);
    }
    const attacks = policy.outcomes["attacks"];
    const baseAttacks = base?.outcomes["attacks"];
    if (attacks && baseAttacks && baseAttacks.q50 > 0) {
      // a heavy-tailed count: compared by medians (docs/model.md, "Fatalities")
      const change = attacks.q50 / baseAttacks.q50 - 1;
      sentences.push(
        `Attacks over the horizon (median run): ${formatNumber(attacks.q50, 0)} under ${recommended} against ${formatNumber(baseAttacks.q50, 0)} under ${baseline} (${change >= 0 ? "+" : "−"}${formatPercent(Math.abs(change))}); leverage ${change > 0 ? "costs attacks, because support is withheld in some weeks" : "does not cost attacks"}.`,
      );
    }
  }

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
      `How sure: over ${run.sensitivity.draws} draws from the priors, the one-shot best policy is ${listed.join(", ")} of draws.`,
    );
  }

  const sobol = run.sensitivity.sobol.filter((s) => s.indices.length > 0);
  if (sobol.length > 0) {
    const parts = sobol.map((s) => {
      const top = s.indices.slice(0, 2).map((i) => `${i.parameter} (${formatNumber(i.total, 2)})`);
      return `for the ${words(s.output)}, ${top.join(" and ")}`;
    });
    sentences.push(
      `What matters most (largest total Sobol indices over the priors): ${parts.join("; ")}.`,
    );
  }
  sentences.push(pivotSentence(run.analysis));
  return sentences;
}

/** An outcome id in words: `evacuatedShare` → "evacuated share". */
function words(id: string): string {
  return id.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
