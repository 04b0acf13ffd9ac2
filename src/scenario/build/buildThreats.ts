import type { Scenario, ThreatSpec } from "../Scenario.js";
import type { ScenarioDocument } from "../scenarioSchema.js";
import type { ScenarioBuild } from "./ScenarioBuild.js";

/** The `threats` section: unique ids, each value resolved (the benefit per target type). */
export function buildThreats(doc: ScenarioDocument, build: ScenarioBuild): ThreatSpec[] {
  build.uniqueIds(doc.threats, ["threats"], "threat");
  return doc.threats.map((t, i) => ({
    id: t.id,
    description: t.description ?? null,
    costToTarget: build.quantity(t.costToTarget, ["threats", i, "costToTarget"]),
    costToSender: build.quantity(t.costToSender, ["threats", i, "costToSender"]),
    benefitToSender: build.perType(t.benefitToSender, ["threats", i, "benefitToSender"]),
    sideEffects: build.quantity(t.sideEffects, ["threats", i, "sideEffects"]),
  }));
}

/** The `credibility` section: ρ, and the target's beliefs in the promise and the threat (probabilities). */
export function buildCredibility(
  doc: ScenarioDocument,
  build: ScenarioBuild,
): Scenario["credibility"] {
  const c = doc.credibility;
  const fixed = c.beliefs === "fixed";
  if (!fixed) {
    for (const key of ["promiseBelief", "threatBelief"] as const) {
      if (c[key] !== undefined) {
        build.report(
          ["credibility", key],
          `${key} is used only with fixed beliefs: add \`beliefs: fixed\` to the credibility section, or remove ${key} (by default the target's beliefs follow from the sender's incentives, with \`resolute\` the prior that the sender always follows through)`,
        );
      }
    }
  } else if (c.resolute !== undefined) {
    build.report(
      ["credibility", "resolute"],
      "resolute is used only with equilibrium beliefs: remove it, or remove `beliefs: fixed`",
    );
  }
  const probability = (value: number | string | undefined, key: string, otherwise: number) =>
    value === undefined
      ? { kind: "constant" as const, value: otherwise }
      : build.quantity(value, ["credibility", key], true);
  return {
    reputation: build.quantity(c.reputation, ["credibility", "reputation"]),
    beliefs: c.beliefs,
    resolute: probability(c.resolute, "resolute", 0),
    promiseBelief: probability(c.promiseBelief, "promiseBelief", 1),
    threatBelief: probability(c.threatBelief, "threatBelief", 1),
  };
}
