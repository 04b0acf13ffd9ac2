import { nameReferences } from "../expression/nameReferences.js";
import { parseExpression } from "../expression/parseExpression.js";
import type { Scenario } from "./Scenario.js";

/**
 * Indices of the parameters the weekly simulation reads: named in a dynamics expression, or a
 * quantity of the dynamics section (the target's decision problem, execution, backlog), of a
 * policy's automaton or of the type prior. Found by walking those parts of the checked scenario
 * for parameter quantities (`{ kind: "parameter", index }`) and expression texts.
 *
 * With `output`, only the expressions that output can depend on are walked: its own, the week
 * values and state variables it reads (transitively, each state variable with its initial and
 * next expressions), the target's pressure; the quantities are all kept (they set the
 * target's choices, which reach every state).
 */
export function weeklyParameters(scenario: Scenario, output?: string): number[] {
  const used = new Set<number>();
  const ids = new Map(scenario.parameters.map((p, i) => [p.id, i]));
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (record["kind"] === "parameter" && typeof record["index"] === "number") {
      used.add(record["index"]);
      return;
    }
    if (typeof record["text"] === "string" && typeof record["path"] === "string") {
      for (const ref of nameReferences(parseExpression(record["text"]))) {
        const index = ids.get(ref.name);
        if (index !== undefined) used.add(index);
      }
      return;
    }
    for (const item of Object.values(record)) visit(item);
  };
  const dynamics = scenario.dynamics;
  const spec = output ? dynamics?.outputs.find((o) => o.name === output) : undefined;
  if (dynamics && spec) {
    const definitions = new Map<string, unknown[]>();
    for (const w of dynamics.week) definitions.set(w.name, [w.expression]);
    for (const st of dynamics.state) definitions.set(st.name, [st.initial, st.next]);
    const pending: unknown[] = [spec.expression, dynamics.target.pressure];
    const reached = new Set<string>();
    while (pending.length > 0) {
      const expression = pending.pop() as { text: string } | null;
      if (!expression) continue;
      visit(expression);
      for (const ref of nameReferences(parseExpression(expression.text))) {
        if (reached.has(ref.name)) continue;
        reached.add(ref.name);
        pending.push(...(definitions.get(ref.name) ?? []));
      }
    }
    const { pressure: _pressure, ...quantities } = dynamics.target;
    visit(quantities);
    visit(dynamics.execution);
  } else visit(dynamics);
  visit(scenario.policies.map((p) => p.automaton));
  visit(scenario.target.types);
  return [...used].sort((a, b) => a - b);
}
