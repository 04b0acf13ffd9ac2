import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";
import { quantityValue } from "./parameterValues.js";
import type { Scenario } from "./types.js";

/**
 * Builds the one-shot game CLG-1 (MODEL.md §2) of a scenario for given parameter values.
 *
 * Substitutes erode the carrot: inducement i is worth G0_i·(1 − σ_i) to the target, where
 * σ_i = 1 − Π_k (1 − coverage_k) over the providers k that cover it (independent coverage).
 * The type whose prior is omitted takes the remainder.
 */
export function compileLeverageGame(scenario: Scenario, values: ArrayLike<number>): LeverageGame {
  const v = (q: Parameters<typeof quantityValue>[0]) => quantityValue(q, values);
  const types = scenario.target.types;
  const nTypes = types.length;
  const nDemands = scenario.demands.length;

  const typePrior = new Float64Array(nTypes);
  let given = 0;
  let remainder = -1;
  types.forEach((t, i) => {
    if (t.prior === null) remainder = i;
    else {
      typePrior[i] = v(t.prior);
      given += typePrior[i]!;
    }
  });
  if (remainder >= 0) typePrior[remainder] = Math.max(0, 1 - given);

  const demandCost = new Float64Array(nTypes * nDemands);
  scenario.demands.forEach((d, j) => {
    for (let t = 0; t < nTypes; t++) demandCost[t * nDemands + j] = v(d.costToTarget[t]!);
  });

  let carrot = 0;
  let supportNet = 0;
  scenario.inducements.forEach((ind, i) => {
    let uncovered = 1;
    for (const s of scenario.substitutes) if (s.covers.includes(i)) uncovered *= 1 - v(s.coverage);
    carrot += v(ind.valueToTarget) * uncovered;
    supportNet += v(ind.senderStake) - v(ind.costToSender);
  });

  const policies: LeveragePolicy[] = scenario.policies
    .filter((p) => p.oneShot)
    .map((p) => {
      const threat = p.threat === null ? null : scenario.threats[p.threat]!;
      return {
        id: p.id,
        label: p.label,
        kind: p.kind,
        conditions: p.conditions,
        escalation: threat && {
          id: threat.id,
          costToTarget: v(threat.costToTarget),
          costToSender: v(threat.costToSender),
          sideEffects: v(threat.sideEffects),
          benefit: Float64Array.from(threat.benefitToSender, v),
        },
      };
    });

  return {
    typeIds: types.map((t) => t.id),
    demandIds: scenario.demands.map((d) => d.id),
    typePrior,
    demandCost,
    demandValue: Float64Array.from(scenario.demands, (d) => v(d.valueToSender)),
    supportPenalty: Float64Array.from(scenario.demands, (d) => v(d.supportPenalty)),
    observable: scenario.demands.map((d) => d.observable),
    falsePositive: Float64Array.from(scenario.demands, (d) => v(d.falsePositive)),
    detection: Float64Array.from(scenario.demands, (d) => v(d.detection)),
    carrot,
    supportNet,
    promiseBelief: v(scenario.credibility.promiseBelief),
    threatBelief: v(scenario.credibility.threatBelief),
    reputation: v(scenario.credibility.reputation),
    policies,
  };
}
