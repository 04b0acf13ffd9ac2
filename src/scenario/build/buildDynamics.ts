import { divisibleDemands } from "../divisibleDemands.js";
import { parseDynamics } from "../parseDynamics.js";
import type { DemandSpec, DynamicsSpec } from "../Scenario.js";
import type { ScenarioDocument } from "../scenarioSchema.js";
import type { DocumentPath, LineColumn } from "../yamlLocator.js";
import type { ScenarioBuild } from "./ScenarioBuild.js";

/**
 * The `dynamics` section (the weekly model), checked by `parseDynamics` against the parameters,
 * the target's types and the demands, whose one-shot costs and signal rates are the weekly
 * defaults; `null` when the scenario has none.
 * @param locate - line and column of a path, kept for errors raised during a simulation
 */
export function buildDynamics(
  doc: ScenarioDocument,
  build: ScenarioBuild,
  demands: readonly DemandSpec[],
  locate: (path: DocumentPath) => LineColumn | null,
): DynamicsSpec | null {
  if (!doc.dynamics) return null;
  const backlog = doc.dynamics.target.backlog;
  const stage = backlog ? demands.find((d) => d.id === backlog.demand && d.stageOf !== null) : null;
  if (stage)
    build.report(
      ["dynamics", "target", "backlog", "demand"],
      `"${stage.id}" is a stage of the divisible demand "${stage.stageOf}": a backlog (a demand used up) must be a whole demand`,
    );
  return parseDynamics(doc.dynamics, {
    parameterIds: build.parameterIds,
    typeIds: build.typeIds,
    demandIds: demands.map((d) => d.id),
    divisibleIds: divisibleDemands(demands).map((d) => d.id),
    observable: demands.map((d) => d.observable),
    demandCosts: demands.map((d) => d.costToTarget),
    falsePositive: demands.map((d) => d.falsePositive),
    detection: demands.map((d) => d.detection),
    quantity: build.quantity,
    perType: build.perType,
    report: build.report,
    locate,
  });
}
