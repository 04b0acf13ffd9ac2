import { LinkageError } from "../errors/LinkageError.js";
import type { Expression } from "../expression/Expression.js";
import type { ExpressionRandom } from "../expression/ExpressionRandom.js";
import { evaluateExpression } from "../expression/evaluateExpression.js";
import { parseExpression } from "../expression/parseExpression.js";
import type { Scenario } from "../scenario/Scenario.js";

/**
 * Where a scenario's weekly model keeps its self-exciting event process, found from its
 * `hawkes(H, events, n, tau)` state update: the parameters a weekly Hawkes fit maps onto one to
 * one (branching ratio → `branching`, decay time in weeks → `decay`, background rate →
 * `background`).
 */
export interface ScenarioAttackProcess {
  /** The state variable that carries the excitation (the flagship's `H`). */
  readonly excitation: string;
  /** The week value counted as events (the flagship's `attacks`). */
  readonly events: string;
  /** Parameter ids of the branching ratio and the decay time (weeks). */
  readonly branching: string;
  readonly decay: string;
  /** Parameter id of the background rate (the flagship's `lambda0`). */
  readonly background: string;
  /**
   * The background rate (events a week, excitation excluded) at week 0 per unit of the
   * background parameter: the fitted background μ̂ maps to μ̂ / backgroundScale. It is the mean
   * of the events' Poisson draw at the initial state, with no support and no escalation (s = x = 0),
   * every concession and type indicator 0 and H = 0, at the other parameters' defaults.
   */
  readonly backgroundScale: number;
}

/** An ExpressionRandom that refuses: the background rate must not depend on a random draw. */
const NO_RANDOM: ExpressionRandom = new Proxy({} as ExpressionRandom, {
  get() {
    return () => {
      throw new LinkageError(
        "E_SCENARIO",
        "the background rate of the events depends on a random draw: calibration cannot map it to a parameter",
      );
    };
  },
});

/**
 * Finds the event process of a scenario's weekly model and the background parameter the fit
 * maps onto.
 *
 * @param backgroundParameter the background rate's parameter; when omitted, the one parameter
 * that scales the background rate proportionally (doubling it doubles the rate)
 * @throws {LinkageError} E_SCENARIO when the scenario has no dynamics, no `hawkes(...)` state
 * update with parameters as its branching ratio and decay, an events value that is not a
 * `poisson(...)` draw, or no (or several) parameters that scale the background
 */
export function scenarioAttackProcess(
  scenario: Scenario,
  backgroundParameter?: string,
): ScenarioAttackProcess {
  const dynamics = scenario.dynamics;
  const refuse = (message: string) =>
    new LinkageError("E_SCENARIO", `${scenario.source}: ${message}`);
  if (!dynamics) throw refuse("the scenario has no dynamics section: nothing to calibrate");
  const parameterIndex = new Map(scenario.parameters.map((p, i) => [p.id, i]));

  let found: { excitation: string; events: string; branching: string; decay: string } | null = null;
  for (const state of dynamics.state) {
    const ast = parseExpression(state.next.text);
    if (ast.kind !== "call" || ast.callee !== "hawkes") continue;
    const [h, events, n, tau] = ast.args;
    const name = (e: Expression | undefined) => (e?.kind === "name" ? e.name : null);
    const [hName, eventsName, nName, tauName] = [name(h), name(events), name(n), name(tau)];
    if (hName !== state.name || !eventsName) continue;
    if (!nName || !parameterIndex.has(nName) || !tauName || !parameterIndex.has(tauName)) {
      throw refuse(
        `${state.next.path}: calibration maps onto the branching ratio and decay of hawkes(...) only when both are parameters, found "${state.next.text}"`,
      );
    }
    found = { excitation: hName, events: eventsName, branching: nName, decay: tauName };
    break;
  }
  if (!found) {
    throw refuse(
      "no state variable is updated by hawkes(H, events, n, tau): the scenario has no self-exciting event process to calibrate",
    );
  }
  const eventsValue = dynamics.week.find((w) => w.name === found.events);
  const draw = eventsValue ? parseExpression(eventsValue.expression.text) : null;
  if (!eventsValue || draw?.kind !== "call" || draw.callee !== "poisson" || !draw.args[0]) {
    throw refuse(
      `the events counted by hawkes(...), "${found.events}", must be a week value drawn as poisson(rate)`,
    );
  }
  const mean = draw.args[0];
  // parsed once: the background is evaluated at the defaults and once per candidate parameter
  const states = dynamics.state.map((st) => ({
    name: st.name,
    initial: parseExpression(st.initial.text),
  }));
  const weekValues = dynamics.week.map((w) => ({
    name: w.name,
    ast: parseExpression(w.expression.text),
  }));
  const backgroundAt = (values: Float64Array) =>
    weekZeroValue(scenario, states, weekValues, values, mean, eventsValue.name, found.excitation);
  const defaults = Float64Array.from(scenario.parameters, (p) => p.value);
  const base = backgroundAt(defaults);
  if (!(base > 0)) {
    throw refuse(
      `the background rate of "${found.events}" at week 0 is ${base}, expected > 0: calibration cannot map a fitted rate onto it`,
    );
  }
  const scales = (id: string): boolean => {
    const values = Float64Array.from(defaults);
    const i = parameterIndex.get(id)!;
    if (values[i] === 0) return false;
    values[i]! *= 2;
    return Math.abs(backgroundAt(values) / base - 2) < 1e-9;
  };
  let background = backgroundParameter;
  if (background !== undefined) {
    if (!parameterIndex.has(background)) {
      throw refuse(`--background-parameter: "${background}" is not a parameter of the scenario`);
    }
    if (!scales(background)) {
      throw refuse(
        `--background-parameter: "${background}" does not scale the background rate of "${found.events}" proportionally`,
      );
    }
  } else {
    const candidates = scenario.parameters
      .map((p) => p.id)
      .filter((id) => id !== found.branching && id !== found.decay && scales(id));
    if (candidates.length !== 1) {
      throw refuse(
        candidates.length === 0
          ? `no parameter scales the background rate of "${found.events}" proportionally: the fitted background cannot be written back`
          : `several parameters scale the background rate of "${found.events}" (${candidates.join(", ")}): name one with --background-parameter`,
      );
    }
    background = candidates[0]!;
  }
  const value = defaults[parameterIndex.get(background)!]!;
  return { ...found, background, backgroundScale: base / value };
}

/**
 * The mean of the events' draw at week 0: the state at its initial values (H = 0), t = 0, no
 * support or escalation, other week-level names 0, week values evaluated in order up to the
 * events.
 */
function weekZeroValue(
  scenario: Scenario,
  states: readonly { readonly name: string; readonly initial: Expression }[],
  weekValues: readonly { readonly name: string; readonly ast: Expression }[],
  values: Float64Array,
  mean: Expression,
  eventsName: string,
  excitation: string,
): number {
  const env = new Map<string, number>();
  scenario.parameters.forEach((p, i) => {
    env.set(p.id, values[i]!);
  });
  const lookup = (name: string) => env.get(name) ?? 0;
  for (const state of states)
    env.set(state.name, evaluateExpression(state.initial, lookup, NO_RANDOM));
  env.set(excitation, 0);
  env.set("t", 0);
  env.set("s", 0);
  env.set("x", 0);
  for (const week of weekValues) {
    if (week.name === eventsName) break;
    env.set(week.name, evaluateExpression(week.ast, lookup, NO_RANDOM));
  }
  return evaluateExpression(mean, lookup, NO_RANDOM);
}
