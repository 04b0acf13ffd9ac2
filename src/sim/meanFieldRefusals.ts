import { drawsRandom } from "../expression/drawsRandom.js";
import type { Expression } from "../expression/Expression.js";
import { nameReferences } from "../expression/nameReferences.js";
import { parseExpression } from "../expression/parseExpression.js";
import { divisibleDemands } from "../scenario/divisibleDemands.js";
import type { Scenario } from "../scenario/Scenario.js";

/** Calls that cut a value at a threshold: their result jumps or kinks where the mean does not. */
const THRESHOLD_CALLS = new Set(["floor", "ceil", "min", "max", "clamp", "abs"]);
const THRESHOLD_OPERATORS = new Set(["<", "<=", ">", ">=", "==", "!=", "and", "or"]);

/**
 * The outputs and series the mean field (docs/model.md, "Mean field") refuses, with the reason,
 * keyed by output name or by `series <name>`:
 * - the sender's belief `mu` and everything that reads it, and `sequentialRationality` (judged
 *   on that belief): the mean field does not follow the signal history the belief depends on;
 * - outputs aggregated by `max` (a maximum over weeks is not a mean);
 * - outputs and series whose definition, or a week value it reads, puts a threshold
 *   (comparison, and/or/not, floor, ceil, min, max, clamp, abs, or the condition of if) on
 *   anything a mean-field cell does not fix: the continuous state, a draw, the signal. Within a
 *   cell the automaton state, the backlog level, the week, the type and the choices are fixed,
 *   so thresholds of those (weeks of escalation, `x > 0`) stay exact.
 */
export function meanFieldRefusals(scenario: Scenario): Record<string, string> {
  const dynamics = scenario.dynamics!;
  const fixed = new Set<string>([
    ...scenario.parameters.map((p) => p.id),
    ...scenario.target.types.map((t) => t.id),
    ...scenario.demands.map((d) => d.id),
    ...divisibleDemands(scenario.demands).map((d) => d.id),
    "t",
    // support paid per demand met varies with the signal within a cell
    ...(scenario.policies.some((p) => p.payment === "per-demand") ? [] : ["s"]),
    "x",
  ]);
  const weekAst = new Map<string, Expression>();
  for (const w of dynamics.week) weekAst.set(w.name, parseExpression(w.expression.text));
  // week values in dependency order: fixed when they draw nothing and read only fixed names
  for (const w of dynamics.week) {
    const ast = weekAst.get(w.name)!;
    if (!drawsRandom(ast) && nameReferences(ast).every((r) => fixed.has(r.name))) fixed.add(w.name);
  }
  const memo = new Map<string, string | null>();
  /** Why a definition cannot be approximated, or null. */
  const problem = (ast: Expression, seen: Set<string>): string | null => {
    for (const ref of nameReferences(ast)) {
      if (ref.name === "mu")
        return "it reads the sender's belief μ, which the mean field does not follow";
      const week = weekAst.get(ref.name);
      if (week && !seen.has(ref.name)) {
        if (!memo.has(ref.name)) memo.set(ref.name, problem(week, new Set([...seen, ref.name])));
        const inner = memo.get(ref.name);
        if (inner) return inner;
      }
    }
    const cut = thresholdOnUnfixed(ast, fixed);
    return cut
      ? `it puts a threshold (${cut}) on a quantity that varies within a mean-field cell (the continuous state, a draw or the signal)`
      : null;
  };
  const refused: Record<string, string> = {};
  // what the last step decided (its choices, its week values) is not kept per cell at the end
  const lastStep = new Set([
    ...scenario.demands.map((d) => d.id),
    ...divisibleDemands(scenario.demands).map((d) => d.id),
    ...dynamics.week.map((w) => w.name),
    "violation",
  ]);
  for (const output of dynamics.outputs) {
    if (output.aggregate === "max") {
      refused[output.name] = "a maximum over weeks is not an expected value";
      continue;
    }
    if (
      output.aggregate === "final" &&
      nameReferences(parseExpression(output.expression.text)).some((r) => lastStep.has(r.name))
    ) {
      refused[output.name] =
        "a final value of the last step's choices or values: the mean field keeps only each cell's state at the end";
      continue;
    }
    const why = problem(parseExpression(output.expression.text), new Set());
    if (why) refused[output.name] = why;
  }
  refused["sequentialRationality"] =
    "it is judged on the sender's belief μ, which the mean field does not follow";
  for (const name of dynamics.series) {
    const week = weekAst.get(name);
    const why =
      name === "mu" || name === "violation"
        ? "the mean field does not follow the signal history"
        : week
          ? problem(week, new Set([name]))
          : null;
    if (why) refused[`series ${name}`] = why;
  }
  return refused;
}

/** The first threshold in `ast` with an operand that reads an unfixed name or draws; null if none. */
function thresholdOnUnfixed(ast: Expression, fixed: ReadonlySet<string>): string | null {
  const unfixed = (node: Expression) =>
    drawsRandom(node) || nameReferences(node).some((r) => !fixed.has(r.name));
  switch (ast.kind) {
    case "number":
    case "name":
      return null;
    case "unary":
      if (ast.op === "not" && unfixed(ast.operand)) return "not";
      return thresholdOnUnfixed(ast.operand, fixed);
    case "binary":
      if (THRESHOLD_OPERATORS.has(ast.op) && (unfixed(ast.left) || unfixed(ast.right)))
        return ast.op;
      return thresholdOnUnfixed(ast.left, fixed) ?? thresholdOnUnfixed(ast.right, fixed);
    case "call": {
      if (THRESHOLD_CALLS.has(ast.callee) && ast.args.some(unfixed)) return `${ast.callee}()`;
      if (ast.callee === "if" && unfixed(ast.args[0]!)) return "the condition of if()";
      for (const arg of ast.args) {
        const inner = thresholdOnUnfixed(arg, fixed);
        if (inner) return inner;
      }
      return null;
    }
  }
}
