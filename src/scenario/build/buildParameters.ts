import { priorProblem, priorRange } from "../priorRange.js";
import type { ScenarioDocument } from "../scenarioSchema.js";
import type { DeclaredParameter, ScenarioBuild } from "./ScenarioBuild.js";

/**
 * The `parameters` section: each id well formed, each prior valid, each default inside its
 * prior's range (and positive for a lognormal prior).
 */
export function buildParameters(doc: ScenarioDocument, build: ScenarioBuild): DeclaredParameter[] {
  return build.parameterIds.map((id): DeclaredParameter => {
    const p = doc.parameters[id]!;
    const path = ["parameters", id];
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(id)) {
      build.report(
        ["parameters"],
        `expected a parameter id (a letter or _ followed by letters, digits or _), found "${id}"`,
        id,
      );
    }
    let range: [number, number] | null = null;
    if (p.prior) {
      const problem = priorProblem(p.prior);
      if (problem) build.report([...path, "prior", problem.field], problem.message);
      else {
        range = priorRange(p.prior);
        if (!(p.value >= range[0] && p.value <= range[1])) {
          build.report(
            [...path, "value"],
            `expected the default to lie within its prior's range [${range[0]}, ${range[1]}], found ${p.value}`,
          );
        }
        if (p.prior.dist === "lognormal" && !(p.value > 0)) {
          build.report(
            [...path, "value"],
            `expected a positive default for a lognormal prior, found ${p.value}`,
          );
        }
      }
    }
    return {
      id,
      value: p.value,
      prior: p.prior ?? null,
      range,
      label: p.label ?? null,
      unit: p.unit ?? null,
      source: p.source ?? null,
    };
  });
}
