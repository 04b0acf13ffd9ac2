import type { AnalysisResult, PolicyResult, TippingPoint } from "../analysis/AnalysisResult.js";
import { equilibriumSentence } from "./equilibriumSentence.js";
import { formatNumber, formatPercent } from "./formatNumber.js";

/**
 * The verdict of a one-shot analysis in plain words, as a list of sentences. Each sentence
 * comes from an explicit rule on the results:
 * 1. which policy is best, by how much over the runner-up and over unconditional support;
 * 2. what each target type concedes under the best policy;
 * 3. with equilibrium beliefs, what the target expects of the follow-through and how many
 *    equilibria there are; whether the promise, withholding and escalation are credible given ρ, and ρ*;
 * 4. the nearest pivots on each side of the current value of each parameter.
 */
export function analysisVerdict(result: AnalysisResult): string[] {
  const sentences: string[] = [];
  const ids = Object.keys(result.policies);
  const best = result.policies[result.bestPolicy]!;
  const ranked = [...ids].sort(
    (a, b) => result.policies[b]!.senderValue - result.policies[a]!.senderValue,
  );
  const runnerUp = ranked.find((id) => id !== result.bestPolicy);
  let first = `Best policy: ${result.bestPolicy} (${best.label}), with an expected sender value of ${formatNumber(best.senderValue)}`;
  if (runnerUp) {
    const r = result.policies[runnerUp]!;
    first += `, ${formatNumber(best.senderValue - r.senderValue)} ahead of ${runnerUp} (${formatNumber(r.senderValue)})`;
  }
  const unconditional = ids.find((id) => result.policies[id]!.kind === "unconditional");
  if (unconditional && unconditional !== result.bestPolicy) {
    first += `; its leverage value over unconditional support (${unconditional}) is ${formatNumber(best.senderValue - result.policies[unconditional]!.senderValue)}`;
  }
  sentences.push(`${first}.`);

  sentences.push(concessionSentence(result, result.bestPolicy));
  const equilibrium = equilibriumSentence(result, result.bestPolicy);
  if (equilibrium) sentences.push(equilibrium);
  const credible = credibilitySentence(result);
  if (credible) sentences.push(credible);
  sentences.push(pivotSentence(result));
  return sentences;
}

/** Rule 3: whether the assessed policy's promise, withholding and escalation are credible given ρ, and ρ*. */
export function credibilitySentence(result: AnalysisResult): string | null {
  const c = result.credibility;
  const best = result.policies[result.bestPolicy]!;
  if (c && (c.policy === result.bestPolicy || best.kind !== "unconditional")) {
    const parts: string[] = [];
    const rho = formatNumber(c.reputation);
    if (c.promiseAfterClean !== null) {
      parts.push(
        c.promiseAfterClean >= 0
          ? `keeping the promise after a clean signal pays for itself (+${formatNumber(c.promiseAfterClean)})`
          : `keeping the promise after a clean signal costs ${formatNumber(-c.promiseAfterClean)}, ${c.promiseCredible ? "covered" : "not covered"} by the reputation stake ρ = ${rho}`,
      );
    }
    if (c.supportAfterViolation !== null) {
      parts.push(
        c.supportAfterViolation <= 0
          ? `withholding after a violation pays for itself (supporting anyway would be worth ${formatNumber(c.supportAfterViolation)})`
          : `withholding after a violation forgoes ${formatNumber(c.supportAfterViolation)} — the sender's own stake makes the threat to withhold ${c.withholdCredible ? `credible only through the reputation stake ρ = ${rho}` : "empty (the Samaritan's dilemma)"}`,
      );
    }
    if (c.escalationAfterViolation !== null) {
      parts.push(
        c.escalationAfterViolation >= 0
          ? `escalating after a violation pays for itself (+${formatNumber(c.escalationAfterViolation)})`
          : `escalating after a violation costs ${formatNumber(-c.escalationAfterViolation)}, so the threat is ${c.escalationCredible ? `credible only through the reputation stake ρ = ${rho}` : `not credible at ρ = ${rho}`}`,
      );
    }
    const all = c.promiseCredible && c.withholdCredible && c.escalationCredible;
    const rest =
      all || result.beliefs !== "equilibrium"
        ? ""
        : ` for a sender that is not resolute; with equilibrium beliefs the target weighs each step by the chance it is carried out (above), and the values and the verdict already account for it`;
    return (
      `Credibility of ${c.policy}: ${parts.join("; ")}. All of its prescribed actions are sequentially rational for ρ ≥ ρ* = ${formatNumber(c.minReputationStake)}, ` +
      `so at ρ = ${rho} ${c.policy} is ${all ? "credible" : "not credible"}${rest}.`
    );
  }
  return null;
}

/**
 * Rule 4: the nearest pivots on each side of each parameter's current value, each parameter
 * named by `name` (the ids by default; reports pass parameterNamer's labels), after `lead`
 * (what changes: a run's verdict says it is the one-shot game's best policy, not its own).
 */
export function pivotSentence(
  result: AnalysisResult,
  name: (id: string) => string = (id) => id,
  lead = "The verdict changes if",
): string {
  const pivotSentences = nearestTippingPoints(result).map((p) => {
    const current = result.parameters[p.parameter]!;
    return p.value < current
      ? `${name(p.parameter)} falls below ${formatNumber(p.value)} (now ${formatNumber(current)}), ${p.below} becomes best`
      : `${name(p.parameter)} rises above ${formatNumber(p.value)} (now ${formatNumber(current)}), ${p.above} becomes best`;
  });
  return pivotSentences.length === 0
    ? "No single parameter moved across its prior range changes the best policy."
    : `${lead} ${pivotSentences.join("; if ")}.`;
}

/** Rule 2: what each target type concedes under a policy. */
export function concessionSentence(result: AnalysisResult, policyId: string): string {
  const policy: PolicyResult = result.policies[policyId]!;
  if (policy.kind !== "conditional" && policy.kind !== "conditional-escalation") {
    return `Under ${policyId} nothing is conditioned, so no type concedes anything it would not concede anyway.`;
  }
  const parts = Object.entries(policy.responses).map(([type, response]) => {
    const conceded = Object.keys(response).filter((d) => response[d] === 1);
    const share = formatPercent(result.typePrior[type] ?? 0);
    const what =
      conceded.length === 0
        ? "concedes nothing"
        : conceded.length === Object.keys(response).length
          ? `concedes every demand (${conceded.join(", ")})`
          : `concedes ${conceded.join(", ")} only`;
    return `the ${type} type (prior ${share}) ${what}`;
  });
  return `Under ${policyId}, ${parts.join(", and ")}.`;
}

/** For each parameter, the pivots nearest to its current value on either side. */
export function nearestTippingPoints(result: AnalysisResult): TippingPoint[] {
  const out: TippingPoint[] = [];
  const byParameter = new Map<string, TippingPoint[]>();
  for (const p of result.pivots)
    byParameter.set(p.parameter, [...(byParameter.get(p.parameter) ?? []), p]);
  for (const [parameter, pivots] of byParameter) {
    const current = result.parameters[parameter]!;
    const below = pivots.filter((p) => p.value < current).at(-1);
    const above = pivots.find((p) => p.value >= current);
    if (below) out.push(below);
    if (above) out.push(above);
  }
  return out;
}
