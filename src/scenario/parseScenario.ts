import { type Document, LineCounter, parseDocument } from "yaml";
import { LinkageError } from "../errors/LinkageError.js";
import { checkYamlDocument, MAX_YAML_ALIASES } from "./checkYamlDocument.js";
import { DEFAULT_LADDER } from "./defaultLadder.js";
import { describeIssue, describeValue } from "./describeIssue.js";
import { parseDynamics } from "./parseDynamics.js";
import { priorProblem, priorRange } from "./priorRange.js";
import type {
  AutomatonSpec,
  ParameterSpec,
  PolicySpec,
  Quantity,
  Scenario,
  SubstituteSpec,
  TargetTypeSpec,
} from "./Scenario.js";
import {
  type DemandDocument,
  type PerTypeValueRef,
  ScenarioDocument,
  type ValueRef,
} from "./scenarioSchema.js";
import { typePriorProblem } from "./typePriorProblem.js";
import {
  type DocumentPath,
  formatPath,
  indexYamlPaths,
  type LineColumn,
  locateInsideScalar,
  locateInYaml,
} from "./yamlLocator.js";

/** Most demands a scenario may have: the target's choices are enumerated (2^n of them). */
export const MAX_DEMANDS = 16;

/** The automaton a policy gets when it names none. */
function defaultAutomaton(
  kind: PolicySpec["kind"],
): NonNullable<ScenarioDocument["policies"][number]["automaton"]> {
  switch (kind) {
    case "unconditional":
      return { kind: "unconditional" };
    case "withhold":
      return { kind: "withhold" };
    case "conditional":
      return { kind: "punish", weeks: 1 };
    case "conditional-escalation":
      return { kind: "ladder" };
  }
}

const POLICY_LABELS: Readonly<Record<PolicySpec["kind"], string>> = {
  unconditional: "unconditional support",
  withhold: "withhold support",
  conditional: "support conditional on the demands",
  "conditional-escalation": "conditional support, escalation on violation",
};

interface Problem {
  readonly path: DocumentPath;
  readonly key?: string | undefined;
  readonly message: string;
  /** For errors inside an expression: the character offset within the expression's text. */
  readonly offset?: number | undefined;
}

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

