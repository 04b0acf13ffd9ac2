import {
  type CompiledStep,
  compileExpressions,
  type ExpressionDefinition,
} from "../expression/compileExpressions.js";
import type { Expression } from "../expression/Expression.js";
import { nameReferences } from "../expression/nameReferences.js";
import { parseExpression } from "../expression/parseExpression.js";
import { divisibleDemands } from "../scenario/divisibleDemands.js";
import type { ExpressionSpec, Scenario } from "../scenario/Scenario.js";
import { meanFieldExpression } from "./meanFieldExpression.js";

/**
 * A scenario's dynamics compiled for the weekly engine: every name has a slot in one value
 * vector `v` (Float64Array), and four generated functions update it in place.
 *
 * - `initial(v, rng)`: the state's initial values from the parameters and the run's type;
 * - `week(v, rng)`: the week's values (in dependency order), then the weekly terms of the
 *   `sum`/`mean`/`max` outputs;
 * - `next(v, rng)`: next week's state into separate slots (so every update reads last week's
 *   state), copied over the state by the engine;
 * - `final(v, rng)`: the `final` outputs from the final state and the last week's values.
 *
 * Compiled once per worker and job; the functions are generated from checked syntax trees only.
 */
export interface CompiledSimulation {
  readonly size: number;
  readonly slots: ReadonlyMap<string, number>;
  /** Slot of each scenario parameter, in declaration order. */
  readonly parameterSlots: Int32Array;
  readonly typeSlots: Int32Array;
  readonly demandSlots: Int32Array;
  readonly stateSlots: Int32Array;
  readonly nextSlots: Int32Array;
  readonly outputSlots: Int32Array;
  readonly outputNames: readonly string[];
  readonly outputAggregates: readonly ("sum" | "mean" | "max" | "final")[];
  readonly seriesSlots: Int32Array;
  readonly seriesNames: readonly string[];
  readonly t: number;
  readonly s: number;
  readonly x: number;
  readonly mu: number;
  readonly violation: number;
  /** Slot of the target's pressure this week (1 when the scenario states none). */
  readonly pressure: number;
  /** Slot of the backlog's stock (`dynamics.target.backlog.name`), −1 when there is none. */
  readonly backlog: number;
  /** Writes this week's pressure from the state; null when the scenario states none. */
  readonly pressureStep: CompiledStep | null;
  readonly initial: CompiledStep;
  readonly week: CompiledStep;
  readonly next: CompiledStep;
  readonly final: CompiledStep;
  /**
   * With `meanField`: the week and next steps split by whether a definition depends on the
   * target's choice (a demand or the signal, directly or through week values): the shared
   * parts run once per mean-field cell, the by-choice parts once per choice. Null otherwise.
   */
  readonly split: {
    readonly weekShared: CompiledStep;
    readonly weekByChoice: CompiledStep;
    readonly nextShared: CompiledStep;
    readonly nextByChoice: CompiledStep;
    /** Whether any definition reads the week's `violation` signal. */
    readonly readsViolation: boolean;
  } | null;
  /**
   * Every compiled definition in the order of the four steps (initial, week, next, final), with
   * the expression it came from: index k is what a traced step writes before definition k.
   */
  readonly definitions: readonly CompiledDefinition[];
}

/** One compiled definition: the name it writes and the scenario expression it came from. */
export interface CompiledDefinition {
  readonly name: string;
  readonly expression: ExpressionSpec;
  readonly ast: Expression;
}

const NEXT = "$next:";
const OUT = "$out:";

/**
 * Compiles a scenario's `dynamics` section (already checked by `parseScenario`). With
 * `meanField`, conditions that are probabilities mix their branches (see meanFieldExpression).
 * @throws {Error} when the scenario has no dynamics section (callers check first)
 */
