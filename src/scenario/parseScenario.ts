import { type Document, LineCounter, parseDocument } from "yaml";
import { LinkageError } from "../errors/LinkageError.js";
import { buildDemands } from "./build/buildDemands.js";
import { buildInducements, buildSubstitutes } from "./build/buildInducements.js";
import { buildParameters } from "./build/buildParameters.js";
import { buildPolicies, checkOneShotPolicies } from "./build/buildPolicies.js";
import { buildTargetTypes } from "./build/buildTargetTypes.js";
import { buildCredibility, buildThreats } from "./build/buildThreats.js";
import { type Problem, ScenarioBuild } from "./build/ScenarioBuild.js";
import { checkYamlDocument, MAX_YAML_ALIASES } from "./checkYamlDocument.js";
import { describeIssue, describeValue } from "./describeIssue.js";
import { parseDynamics } from "./parseDynamics.js";
import type { Scenario } from "./Scenario.js";
import { ScenarioDocument } from "./scenarioSchema.js";
import { typePriorProblem } from "./typePriorProblem.js";
import {
  type DocumentPath,
  formatPath,
  indexYamlPaths,
  type LineColumn,
  locateInsideScalar,
  locateInYaml,
} from "./yamlLocator.js";

export { MAX_DEMANDS } from "./build/buildDemands.js";

/**
 * Parses and checks a scenario written in the scenario language (YAML), returning a
 * {@link Scenario} whose ids and parameter references are resolved.
 *
 * Every problem is reported as `FILE:LINE:COLUMN: PATH: what was found and what was expected`;
 * all of them at once, in document order: the error's `issues` list them, its message has one
 * line per issue.
 *
 * @param text - the YAML source
 * @param source - the file name used in messages
 * @throws {LinkageError} E_SCENARIO for broken YAML or a scenario that breaks a rule
 */
export function parseScenario(text: string, source = "<string>"): Scenario {
  const lineCounter = new LineCounter();
  // uniqueKeys is checked by checkYamlDocument in linear time (the parser's check is quadratic)
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const fail = (problems: readonly Problem[]): never => {
    throw locatedError(source, document, lineCounter, problems);
  };
  if (document.errors.length > 0) {
    // the first syntax error only: the parser's later ones are mostly its consequences
    const issues = document.errors.slice(0, 1).map((yamlError) => {
      const { line, col } = lineCounter.linePos(yamlError.pos[0]);
      const what = yamlError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
      return {
        path: "(document)",
        message: `invalid YAML: ${what}`,
        location: { file: source, line, column: col },
      };
    });
    throw new LinkageError(
      "E_SCENARIO",
      issues
        .map((i) => `${source}:${i.location.line}:${i.location.column}: ${i.message}`)
        .join("\n"),
      issues[0]!.location,
      { issues },
    );
  }
  const yamlProblems = checkYamlDocument(document);
  if (yamlProblems.length > 0) fail(yamlProblems);
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // an alias without its anchor, or one that expands too far
    fail([{ path: [], message: `invalid YAML: ${(error as Error).message}` }]);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    fail([
      {
        path: [],
        message: `expected a mapping with the scenario's sections, found ${describeValue(data)}`,
      },
    ]);
  }
  const parsed = ScenarioDocument.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    fail(parsed.error.issues.map((issue) => describeIssue(issue, ScenarioDocument)));
  }
  const doc = (parsed as { data: ScenarioDocument }).data;
  const problems: Problem[] = [];
  let index: Map<string, number> | null = null;
  const locate = (path: DocumentPath): LineColumn | null => {
    index ??= indexYamlPaths(document);
    const offset = index.get(formatPath(path));
    if (offset === undefined) return null;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const scenario = buildScenario(doc, source, problems, locate);
  if (problems.length > 0) fail(problems);
  return scenario;
}

function locatedError(
  source: string,
  document: Document,
  lineCounter: LineCounter,
  problems: readonly Problem[],
): LinkageError {
  const located = problems.map((p) => ({
    ...p,
    at:
      p.offset === undefined
        ? locateInYaml(document, lineCounter, p.path, p.key)
        : locateInsideScalar(document, lineCounter, p.path, p.offset),
  }));
  located.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  const issues = located.map((p) => ({
    path: formatPath(p.path),
    message: p.message,
    location: { file: source, line: p.at.line, column: p.at.column },
  }));
  const first = issues[0]!;
  return new LinkageError(
    "E_SCENARIO",
    issues
      .map((i) => `${source}:${i.location.line}:${i.location.column}: ${i.path}: ${i.message}`)
      .join("\n"),
    first.location,
    { issues },
  );
}

/** Resolves ids and references, checking the rules zod cannot express, one section at a time. */
function buildScenario(
  doc: ScenarioDocument,
  source: string,
  problems: Problem[],
  locate: (path: DocumentPath) => LineColumn | null,
): Scenario {
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
  build.uniqueIds(doc.actors.spoilers, ["actors", "spoilers"], "spoiler");
  const demands = buildDemands(doc, build);
  const threats = buildThreats(doc, build);
  const credibility = buildCredibility(doc, build);
  const demandIds = demands.map((d) => d.id);
  const policies = buildPolicies(
    doc,
    build,
    demandIds,
    threats.map((t) => t.id),
  );
  build.leaveOneShot();
  const dynamics = doc.dynamics
    ? parseDynamics(doc.dynamics, {
        parameterIds: build.parameterIds,
        typeIds: build.typeIds,
        demandIds,
        observable: demands.map((d) => d.observable),
        demandCosts: demands.map((d) => d.costToTarget),
        falsePositive: demands.map((d) => d.falsePositive),
        detection: demands.map((d) => d.detection),
        quantity: build.quantity,
        perType: build.perType,
        report: build.report,
        locate,
      })
    : null;
  checkOneShotPolicies(policies, build);

  const { actors } = doc;
  const result: Scenario = {
    id: doc.id,
    title: doc.title ?? doc.id,
    description: doc.description ?? null,
    source,
    parameters: declared.map((p, i) => ({
      ...p,
      probabilityUses: build.probabilityUses[i]!,
      usedInOneShot: build.usedInOneShot[i] === 1,
    })),
    sender: {
      id: actors.sender.id,
      name: actors.sender.name ?? actors.sender.id,
      description: actors.sender.description ?? null,
    },
    target: {
      id: actors.target.id,
      name: actors.target.name ?? actors.target.id,
      description: actors.target.description ?? null,
      types,
    },
    substitutes,
    spoilers: actors.spoilers.map((s) => ({
      id: s.id,
      name: s.name ?? s.id,
      description: s.description ?? null,
    })),
    inducements,
    demands,
    threats,
    credibility,
    policies,
    dynamics,
  };
  if (build.problems.length === 0) {
    const typeProblem = typePriorProblem(
      result,
      result.parameters.map((p) => p.value),
    );
    if (typeProblem) build.report(["actors", "target", "types"], typeProblem);
  }
  problems.push(...build.problems);
  return result;
}
