import type { ActorSpec, Scenario, TargetTypeSpec } from "../Scenario.js";
import type { ScenarioDocument } from "../scenarioSchema.js";
import type { ScenarioBuild } from "./ScenarioBuild.js";

/**
 * The `actors` section's sender, target (with its types, built by `buildTargetTypes`) and
 * spoilers (unique ids); a name defaults to the id. The substitutes are built with the
 * inducements they cover (`buildSubstitutes`).
 */
export function buildActors(
  doc: ScenarioDocument,
  build: ScenarioBuild,
  types: readonly TargetTypeSpec[],
): Pick<Scenario, "sender" | "target" | "spoilers"> {
  const { actors } = doc;
  build.uniqueIds(actors.spoilers, ["actors", "spoilers"], "spoiler");
  return {
    sender: actor(actors.sender),
    target: { ...actor(actors.target), types },
    spoilers: actors.spoilers.map(actor),
  };
}

function actor(a: {
  id: string;
  name?: string | undefined;
  description?: string | undefined;
}): ActorSpec {
  return { id: a.id, name: a.name ?? a.id, description: a.description ?? null };
}
