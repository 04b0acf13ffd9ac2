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
  return {
    reputation: build.quantity(doc.credibility.reputation, ["credibility", "reputation"]),
    promiseBelief: build.quantity(
      doc.credibility.promiseBelief,
      ["credibility", "promiseBelief"],
      true,
    ),
    threatBelief: build.quantity(
      doc.credibility.threatBelief,
      ["credibility", "threatBelief"],
      true,
    ),
  };
}
