import { type Document, LineCounter, parseDocument, type YAMLError } from "yaml";
import { LinkageError } from "../errors/LinkageError.js";
import { buildScenario } from "./build/buildScenario.js";
import type { Problem } from "./build/ScenarioBuild.js";
import { checkYamlDocument, MAX_YAML_ALIASES } from "./checkYamlDocument.js";
import { describeIssue, describeValue } from "./describeIssue.js";
import type { Scenario } from "./Scenario.js";
import { ScenarioDocument } from "./scenarioSchema.js";
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
    throw yamlSyntaxError(source, lineCounter, document.errors[0]!);
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
  let index: Map<string, number> | null = null;
  const locate = (path: DocumentPath): LineColumn | null => {
    index ??= indexYamlPaths(document);
    const offset = index.get(formatPath(path));
    if (offset === undefined) return null;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const { scenario, problems } = buildScenario(doc, source, locate);
  if (problems.length > 0) fail(problems);
  return scenario;
}

/** A YAML syntax error, located; its line names no path (there is no document to have one). */
function yamlSyntaxError(source: string, lineCounter: LineCounter, error: YAMLError): LinkageError {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const what = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  const message = `invalid YAML: ${what}`;
  const location = { file: source, line, column: col };
  return new LinkageError("E_SCENARIO", `${source}:${line}:${col}: ${message}`, location, {
    issues: [{ path: "(document)", message, location }],
  });
}

/** Every problem located in the file and sorted into document order, as one error. */
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
    message: escapeLineBreaks(p.message),
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

/** Line breaks a message echoes from the file (a key, an id) written `\n`: one issue, one line. */
function escapeLineBreaks(message: string): string {
  return message.replace(/\r/g, "\\r").replace(/\n/g, "\\n");
}
