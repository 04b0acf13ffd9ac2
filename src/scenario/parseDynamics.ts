import { checkExpression } from "../expression/checkExpression.js";
import { drawsRandom } from "../expression/drawsRandom.js";
import type { Expression } from "../expression/Expression.js";
import { ExpressionError } from "../expression/ExpressionError.js";
import { orderDefinitions } from "../expression/orderDefinitions.js";
import { parseExpression } from "../expression/parseExpression.js";
import type {
  BacklogSpec,
  DynamicsSpec,
  ExpressionSpec,
  OutputWords,
  Quantity,
} from "./Scenario.js";
import type { DynamicsDocument, PerTypeValueRef, ValueRef } from "./scenarioSchema.js";
import { timeStep } from "./timeStep.js";
import { type DocumentPath, formatPath, type LineColumn } from "./yamlLocator.js";

/** Names every dynamics expression may use besides parameters, state, week values, choices and types. */
export const RESERVED_NAMES = ["t", "s", "x", "mu", "violation", "pressure"] as const;

/** The horizon when a scenario gives neither `steps` nor `weeks`. */
export const DEFAULT_STEPS = 52;

/** An output's or series' words with the absent ones left out (exactOptionalPropertyTypes). */
function outputWords(words: {
  label?: string | undefined;
  unit?: string | undefined;
  description?: string | undefined;
}): OutputWords {
  return {
    ...(words.label === undefined ? {} : { label: words.label }),
    ...(words.unit === undefined ? {} : { unit: words.unit }),
    ...(words.description === undefined ? {} : { description: words.description }),
  };
}

/** What `parseDynamics` needs from the rest of the scenario. */
export interface DynamicsContext {
  readonly parameterIds: readonly string[];
  readonly typeIds: readonly string[];
  readonly demandIds: readonly string[];
  /** Ids of the divisible demands: each names the share of its stages met that week. */
  readonly divisibleIds: readonly string[];
  readonly observable: readonly boolean[];
  /** The one-shot costs and signal rates, the defaults for the weekly ones. */
  readonly demandCosts: readonly (readonly Quantity[])[];
  readonly falsePositive: readonly Quantity[];
  readonly detection: readonly Quantity[];
  readonly quantity: (ref: ValueRef, path: DocumentPath, probability?: boolean) => Quantity;
  readonly perType: (ref: PerTypeValueRef, path: DocumentPath) => Quantity[];
  readonly report: (path: DocumentPath, message: string, key?: string, offset?: number) => void;
  /** Line and column of a path in the file, for messages raised later (during a simulation). */
  readonly locate?: (path: DocumentPath) => LineColumn | null;
}

/**
 * Checks a scenario's `dynamics` section: name clashes, the target's weekly decision problem,
 * every expression (syntax, known names and functions, arity, literal division by zero) and the
 * order of the week's values (no cycles). Problems are reported with the offset inside the
 * expression, so the loader can give the line and column in the file.
 */