export function compileSimulation(
  scenario: Scenario,
  { meanField = false, trace }: { meanField?: boolean; trace?: Int32Array } = {},
): CompiledSimulation {
  const dynamics = scenario.dynamics;
  if (!dynamics) throw new Error(`scenario ${scenario.id} has no dynamics section`);
  const slots = new Map<string, number>();
  const claim = (name: string): number => {
    const existing = slots.get(name);
    if (existing !== undefined) return existing;
    slots.set(name, slots.size);
    return slots.size - 1;
  };
  const parameterSlots = Int32Array.from(scenario.parameters, (p) => claim(p.id));
  const typeSlots = Int32Array.from(scenario.target.types, (t) => claim(t.id));
  const demandSlots = Int32Array.from(scenario.demands, (d) => claim(d.id));
  const stateSlots = Int32Array.from(dynamics.state, (s) => claim(s.name));
  const nextSlots = Int32Array.from(dynamics.state, (s) => claim(NEXT + s.name));
  const backlogSpec = dynamics.target.backlog;
  const backlog = backlogSpec ? claim(backlogSpec.name) : -1;
  for (const w of dynamics.week) claim(w.name);
  const t = claim("t");
  const s = claim("s");
  const x = claim("x");
  const mu = claim("mu");
  const violation = claim("violation");
  const pressure = claim("pressure");
  const outputSlots = Int32Array.from(dynamics.outputs, (o) => claim(OUT + o.name));

  const definitions: CompiledDefinition[] = [];
  const def = (name: string, expression: ExpressionSpec): ExpressionDefinition => {
    const parsed = parseExpression(expression.text);
    const ast = meanField ? meanFieldExpression(parsed) : parsed;
    definitions.push({ name, expression, ast: parsed });
    return { name, ast };
  };
  /** Compiles one step, traced (for diagnostics) when `trace` is given. */
  const step = (defs: ExpressionDefinition[]): CompiledStep =>
    compileExpressions(
      defs,
      slots,
      trace ? { trace: { at: trace, first: definitions.length - defs.length } } : {},
    );
  // a divisible demand's id is the share of its stages met that week, computed before the week's values
  const shares = divisibleDemands(scenario.demands).map((d) => ({
    name: d.id,
    expression: {
      text: `(${d.stages.map((j) => scenario.demands[j]!.id).join(" + ")}) / ${d.stages.length}`,
      path: `demands.${d.id}.stages`,
    },
  }));
  for (const share of shares) claim(share.name);
  const weekValues = [
    ...shares,
    ...dynamics.week.map((w) => ({ name: w.name, expression: w.expression })),
  ];
  const weekly = dynamics.outputs.filter((o) => o.aggregate !== "final");
  const finals = dynamics.outputs.filter((o) => o.aggregate === "final");
  let split: CompiledSimulation["split"] = null;
  if (meanField) {
    // names whose value depends on the week's choice, in dependency order
    const byChoice = new Set<string>([...scenario.demands.map((d) => d.id), "violation"]);
    // support paid per demand met depends on the choice too
    if (scenario.policies.some((p) => p.payment === "per-demand")) byChoice.add("s");
    const reads = (spec: ExpressionSpec) =>
      nameReferences(parseExpression(spec.text)).some((r) => byChoice.has(r.name));
    for (const w of weekValues) if (reads(w.expression)) byChoice.add(w.name);
    const quiet = (defs: { name: string; expression: ExpressionSpec }[]) =>
      compileExpressions(
        defs.map((d) => ({
          name: d.name,
          ast: meanFieldExpression(parseExpression(d.expression.text)),
        })),
        slots,
      );
    const weekDefs = [
      ...weekValues,
      ...weekly.map((o) => ({ name: OUT + o.name, expression: o.expression })),
    ];
    const nextDefs = dynamics.state.map((st) => ({ name: NEXT + st.name, expression: st.next }));
    const readsViolation = [...weekDefs, ...nextDefs, ...finals].some((d) =>
      nameReferences(parseExpression(d.expression.text)).some((r) => r.name === "violation"),
    );
    split = {
      readsViolation,
      weekShared: quiet(weekDefs.filter((d) => !reads(d.expression))),
      weekByChoice: quiet(weekDefs.filter((d) => reads(d.expression))),
      nextShared: quiet(nextDefs.filter((d) => !reads(d.expression))),
      nextByChoice: quiet(nextDefs.filter((d) => reads(d.expression))),
    };
  }
  return {
    size: slots.size,
    slots,
    parameterSlots,
    typeSlots,
    demandSlots,
    stateSlots,
    nextSlots,
    outputSlots,
    outputNames: dynamics.outputs.map((o) => o.name),
    outputAggregates: dynamics.outputs.map((o) => o.aggregate),
    seriesSlots: Int32Array.from(dynamics.series, (name) => slots.get(name)!),
    seriesNames: dynamics.series,
    t,
    s,
    x,
    mu,
    violation,
    pressure,
    backlog,
    pressureStep: dynamics.target.pressure
      ? step([def("pressure", dynamics.target.pressure)])
      : null,
    initial: step(dynamics.state.map((st) => def(st.name, st.initial))),
    week: step([
      ...weekValues.map((w) => def(w.name, w.expression)),
      ...weekly.map((o) => def(OUT + o.name, o.expression)),
    ]),
    next: step(dynamics.state.map((st) => def(NEXT + st.name, st.next))),
    final: step(finals.map((o) => def(OUT + o.name, o.expression))),
    split,
    definitions,
  };
}
