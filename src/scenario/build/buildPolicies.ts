import type { DemandSpec, PolicySpec } from "../Scenario.js";
import type { ScenarioDocument } from "../scenarioSchema.js";
import { buildAutomaton } from "./buildAutomaton.js";
import type { ScenarioBuild } from "./ScenarioBuild.js";

const POLICY_LABELS: Readonly<Record<PolicySpec["kind"], string>> = {
  unconditional: "unconditional support",
  withhold: "withhold support",
  conditional: "support conditional on the demands",
  "conditional-escalation": "conditional support, escalation on violation",
};

/**
 * The `policies` section: unique ids; the demands each conditions on (all by default; none for
 * unconditional and withhold); the threat of an escalation policy; its weekly automaton; and at
 * least one policy in the one-shot game.
 */
export function buildPolicies(
  doc: ScenarioDocument,
  build: ScenarioBuild,
  demands: readonly Pick<DemandSpec, "id" | "stageOf" | "observable">[],
  threatIds: readonly string[],
): PolicySpec[] {
  build.uniqueIds(doc.policies, ["policies"], "policy");
  const demandIds = demands.map((d) => d.id);
  // a divisible demand's id stands for all its stages
  const named = new Map<string, number[]>(demandIds.map((id, j) => [id, [j]]));
  demands.forEach((d, j) => {
    if (d.stageOf !== null) named.set(d.stageOf, [...(named.get(d.stageOf) ?? []), j]);
  });
  const policies = doc.policies.map((p, i): PolicySpec => {
    const path = ["policies", i];
    const conditioned = new Set<number>();
    (p.demands ?? demandIds).forEach((id, j) => {
      const indices = named.get(id);
      if (indices === undefined)
        build.report(
          [...path, "demands", j],
          `unknown demand "${id}"; expected one of ${[...named.keys()].join(", ")}`,
        );
      for (const index of indices ?? []) conditioned.add(index);
    });
    let threat: number | null = null;
    if (p.kind === "conditional-escalation") {
      if (threatIds.length === 0) {
        build.report(
          [...path, "kind"],
          "a conditional-escalation policy needs at least one entry under threats",
        );
      } else if (p.threat === undefined) threat = 0;
      else {
        threat = threatIds.indexOf(p.threat);
        if (threat < 0)
          build.report(
            [...path, "threat"],
            `unknown threat "${p.threat}"; expected one of ${threatIds.join(", ")}`,
          );
      }
    } else if (p.threat !== undefined) {
      build.report(
        [...path, "threat"],
        `a threat is used only by conditional-escalation policies, found it on a ${p.kind} policy`,
      );
    }
    if (p.demands !== undefined && (p.kind === "unconditional" || p.kind === "withhold")) {
      build.report(
        [...path, "demands"],
        `an ${p.kind} policy conditions on nothing, so it takes no demands`,
      );
    }
    if (p.payment === "per-demand") {
      if (p.kind === "unconditional" || p.kind === "withhold")
        build.report(
          [...path, "payment"],
          `per-demand payment pays for demands met, so it needs a conditional policy, found kind ${p.kind}`,
        );
      if (p.oneShot)
        build.report(
          [...path, "payment"],
          "per-demand payment is a weekly rule: set oneShot: false (the one-shot game pays support whole)",
        );
    }
    if (p.payment === "per-demand" && p.demands !== undefined && conditioned.size === 0)
      build.report(
        [...path, "demands"],
        "per-demand payment pays for demands met, so it needs at least one demand to condition on",
      );
    if (p.reportingLag > 0 && demands.some((d, j) => conditioned.has(j) && !d.observable))
      build.report(
        [...path, "reportingLag"],
        "a reporting lag needs every demand the policy conditions on to be observable: the target cannot see a hidden demand's pending signal, which the lagged rule would act on",
      );
    if (p.reportingLag > 0 && p.payment === "per-demand")
      build.report(
        [...path, "reportingLag"],
        "a reporting lag acts on the automaton's moves; per-demand payment pays on this step's signals, so the two cannot be combined",
      );
    return {
      id: p.id,
      kind: p.kind,
      oneShot: p.oneShot,
      payment: p.payment,
      reportingLag: p.reportingLag,
      automaton: buildAutomaton(p.automaton, p.kind, [...path, "automaton"], build),
      label: p.label ?? POLICY_LABELS[p.kind],
      description: p.description ?? null,
      conditions: demandIds.map(
        (_, j) => p.kind !== "unconditional" && p.kind !== "withhold" && conditioned.has(j),
      ),
      threat,
    };
  });
  return policies;
}

/** Reports a scenario whose policies leave the one-shot game empty. */
export function checkOneShotPolicies(policies: readonly PolicySpec[], build: ScenarioBuild): void {
  if (!policies.some((p) => p.oneShot)) {
    build.report(
      ["policies"],
      "expected at least one policy with oneShot: true (the one-shot game needs one)",
    );
  }
}