/** Resolves ids and references, checking the rules zod cannot express. */
function buildScenario(
  doc: ScenarioDocument,
  source: string,
  problems: Problem[],
  locate: (path: DocumentPath) => LineColumn | null,
): Scenario {
  const report = (path: DocumentPath, message: string, key?: string, offset?: number) =>
    problems.push({ path, key, message, offset });

  // parameters
  const parameterIds = Object.keys(doc.parameters);
  const parameterIndex = new Map(parameterIds.map((id, i) => [id, i]));
  const probabilityUses: string[][] = parameterIds.map(() => []);
  const usedInOneShot = new Uint8Array(parameterIds.length);
  let inOneShotSection = true; // quantities read while true belong to the one-shot game
  const parameters = parameterIds.map(
    (id): Omit<ParameterSpec, "probabilityUses" | "usedInOneShot"> => {
      const p = doc.parameters[id]!;
      const path = ["parameters", id];
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(id)) {
        report(
          ["parameters"],
          `expected a parameter id (a letter or _ followed by letters, digits or _), found "${id}"`,
          id,
        );
      }
      let range: [number, number] | null = null;
      if (p.prior) {
        const problem = priorProblem(p.prior);
        if (problem) report([...path, "prior", problem.field], problem.message);
        else {
          range = priorRange(p.prior);
          if (!(p.value >= range[0] && p.value <= range[1])) {
            report(
              [...path, "value"],
              `expected the default to lie within its prior's range [${range[0]}, ${range[1]}], found ${p.value}`,
            );
          }
          if (p.prior.dist === "lognormal" && !(p.value > 0)) {
            report(
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
    },
  );

  const quantity = (ref: ValueRef, path: DocumentPath, probability = false): Quantity => {
    if (typeof ref === "number") {
      if (!Number.isFinite(ref)) report(path, `expected a finite number, found ${ref}`);
      else if (probability && !(ref >= 0 && ref <= 1)) {
        report(path, `expected a probability in [0, 1], found ${ref}`);
      }
      return { kind: "constant", value: ref };
    }
    const index = parameterIndex.get(ref);
    if (index === undefined) {
      const known =
        parameterIds.length > 0
          ? `; declared parameters: ${parameterIds.join(", ")}`
          : "; no parameters are declared";
      report(path, `undefined parameter "${ref}"${known}`);
      return { kind: "constant", value: Number.NaN };
    }
    if (inOneShotSection) usedInOneShot[index] = 1;
    if (probability) {
      const where = formatPath(path);
      probabilityUses[index]!.push(where);
      const p = parameters[index]!;
      if (!(p.value >= 0 && p.value <= 1)) {
        report(
          ["parameters", p.id, "value"],
          `expected a probability in [0, 1] because "${p.id}" is used as one at ${where}, found ${p.value}`,
        );
      } else if (p.range && !(p.range[0] >= 0 && p.range[1] <= 1)) {
        report(
          ["parameters", p.id, "prior"],
          `expected a prior within [0, 1] because "${p.id}" is used as a probability at ${where}, found the range [${p.range[0]}, ${p.range[1]}]`,
        );
      }
    }
    return { kind: "parameter", index };
  };

  const uniqueIds = (items: readonly { id: string }[], path: DocumentPath, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id))
        report([...path, i, "id"], `expected a unique ${what} id, found "${item.id}" again`);
      seen.add(item.id);
    });
  };

  // actors
  const { actors } = doc;
  const typeDocs = actors.target.types;
  uniqueIds(typeDocs, ["actors", "target", "types"], "target type");
  const typeIds = typeDocs.map((t) => t.id);
  const omitted = typeDocs.filter((t) => t.prior === undefined);
  if (omitted.length > 1) {
    report(
      ["actors", "target", "types", typeDocs.indexOf(omitted[1]!)],
      `expected at most one type without a prior (it takes the remainder), found ${omitted.length}: ${omitted.map((t) => t.id).join(", ")}`,
    );
  }
  const types: TargetTypeSpec[] = typeDocs.map((t, i) => ({
    id: t.id,
    prior:
      t.prior === undefined
        ? null
        : quantity(t.prior, ["actors", "target", "types", i, "prior"], true),
    description: t.description ?? null,
  }));

  const perType = (ref: PerTypeValueRef, path: DocumentPath): Quantity[] => {
    if (typeof ref === "number" || typeof ref === "string") {
      const shared = quantity(ref, path);
      return typeIds.map(() => shared);
    }
    for (const key of Object.keys(ref)) {
      if (!typeIds.includes(key)) {
        report(path, `unknown target type "${key}"; expected the types ${typeIds.join(", ")}`, key);
      }
    }
    return typeIds.map((id) => {
      const value = ref[id];
      if (value === undefined) {
        report(
          path,
          `missing a value for target type "${id}": a per-type mapping needs every type (${typeIds.join(", ")})`,
        );
        return { kind: "constant", value: Number.NaN };
      }
      return quantity(value, [...path, id]);
    });
  };

  // inducements
  uniqueIds(doc.inducements, ["inducements"], "inducement");
  const inducementIds = doc.inducements.map((d) => d.id);
  const inducements = doc.inducements.map((d, i) => ({
    id: d.id,
    description: d.description ?? null,
    valueToTarget: quantity(d.valueToTarget, ["inducements", i, "valueToTarget"]),
    costToSender: quantity(d.costToSender, ["inducements", i, "costToSender"]),
    senderStake: quantity(d.senderStake, ["inducements", i, "senderStake"]),
  }));

  uniqueIds(actors.substitutes, ["actors", "substitutes"], "substitute");
  const substitutes: SubstituteSpec[] = actors.substitutes.map((s, i) => {
    const path = ["actors", "substitutes", i];
    const covers = (s.covers ?? inducementIds).map((id, j) => {
      const index = inducementIds.indexOf(id);
      if (index < 0)
        report(
          [...path, "covers", j],
          `unknown inducement "${id}"; expected one of ${inducementIds.join(", ")}`,
        );
      return index;
    });
    return {
      id: s.id,
      name: s.name ?? s.id,
      description: s.description ?? null,
      coverage: quantity(s.coverage, [...path, "coverage"], true),
      covers,
    };
  });
  uniqueIds(actors.spoilers, ["actors", "spoilers"], "spoiler");

  // demands
  if (doc.demands.length > MAX_DEMANDS) {
    report(
      ["demands"],
      `expected at most ${MAX_DEMANDS} demands (the target's choices are enumerated), found ${doc.demands.length}`,
    );
  }
  uniqueIds(doc.demands, ["demands"], "demand");
  const demandIds = doc.demands.map((d) => d.id);
  const demands = doc.demands.map((d: DemandDocument, i) => {
    const path = ["demands", i];
    return {
      id: d.id,
      description: d.description ?? null,
      observable: d.observable,
      costToTarget: perType(d.costToTarget, [...path, "costToTarget"]),
      valueToSender: quantity(d.valueToSender, [...path, "valueToSender"]),
      supportPenalty: quantity(d.supportPenalty ?? 0, [...path, "supportPenalty"]),
      falsePositive: d.observable
        ? ({ kind: "constant", value: 0 } as const)
        : quantity(d.falsePositive, [...path, "falsePositive"], true),
      detection: d.observable
        ? ({ kind: "constant", value: 1 } as const)
        : quantity(d.detection, [...path, "detection"], true),
    };
  });

  // threats
  uniqueIds(doc.threats, ["threats"], "threat");
  const threatIds = doc.threats.map((t) => t.id);
  const threats = doc.threats.map((t, i) => ({
    id: t.id,
    description: t.description ?? null,
    costToTarget: quantity(t.costToTarget, ["threats", i, "costToTarget"]),
    costToSender: quantity(t.costToSender, ["threats", i, "costToSender"]),
    benefitToSender: perType(t.benefitToSender, ["threats", i, "benefitToSender"]),
    sideEffects: quantity(t.sideEffects, ["threats", i, "sideEffects"]),
  }));

  const credibility = {
    reputation: quantity(doc.credibility.reputation, ["credibility", "reputation"]),
    promiseBelief: quantity(doc.credibility.promiseBelief, ["credibility", "promiseBelief"], true),
    threatBelief: quantity(doc.credibility.threatBelief, ["credibility", "threatBelief"], true),
  };

  // policies and their weekly automata (quantities of automata are not part of the one-shot game)
  const automatonSpec = (
    a: ScenarioDocument["policies"][number]["automaton"],
    kind: PolicySpec["kind"],
    path: DocumentPath,
  ): AutomatonSpec => {
    const wasOneShot = inOneShotSection;
    inOneShotSection = false;
    try {
      const spec = a ?? defaultAutomaton(kind);
      switch (spec.kind) {
        case "unconditional":
        case "withhold":
          return { kind: spec.kind };
        case "punish":
          return {
            kind: "punish",
            weeks:
              spec.weeks === "inf"
                ? { kind: "constant", value: Number.POSITIVE_INFINITY }
                : quantity(spec.weeks, [...path, "weeks"]),
          };
        case "ladder": {
          const levels = (spec.levels ?? DEFAULT_LADDER).map((level, i) => ({
            support: quantity(level.support, [...path, "levels", i, "support"], true),
            escalation: quantity(level.escalation, [...path, "levels", i, "escalation"]),
            label: level.label ?? `level ${i}`,
          }));
          const start = spec.start ?? 1;
          if (start >= levels.length) {
            report(
              [...path, "start"],
              `expected a start level below ${levels.length}, found ${start}`,
            );
          }
          return { kind: "ladder", start, levels };
        }
        case "generous-tit-for-tat":
          return {
            kind: spec.kind,
            forgiveness: quantity(spec.forgiveness, [...path, "forgiveness"], true),
          };
      }
    } finally {
      inOneShotSection = wasOneShot;
    }
  };

  // policies
  uniqueIds(doc.policies, ["policies"], "policy");
  const policies: PolicySpec[] = doc.policies.map((p, i) => {
    const path = ["policies", i];
    const conditioned = new Set<number>();
    (p.demands ?? demandIds).forEach((id, j) => {
      const index = demandIds.indexOf(id);
      if (index < 0)
        report(
          [...path, "demands", j],
          `unknown demand "${id}"; expected one of ${demandIds.join(", ")}`,
        );
      conditioned.add(index);
    });
    let threat: number | null = null;
    if (p.kind === "conditional-escalation") {
      if (threatIds.length === 0) {
        report(
          [...path, "kind"],
          "a conditional-escalation policy needs at least one entry under threats",
        );
      } else if (p.threat === undefined) threat = 0;
      else {
        threat = threatIds.indexOf(p.threat);
        if (threat < 0)
          report(
            [...path, "threat"],
            `unknown threat "${p.threat}"; expected one of ${threatIds.join(", ")}`,
          );
      }
    } else if (p.threat !== undefined) {
      report(
        [...path, "threat"],
        `a threat is used only by conditional-escalation policies, found it on a ${p.kind} policy`,
      );
    }
    if (p.demands !== undefined && (p.kind === "unconditional" || p.kind === "withhold")) {
      report(
        [...path, "demands"],
        `an ${p.kind} policy conditions on nothing, so it takes no demands`,
      );
    }
    return {
      id: p.id,
      kind: p.kind,
      oneShot: p.oneShot,
      automaton: automatonSpec(p.automaton, p.kind, [...path, "automaton"]),
      label: p.label ?? POLICY_LABELS[p.kind],
      description: p.description ?? null,
      conditions: demandIds.map(
        (_, j) => p.kind !== "unconditional" && p.kind !== "withhold" && conditioned.has(j),
      ),
      threat,
    };
  });

  inOneShotSection = false;
  const dynamics = doc.dynamics
    ? parseDynamics(doc.dynamics, {
        parameterIds,
        typeIds,
        demandIds,
        observable: demands.map((d) => d.observable),
        demandCosts: demands.map((d) => d.costToTarget),
        falsePositive: demands.map((d) => d.falsePositive),
        detection: demands.map((d) => d.detection),
        quantity,
        perType,
        report,
        locate,
      })
    : null;

  if (!policies.some((p) => p.oneShot)) {
    report(
      ["policies"],
      "expected at least one policy with oneShot: true (the one-shot game needs one)",
    );
  }

  const result: Scenario = {
    id: doc.id,
    title: doc.title ?? doc.id,
    description: doc.description ?? null,
    source,
    parameters: parameters.map((p, i) => ({
      ...p,
      probabilityUses: probabilityUses[i]!,
      usedInOneShot: usedInOneShot[i] === 1,
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
  if (problems.length === 0) {
    const typeProblem = typePriorProblem(
      result,
      result.parameters.map((p) => p.value),
    );
    if (typeProblem) report(["actors", "target", "types"], typeProblem);
  }
  return result;
}
