import type { DemandSpec } from "../Scenario.js";
import type { DemandDocument, ScenarioDocument } from "../scenarioSchema.js";
import type { ScenarioBuild } from "./ScenarioBuild.js";

/** Most demands a scenario may have: the target's choices are enumerated (2^n of them). */
export const MAX_DEMANDS = 16;

/**
 * The `demands` section: at most {@link MAX_DEMANDS}, unique ids, a cost per target type, and for
 * a hidden demand the false-positive and detection probabilities of its verification signal.
 */
export function buildDemands(doc: ScenarioDocument, build: ScenarioBuild): DemandSpec[] {
  if (doc.demands.length > MAX_DEMANDS) {
    build.report(
      ["demands"],
      `expected at most ${MAX_DEMANDS} demands (the target's choices are enumerated), found ${doc.demands.length}`,
    );
  }
  build.uniqueIds(doc.demands, ["demands"], "demand");
  return doc.demands.map((d: DemandDocument, i) => {
    const path = ["demands", i];
    return {
      id: d.id,
      description: d.description ?? null,
      observable: d.observable,
      costToTarget: build.perType(d.costToTarget, [...path, "costToTarget"]),
      valueToSender: build.quantity(d.valueToSender, [...path, "valueToSender"]),
      supportPenalty: build.quantity(d.supportPenalty ?? 0, [...path, "supportPenalty"]),
      falsePositive: d.observable
        ? ({ kind: "constant", value: 0 } as const)
        : build.quantity(d.falsePositive, [...path, "falsePositive"], true),
      detection: d.observable
        ? ({ kind: "constant", value: 1 } as const)
        : build.quantity(d.detection, [...path, "detection"], true),
    };
  });
}
