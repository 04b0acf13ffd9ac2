import type { ScenarioRun } from "../analysis/ScenarioRun.js";

/** The one-shot leverage value at the parameters' values: best policy's E[U_S] minus unconditional support's. */
export function baseLeverageValue(run: ScenarioRun): number {
  const policies = run.analysis.policies;
  const best = policies[run.analysis.bestPolicy]!;
  const unconditional = Object.values(policies).find((p) => p.kind === "unconditional");
  return best.senderValue - (unconditional?.senderValue ?? 0);
}
