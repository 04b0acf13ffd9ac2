import type { Scenario } from "../Scenario.js";
import type { ScenarioDocument } from "../scenarioSchema.js";
import { typePriorProblem } from "../typePriorProblem.js";
import type { DocumentPath, LineColumn } from "../yamlLocator.js";
import { buildActors } from "./buildActors.js";
import { buildDemands } from "./buildDemands.js";
import { buildDynamics } from "./buildDynamics.js";
import { buildInducements, buildSubstitutes } from "./buildInducements.js";
import { buildObservations } from "./buildObservations.js";
import { buildParameters } from "./buildParameters.js";
import { buildPolicies, checkOneShotPolicies } from "./buildPolicies.js";
import { buildSources } from "./buildSources.js";
import { buildTargetTypes } from "./buildTargetTypes.js";
import { buildCredibility, buildThreats } from "./buildThreats.js";
import { type Problem, ScenarioBuild } from "./ScenarioBuild.js";

/**
 * Builds a {@link Scenario} from a document that passed the schema: resolves ids and parameter
 * references and checks the rules zod cannot express, one section at a time (the sections read
 * quantities through one {@link ScenarioBuild}, which records which parameters the one-shot game
 * uses). Problems are collected, not thrown, so every one of them is found in one pass.
 * @param locate - line and column of a path, kept in the dynamics for errors raised later
 * @returns the scenario, meaningful only when `problems` is empty
 */
export function buildScenario(
  doc: ScenarioDocument,
  source: string,
  locate: (path: DocumentPath) => LineColumn | null,
): { scenario: Scenario; problems: readonly Problem[] } {
  const build = new ScenarioBuild(Object.keys(doc.parameters));
  const declared = buildParameters(doc, build);
  build.declare(declared);
  const types = buildTargetTypes(doc, build);
  const inducements = buildInducements(doc, build);
  const substitutes = buildSubstitutes(
    doc,
    build,
    inducements.map((d) => d.id),
  );
  const { sender, target, spoilers } = buildActors(doc, build, types);
  const demands = buildDemands(doc, build);
  const threats = buildThreats(doc, build);
  const credibility = buildCredibility(doc, build);
  const policies = buildPolicies(
    doc,
    build,
    demands,
    threats.map((t) => t.id),
  );
  build.leaveOneShot();
  const dynamics = buildDynamics(doc, build, demands, locate);
  checkOneShotPolicies(policies, build);
  const sources = buildSources(doc, build);
  const observations = buildObservations(doc, build, sources);

  const scenario: Scenario = {
    id: doc.id,
    title: doc.title ?? doc.id,
    description: doc.description ?? null,
    source,
    parameters: declared.map((p, i) => ({
      ...p,
      probabilityUses: build.probabilityUses[i]!,
      usedInOneShot: build.usedInOneShot[i] === 1,
    })),
    sender,
    target,
    substitutes,
    spoilers,
    inducements,
    demands,
    threats,
    credibility,
    policies,
    dynamics,
    sources,
    observations,
  };
  // the priors' sum needs every quantity resolved
  if (build.problems.length === 0) {
    const typeProblem = typePriorProblem(
      scenario,
      scenario.parameters.map((p) => p.value),
    );
    if (typeProblem) build.report(["actors", "target", "types"], typeProblem);
  }
  return { scenario, problems: build.problems };
}
