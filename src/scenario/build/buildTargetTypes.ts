import type { TargetTypeSpec } from "../Scenario.js";
import type { ScenarioDocument } from "../scenarioSchema.js";
import type { ScenarioBuild } from "./ScenarioBuild.js";

/**
 * The target's types (`actors.target.types`): unique ids, and at most one without a prior (it
 * takes the remainder). Sets the build's type ids, which per-type values need.
 */
export function buildTargetTypes(doc: ScenarioDocument, build: ScenarioBuild): TargetTypeSpec[] {
  const typeDocs = doc.actors.target.types;
  build.uniqueIds(typeDocs, ["actors", "target", "types"], "target type");
  build.typeIds = typeDocs.map((t) => t.id);
  const omitted = typeDocs.filter((t) => t.prior === undefined);
  if (omitted.length > 1) {
    build.report(
      ["actors", "target", "types", typeDocs.indexOf(omitted[1]!)],
      `expected at most one type without a prior (it takes the remainder), found ${omitted.length}: ${omitted.map((t) => t.id).join(", ")}`,
    );
  }
  return typeDocs.map((t, i) => ({
    id: t.id,
    prior:
      t.prior === undefined
        ? null
        : build.quantity(t.prior, ["actors", "target", "types", i, "prior"], true),
    description: t.description ?? null,
  }));
}
