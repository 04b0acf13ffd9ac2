import { nameReferences } from "../expression/nameReferences.js";
import { parseExpression } from "../expression/parseExpression.js";
import { divisibleDemands } from "./divisibleDemands.js";
import type { Scenario } from "./Scenario.js";

/**
 * The dynamics' outputs that measure what the target concedes: a mean over the steps of an
 * expression that reads only the target's choices (demand ids, and divisible demands' shares),
 * e.g. `{ mean: alqaeda }` or `{ mean: "fiscal * reserves" }`. The report states what a policy
 * buys through them. In the order the scenario writes them.
 * @example concessionOutputs(jcpoa) // => ["limitsKept"]
 */
export function concessionOutputs(scenario: Scenario): string[] {
  const dynamics = scenario.dynamics;
  if (!dynamics) return [];
  const choices = new Set([
    ...scenario.demands.map((d) => d.id),
    ...divisibleDemands(scenario.demands).map((d) => d.id),
  ]);
  return dynamics.outputs
    .filter((o) => {
      if (o.aggregate !== "mean") return false;
      const names = nameReferences(parseExpression(o.expression.text));
      return names.length > 0 && names.every((r) => choices.has(r.name));
    })
    .map((o) => o.name);
}