export function parseDynamics(doc: DynamicsDocument, ctx: DynamicsContext): DynamicsSpec {
  const base = ["dynamics"];
  const backlogName = doc.target.backlog?.name;
  const stateNames = Object.keys(doc.state);
  const weekNames = Object.keys(doc.week);

  // every kind of name must be distinct from the others
  const owner = new Map<string, string>();
  const claim = (names: readonly string[], kind: string, path: DocumentPath) => {
    for (const name of names) {
      const previous = owner.get(name);
      if (previous) {
        ctx.report(
          path,
          `"${name}" is already a ${previous}; a ${kind} needs a name of its own`,
          name,
        );
      } else owner.set(name, kind);
    }
  };
  claim(RESERVED_NAMES, "built-in name", base);
  claim(ctx.parameterIds, "parameter", ["parameters"]);
  claim(ctx.typeIds, "target type", ["actors", "target", "types"]);
  claim(ctx.demandIds, "demand", ["demands"]);
  claim(ctx.divisibleIds, "divisible demand", ["demands"]);
  claim(stateNames, "state variable", [...base, "state"]);
  if (backlogName) claim([backlogName], "state variable", [...base, "target", "backlog", "name"]);
  claim(weekNames, "week value", [...base, "week"]);
  for (const name of [...stateNames, ...weekNames]) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      ctx.report(
        [...base, stateNames.includes(name) ? "state" : "week"],
        `"${name}" is not a valid name: use letters, digits and _`,
        name,
      );
    }
  }

  const initialNames = new Set([...ctx.parameterIds, ...ctx.typeIds]);
  const allStateNames = backlogName ? [...stateNames, backlogName] : stateNames;
  const weeklyNames = new Set([
    ...initialNames,
    ...ctx.demandIds,
    ...ctx.divisibleIds,
    ...allStateNames,
    ...weekNames,
    ...RESERVED_NAMES,
  ]);
  /** What the target knows before it chooses: no week values, choices, signal or type. */
  const pressureNames = new Set([...ctx.parameterIds, ...allStateNames, "t", "s", "x", "mu"]);
  const parsed = new Map<string, Expression>();
  const expression = (
    text: string | number,
    path: DocumentPath,
    names: ReadonlySet<string>,
  ): ExpressionSpec => {
    const source = String(text);
    const where = formatPath(path);
    try {
      const ast = parseExpression(source);
      checkExpression(ast, { names });
      parsed.set(where, ast);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      ctx.report(
        path,
        error.message,
        undefined,
        typeof text === "string" ? error.offset : undefined,
      );
    }
    const at = ctx.locate?.(path);
    return at
      ? { text: source, path: where, line: at.line, column: at.column }
      : { text: source, path: where };
  };

  /** An expression that must not draw random numbers (evaluated outside the week's draws). */
  const pureExpression = (
    text: string | number,
    path: DocumentPath,
    names: Iterable<string> = pressureNames,
  ): ExpressionSpec => {
    const spec = expression(text, path, new Set(names));
    const ast = parsed.get(spec.path);
    if (ast && drawsRandom(ast)) ctx.report(path, "must not draw random numbers");
    return spec;
  };

  // the target's weekly decision problem
  const t = doc.target;
  const tp = [...base, "target"];
  /** The index of demand `id` named as a key of `section`; −1, reported, when there is none. */
  const demandIndex = (id: string, section: "costs" | "signals"): number => {
    const j = ctx.demandIds.indexOf(id);
    if (j < 0)
      ctx.report(
        [...tp, section],
        ctx.divisibleIds.includes(id)
          ? `"${id}" is a divisible demand: give its ${section} per stage (one of ${ctx.demandIds.join(", ")})`
          : `unknown demand "${id}"; expected one of ${ctx.demandIds.join(", ")}`,
        id,
      );
    return j;
  };
  const costs = ctx.demandIds.map((_, j) => ctx.demandCosts[j]!);
  for (const [id, ref] of Object.entries(t.costs)) {
    const j = demandIndex(id, "costs");
    if (j >= 0) costs[j] = ctx.perType(ref, [...tp, "costs", id]);
  }
  const falsePositive = [...ctx.falsePositive];
  const detection = [...ctx.detection];
  for (const [id, rates] of Object.entries(t.signals)) {
    const j = demandIndex(id, "signals");
    if (j < 0) continue;
    if (ctx.observable[j]) {
      ctx.report([...tp, "signals"], `demand "${id}" is observable: it has no signal rates`, id);
    } else {
      falsePositive[j] = ctx.quantity(
        rates.falsePositive,
        [...tp, "signals", id, "falsePositive"],
        true,
      );
      detection[j] = ctx.quantity(rates.detection, [...tp, "signals", id, "detection"], true);
    }
  }
  let backlog: BacklogSpec | null = null;
  if (t.backlog) {
    const bp = [...tp, "backlog"];
    const j = ctx.demandIds.indexOf(t.backlog.demand);
    if (j < 0) {
      ctx.report(
        [...bp, "demand"],
        `unknown demand "${t.backlog.demand}"; expected one of ${ctx.demandIds.join(", ")}`,
      );
    } else if (!ctx.observable[j]) {
      ctx.report(
        [...bp, "demand"],
        `demand "${t.backlog.demand}" is hidden; only an observable demand can have a backlog (the sender must see it being met)`,
      );
    }
    backlog = {
      demand: j,
      name: t.backlog.name,
      initial: ctx.quantity(t.backlog.initial, [...bp, "initial"]),
      conceded: ctx.quantity(t.backlog.conceded, [...bp, "conceded"]),
      otherwise: ctx.quantity(t.backlog.otherwise, [...bp, "otherwise"]),
    };
  }
  const rationality: Quantity =
    t.rationality === "inf"
      ? { kind: "constant", value: Number.POSITIVE_INFINITY }
      : ctx.quantity(t.rationality, [...tp, "rationality"]);

  // expressions
  const state = stateNames.map((name) => {
    const spec = doc.state[name]!;
    return {
      name,
      initial: expression(spec.initial, [...base, "state", name, "initial"], initialNames),
      next: expression(spec.next, [...base, "state", name, "next"], weeklyNames),
    };
  });
  const weekSpecs = weekNames.map((name) => ({
    name,
    expression: expression(doc.week[name]!, [...base, "week", name], weeklyNames),
  }));
  let week = weekSpecs;
  const definitions = weekSpecs.flatMap((w) => {
    const ast = parsed.get(w.expression.path);
    return ast ? [{ name: w.name, ast }] : [];
  });
  if (definitions.length === weekSpecs.length) {
    try {
      const order = orderDefinitions(definitions, { sameStepNames: new Set(weekNames) });
      week = order.map((name) => weekSpecs.find((w) => w.name === name)!);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      ctx.report(
        [...base, "week", error.definition ?? weekNames[0]!],
        error.message,
        undefined,
        error.offset,
      );
    }
  }
  const outputs = Object.entries(doc.outputs).map(([name, spec]) => {
    const { label, unit, description, ...rule } = spec;
    const [aggregate, text] = Object.entries(rule)[0]! as [
      "sum" | "mean" | "max" | "final",
      string,
    ];
    return {
      name,
      aggregate,
      expression: expression(text, [...base, "outputs", name, aggregate], weeklyNames),
      ...outputWords({ label, unit, description }),
    };
  });
  const seriesList = doc.series.map((entry) => (typeof entry === "string" ? entry : entry.name));
  const seriesWords = doc.series.map((entry) =>
    typeof entry === "string" ? {} : outputWords(entry),
  );
  const seriesNames = new Set([
    ...allStateNames,
    ...weekNames,
    ...ctx.demandIds,
    ...ctx.divisibleIds,
    ...RESERVED_NAMES,
  ]);
  seriesList.forEach((name, i) => {
    if (!seriesNames.has(name)) {
      ctx.report(
        typeof doc.series[i] === "string" ? [...base, "series", i] : [...base, "series", i, "name"],
        `unknown series "${name}"; expected a state variable, a week value, a demand or one of ${RESERVED_NAMES.join(", ")}`,
      );
    }
  });

  const senderCosts = Object.entries(doc.senderCosts).flatMap(([name, weight]) => {
    const path = [...base, "senderCosts", name];
    const output = outputs.findIndex((o) => o.name === name);
    if (output < 0) {
      ctx.report(
        path,
        `unknown output "${name}"; expected one of the dynamics' outputs: ${outputs.map((o) => o.name).join(", ")}`,
      );
      return [];
    }
    if (outputs[output]!.aggregate !== "sum") {
      ctx.report(
        path,
        `output "${name}" is a ${outputs[output]!.aggregate}; a sender cost counts a sum over the weeks`,
      );
      return [];
    }
    return [{ output, weight: ctx.quantity(weight, path) }];
  });
  if (senderCosts.length > 0 && !outputs.some((o) => o.name === "senderUtility")) {
    ctx.report(
      [...base, "senderCosts"],
      "sender costs are subtracted from the output senderUtility, which the dynamics do not define",
    );
  }
  const costNames = new Set(senderCosts.map((c) => `${outputs[c.output]!.name}Cost`));
  for (const o of outputs) {
    if (costNames.has(o.name)) {
      ctx.report(
        [...base, "outputs", o.name],
        `the output name "${o.name}" is taken by the sender cost of "${o.name.slice(0, -4)}"`,
      );
    }
  }

  if (doc.steps !== undefined && doc.weeks !== undefined) {
    ctx.report(
      [...base, "weeks"],
      "expected the horizon once: steps or weeks (its older name), not both",
      "weeks",
    );
  }

  return {
    weeks: doc.steps ?? doc.weeks ?? DEFAULT_STEPS,
    step: timeStep(doc.step),
    target: {
      discount: ctx.quantity(t.discount, [...tp, "discount"], true),
      rationality,
      supportValue: ctx.quantity(t.supportValue, [...tp, "supportValue"]),
      escalationCost: ctx.quantity(t.escalationCost, [...tp, "escalationCost"]),
      costs,
      falsePositive,
      detection,
      substitution:
        t.substitution === undefined
          ? { kind: "constant", value: 0 }
          : ctx.quantity(t.substitution, [...tp, "substitution"], true),
      pressure: t.pressure === undefined ? null : pureExpression(t.pressure, [...tp, "pressure"]),
      backlog,
    },
    execution: {
      probability: ctx.quantity(
        doc.execution.probability,
        [...base, "execution", "probability"],
        true,
      ),
      believed: ctx.quantity(doc.execution.believed, [...base, "execution", "believed"], true),
    },
    state,
    week,
    outputs,
    series: seriesList,
    seriesWords,
    senderCosts,
    branchingRatio:
      doc.branchingRatio === undefined
        ? null
        : pureExpression(doc.branchingRatio, [...base, "branchingRatio"], ctx.parameterIds),
  };
}
