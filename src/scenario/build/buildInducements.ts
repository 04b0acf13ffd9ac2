import type { InducementSpec, SubstituteSpec } from "../Scenario.js";
import type { ScenarioDocument } from "../scenarioSchema.js";
import type { ScenarioBuild } from "./ScenarioBuild.js";

/** The `inducements` section: unique ids, each value resolved. */
export function buildInducements(doc: ScenarioDocument, build: ScenarioBuild): InducementSpec[] {
  build.uniqueIds(doc.inducements, ["inducements"], "inducement");
  return doc.inducements.map((d, i) => ({
    id: d.id,
    description: d.description ?? null,
    valueToTarget: build.quantity(d.valueToTarget, ["inducements", i, "valueToTarget"]),
    costToSender: build.quantity(d.costToSender, ["inducements", i, "costToSender"]),
    senderStake: build.quantity(d.senderStake, ["inducements", i, "senderStake"]),
  }));
}

/** The other providers (`actors.substitutes`): unique ids, a coverage probability, known inducements. */
export function buildSubstitutes(
  doc: ScenarioDocument,
  build: ScenarioBuild,
  inducementIds: readonly string[],
): SubstituteSpec[] {
  build.uniqueIds(doc.actors.substitutes, ["actors", "substitutes"], "substitute");
  return doc.actors.substitutes.map((s, i) => {
    const path = ["actors", "substitutes", i];
    const covers = (s.covers ?? inducementIds).map((id, j) => {
      const index = inducementIds.indexOf(id);
      if (index < 0)
        build.report(
          [...path, "covers", j],
          `unknown inducement "${id}"; expected one of ${inducementIds.join(", ")}`,
        );
      return index;
    });
    return {
      id: s.id,
      name: s.name ?? s.id,
      description: s.description ?? null,
      coverage: build.quantity(s.coverage, [...path, "coverage"], true),
      covers,
    };
  });
}
