import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import { concessionOutputs } from "../scenario/concessionOutputs.js";
import { parameterNamer } from "../scenario/parameterName.js";
import type { Scenario } from "../scenario/Scenario.js";
import { formatPercent, formatSignificant } from "./formatNumber.js";
import { recommendedPolicy } from "./recommendedPolicy.js";
import { reportWords } from "./reportWords.js";

/**
 * The report's first screen: three to five plain sentences for a policy reader, with units and
 * without codes (policy and parameter labels from the scenario), each from an explicit rule:
 * 1. the recommendation, and what "best in X% of runs" means;
 * 2. what it buys against unconditional support (the `…Share` outcomes) and what it costs in
 *    attacks and deaths (paired runs, medians and intervals: heavy-tailed counts);
 * 3. what would change the call: the nearest one-shot pivot and the weight on deaths at which
 *    the weekly recommendation changes;
 * 4. how far to trust it: the check against the record and the model's main limitations.
 */
export function keyFindings(run: ScenarioRun, scenario: Scenario): string[] {
  const sim = run.simulation;
  const ids = Object.keys(sim.policies);
  const labelOf = (id: string) => scenario.policies.find((p) => p.id === id)?.label ?? id;
  const parameterName = parameterNamer(scenario);
  const recommended = recommendedPolicy(run);
  const baseline = sim.leverageBaseline;
  const name = `“${labelOf(recommended)}”`;
  const findings: string[] = [];
  const words = reportWords(run, scenario);
  const { step } = words;

  const share = sim.bestPolicyShare?.[recommended];
  let first = `Recommended: ${name}. Over the ${sim.weeks} ${sim.weeks === 1 ? step.unit : step.plural} simulated it gives the ${scenario.sender.name} the highest expected payoff of the ${ids.length} policies compared`;
  if (share !== undefined) {
    first += `; it comes out ahead of every alternative in ${formatPercent(share)} of the ${sim.runs.toLocaleString("en-US")} simulated futures (each drawing the uncertain parameters from their ranges) — a measure of how robust the ranking is, not a chance of success`;
  }
  findings.push(`${first}.`);

  const policy = sim.policies[recommended]!;
  const base = baseline ? sim.policies[baseline] : undefined;
  if (baseline && base && baseline !== recommended) {
    // the flagship's shares, then every other output that measures the target's choices
    const shares = Object.keys(policy.outcomes).filter(
      (o) => o.endsWith("Share") && Object.hasOwn(words.outcomes, o),
    );
    const choices = concessionOutputs(scenario).filter(
      (o) => !shares.includes(o) && Object.hasOwn(words.outcomes, o),
    );
    const buys = [...shares, ...choices]
      .filter((o) => policy.outcomes[o] && base.outcomes[o])
      .map(
        (o) =>
          `${words.outcomes[o]!.meaning.replace(/^the /, "")}: ${formatPercent(policy.outcomes[o]!.mean)} against ${formatPercent(base.outcomes[o]!.mean)}`,
      );
    const costs = (["attacks", "fatalities"] as const).flatMap((o) => {
      const d = policy.versusBaseline?.[o];
      if (!d) return [];
      const described = scenario.dynamics?.outputs.find((x) => x.name === o);
      const noun =
        described?.unit ??
        described?.label ??
        (o === "attacks" ? "ISKP attacks" : "deaths in ISKP attacks");
      const sign = d.mean >= 0 ? "more" : "fewer";
      return [
        `${formatSignificant(Math.abs(d.mean), 2)} ${sign} ${noun} (95% interval ${formatSignificant(d.meanLow, 2)} to ${formatSignificant(d.meanHigh, 2)}; ${formatPercent(Math.abs(d.mean) / Math.max(1e-12, base.outcomes[o]!.mean))} of ${formatSignificant(base.outcomes[o]!.mean, 2)})`,
      ];
    });
    let sentence = `Against “${labelOf(baseline)}” it buys ${buys.join("; ") || "no measured concession"}`;
    if (costs.length > 0)
      sentence += `. It costs, over ${sim.weeks === step.perYear ? "the year" : `the ${sim.weeks} ${step.plural}`} and run for run, ${costs.join(" and ")}`;
    findings.push(`${sentence}.`);
  }

  const change: string[] = [];
  const pivot = nearestPivot(run);
  if (pivot) {
    const direction = pivot.value < pivot.current ? "falls below" : "rises above";
    change.push(
      `${parameterName(pivot.parameter)} ${direction} ${formatSignificant(pivot.value, 2)} (now ${formatSignificant(pivot.current, 2)}), when the one-shot game prefers “${labelOf(pivot.to)}”`,
    );
  }
  const deaths = run.humanCost?.find((t) => t.output === "fatalities");
  if (deaths && deaths.tippingValue !== null) {
    const next = deaths.segments.find((s) => s.from === deaths.tippingValue)!;
    change.push(
      `the ${scenario.sender.name} weighs each death at more than ${formatSignificant(deaths.tippingValue, 2)} instead of ${formatSignificant(deaths.value, 2)} (${parameterName(deaths.parameter)}, in ${scenario.parameters.find((p) => p.id === deaths.parameter)?.unit ?? "sender units"}), when “${labelOf(next.best)}” does better`,
    );
  }
  if (change.length > 0) findings.push(`What would change the call: ${change.join("; or ")}.`);

  const record = run.record;
  const limits: string[] = [];
  if (record) {
    const within = record.rows.filter((r) => r.fixed.verdict === "within").length;
    limits.push(
      `run under “${record.policyLabel}”, the policy actually followed, the model reproduces ${within} of ${record.rows.length} published observations of the following year within their ranges${
        within < record.rows.length
          ? ` (misses: ${record.rows
              .filter((r) => r.fixed.verdict !== "within")
              .map((r) => r.label)
              .join(", ")})`
          : ""
      }`,
    );
  }
  limits.push(
    "the model works with aggregate rates and stylised payoffs whose values are judgements with ranges, so its numbers compare policies rather than forecast",
  );
  findings.push(`How far to trust it: ${limits.join("; ")}.`);
  return findings;
}

/** The one-shot pivot nearest to its parameter's current value, relative to the prior range. */
function nearestPivot(
  run: ScenarioRun,
): { parameter: string; value: number; current: number; to: string } | null {
  let best: { parameter: string; value: number; current: number; to: string } | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const p of run.analysis.pivots) {
    const current = run.analysis.parameters[p.parameter]!;
    const d = Math.abs(p.value - current) / Math.max(1e-12, Math.abs(current));
    const to = p.value < current ? p.below : p.above;
    if (to === run.analysis.bestPolicy) continue;
    if (d < distance) {
      distance = d;
      best = { parameter: p.parameter, value: p.value, current, to };
    }
  }
  return best;
}
