import type { DemandSpec, Quantity } from "../Scenario.js";
import type { DemandDocument, ScenarioDocument } from "../scenarioSchema.js";
import type { DocumentPath } from "../yamlLocator.js";
import type { ScenarioBuild } from "./ScenarioBuild.js";

/** Most demands a scenario may have: the target's choices are enumerated (2^n of them). */
export const MAX_DEMANDS = 16;

const EXPRESSION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The `demands` section: at most {@link MAX_DEMANDS} demands once every divisible demand is
 * counted by its stages, unique ids (stage ids included), a cost per target type, and for a
 * hidden demand the false-positive and detection probabilities of its verification signal.
 *
 * A divisible demand (`stages`) becomes one demand per stage, in order, each with the stage's
 * id, cost, value and support penalty and the demand's observability and signal rates; its
 * `stageOf` names the divisible demand. A whole demand states its own cost and value; a
 * divisible one states them per stage only.
 */
export function buildDemands(doc: ScenarioDocument, build: ScenarioBuild): DemandSpec[] {
  const count = doc.demands.reduce((n, d) => n + (d.stages?.length ?? 1), 0);
  if (count > MAX_DEMANDS) {
    build.report(
      ["demands"],
      `expected at most ${MAX_DEMANDS} demands, each stage of a divisible demand counting as one (the target's choices are enumerated), found ${count}`,
    );
  }
  build.uniqueIds(doc.demands, ["demands"], "demand");
  const seen = new Map<string, string>(doc.demands.map((d, i) => [d.id, `demands[${i}]`]));
  const out: DemandSpec[] = [];
  doc.demands.forEach((d: DemandDocument, i) => {
    const path: DocumentPath = ["demands", i];
    const signals = {
      observable: d.observable,
      falsePositive: d.observable
        ? ({ kind: "constant", value: 0 } as const)
        : build.quantity(d.falsePositive, [...path, "falsePositive"], true),
      detection: d.observable
        ? ({ kind: "constant", value: 1 } as const)
        : build.quantity(d.detection, [...path, "detection"], true),
    };
    if (!d.stages) {
      const missing = (["costToTarget", "valueToSender"] as const).filter(
        (key) => d[key] === undefined,
      );
      for (const key of missing)
        build.report(
          path,
          `missing required field "${key}" (or stages, for a divisible demand)`,
          key,
        );
      out.push({
        id: d.id,
        description: d.description ?? null,
        costToTarget:
          d.costToTarget === undefined
            ? []
            : build.perType(d.costToTarget, [...path, "costToTarget"]),
        valueToSender: orZero(d.valueToSender, (ref) =>
          build.quantity(ref, [...path, "valueToSender"]),
        ),
        supportPenalty: build.quantity(d.supportPenalty ?? 0, [...path, "supportPenalty"]),
        ...signals,
        stageOf: null,
      });
      return;
    }
    for (const key of ["costToTarget", "valueToSender", "supportPenalty"] as const) {
      if (d[key] !== undefined)
        build.report(
          [...path, key],
          `a divisible demand states ${key} per stage (under stages), not for the whole demand`,
        );
    }
    // the ids name variables in the dynamics' expressions (the share met, each stage)
    if (!EXPRESSION_NAME.test(d.id))
      build.report(
        [...path, "id"],
        `a divisible demand's id names the share of its stages met in expressions: use letters, digits and _ only, found "${d.id}"`,
      );
    d.stages.forEach((stage, k) => {
      const stagePath: DocumentPath = [...path, "stages", k];
      if (!EXPRESSION_NAME.test(stage.id))
        build.report(
          [...stagePath, "id"],
          `a stage's id names it in expressions: use letters, digits and _ only, found "${stage.id}"`,
        );
      const clash = seen.get(stage.id);
      if (clash !== undefined)
        build.report(
          [...stagePath, "id"],
          `stage id "${stage.id}" is already used by ${clash}; demand and stage ids must all differ (each stage is a demand)`,
        );
      seen.set(stage.id, `demands[${i}].stages[${k}]`);
      out.push({
        id: stage.id,
        description: stage.description ?? null,
        costToTarget: build.perType(stage.costToTarget, [...stagePath, "costToTarget"]),
        valueToSender: build.quantity(stage.valueToSender, [...stagePath, "valueToSender"]),
        supportPenalty: build.quantity(stage.supportPenalty ?? 0, [...stagePath, "supportPenalty"]),
        ...signals,
        stageOf: d.id,
      });
    });
  });
  return out;
}

function orZero<T>(ref: T | undefined, read: (ref: T) => Quantity): Quantity {
  return ref === undefined ? { kind: "constant", value: 0 } : read(ref);
}
