import { LinkageError } from "../errors/LinkageError.js";
import { evaluateExpression } from "../expression/evaluateExpression.js";
import { parseExpression } from "../expression/parseExpression.js";
import type { Scenario } from "../scenario/Scenario.js";
import { expectedValueRandom } from "./expectedValueRandom.js";

/**
 * The scenario's stated effective branching ratio of its attack process
 * (`dynamics.branchingRatio`, an expression of the parameters) as a function of parameter
 * values; null when the scenario states none. The expression draws no random numbers (checked
 * when the scenario is read).
 */
export function branchingRatioOf(
  scenario: Scenario,
): ((values: ArrayLike<number>) => number) | null {
  const spec = scenario.dynamics?.branchingRatio;
  if (!spec) return null;
  const ast = parseExpression(spec.text);
  const index = new Map(scenario.parameters.map((p, i) => [p.id, i]));
  return (values) =>
    evaluateExpression(ast, (name) => values[index.get(name)!]!, expectedValueRandom);
}

/**
 * Refuses parameter values at which the attack process is explosive: effective branching ratio
 * ≥ 1 (or not a number), so that expected attacks grow without bound (docs/model.md, "Stability
 * of self-excitation"). The message names the scenario line of `dynamics.branchingRatio`.
 * @throws {LinkageError} E_INPUT when the ratio is ≥ 1 or NaN
 */
export function assertStableProcess(
  scenario: Scenario,
  values: ArrayLike<number>,
  what: string,
): void {
  const ratio = branchingRatioOf(scenario)?.(values);
  if (ratio === undefined || ratio < 1) return;
  const spec = scenario.dynamics!.branchingRatio!;
  const place =
    spec.line !== undefined ? `${scenario.source}:${spec.line}:${spec.column}` : scenario.source;
  throw new LinkageError(
    "E_INPUT",
    `${place}: ${spec.path}: the attack process is explosive at ${what}: its effective branching ratio ${JSON.stringify(spec.text)} is ${ratio} (must be below 1; each attack would beget on average at least one more, without bound)`,
  );
}
