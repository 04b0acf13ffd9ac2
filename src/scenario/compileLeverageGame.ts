import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";
import { quantityValue } from "./quantityValue.js";
import type { Quantity, Scenario } from "./Scenario.js";

/**
 * Builds the one-shot game CLG-1 (MODEL.md §2) of a scenario for given parameter values.
 *
 * Substitutes erode the carrot: inducement i is worth G0_i·(1 − σ_i) to the target, where
 * σ_i = 1 − Π_k (1 − coverage_k) over the providers k that cover it (independent coverage).
 * The type whose prior is omitted takes the remainder.
 */
export function compileLeverageGame(scenario: Scenario, values: ArrayLike<number>): LeverageGame {
  const shape = shapeOf(scenario);
  const v = (q: Quantity) => quantityValue(q, values);
  const types = scenario.target.types;
  const nTypes = types.length;
  const demands = scenario.demands;
  const nDemands = demands.length;

  const typePrior = new Float64Array(nTypes);
  let given = 0;
  let remainder = -1;
  for (let i = 0; i < nTypes; i++) {
    const prior = types[i]!.prior;
    if (prior === null) remainder = i;
    else {
      typePrior[i] = v(prior);
      given += typePrior[i]!;
    }
  }
  if (remainder >= 0) typePrior[remainder] = Math.max(0, 1 - given);

  const demandCost = new Float64Array(nTypes * nDemands);
  const demandValue = new Float64Array(nDemands);
  const supportPenalty = new Float64Array(nDemands);
  const falsePositive = new Float64Array(nDemands);
  const detection = new Float64Array(nDemands);
  for (let j = 0; j < nDemands; j++) {
    const d = demands[j]!;
    for (let t = 0; t < nTypes; t++) demandCost[t * nDemands + j] = v(d.costToTarget[t]!);
    demandValue[j] = v(d.valueToSender);
    supportPenalty[j] = v(d.supportPenalty);
    falsePositive[j] = v(d.falsePositive);
    detection[j] = v(d.detection);
  }

  let carrot = 0;
  let supportNet = 0;
  scenario.inducements.forEach((ind, i) => {
    let uncovered = 1;
    for (const s of scenario.substitutes) if (s.covers.includes(i)) uncovered *= 1 - v(s.coverage);
    carrot += v(ind.valueToTarget) * uncovered;
    supportNet += v(ind.senderStake) - v(ind.costToSender);
  });

  const policies: LeveragePolicy[] = shape.policies.map((p) => {
    const threat = p.threat === null ? null : scenario.threats[p.threat]!;
    if (!threat) return p.base;
    const benefit = new Float64Array(nTypes);
    for (let t = 0; t < nTypes; t++) benefit[t] = v(threat.benefitToSender[t]!);
    return {
      ...p.base,
      escalation: {
        id: threat.id,
        costToTarget: v(threat.costToTarget),
        costToSender: v(threat.costToSender),
        sideEffects: v(threat.sideEffects),
        benefit,
      },
    };
  });

  return {
    typeIds: shape.typeIds,
    demandIds: shape.demandIds,
    typePrior,
    demandCost,
    demandValue,
    supportPenalty,
    observable: shape.observable,
    falsePositive,
    detection,
    carrot,
    supportNet,
    beliefs: scenario.credibility.beliefs,
    resolutePrior: v(scenario.credibility.resolute),
    promiseBelief: v(scenario.credibility.promiseBelief),
    threatBelief: v(scenario.credibility.threatBelief),
    reputation: v(scenario.credibility.reputation),
    policies,
  };
}

/** The parts of the game that do not depend on parameter values, computed once per scenario. */
interface Shape {
  readonly typeIds: readonly string[];
  readonly demandIds: readonly string[];
  readonly observable: readonly boolean[];
  readonly policies: readonly { readonly base: LeveragePolicy; readonly threat: number | null }[];
}

const shapes = new WeakMap<Scenario, Shape>();

function shapeOf(scenario: Scenario): Shape {
  let shape = shapes.get(scenario);
  if (!shape) {
    shape = {
      typeIds: scenario.target.types.map((t) => t.id),
      demandIds: scenario.demands.map((d) => d.id),
      observable: scenario.demands.map((d) => d.observable),
      policies: scenario.policies
        .filter((p) => p.oneShot)
        .map((p) => ({
          base: {
            id: p.id,
            label: p.label,
            kind: p.kind,
            conditions: p.conditions,
            escalation: null,
          },
          threat: p.threat,
        })),
    };
    shapes.set(scenario, shape);
  }
  return shape;
}
