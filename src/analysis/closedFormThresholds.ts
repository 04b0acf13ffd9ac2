import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";

/**
 * The closed-form thresholds of MODEL.md §2: for each demand, the largest cost at which a type
 * still concedes it. They exist when the policy conditions on one observable demand O and at
 * most one hidden demand H (or on one hidden demand alone); otherwise `null` is returned and
 * only the enumerated thresholds ({@link responseThresholds}) apply.
 *
 * With Q = q_R·G (+ q_X·D under escalation), α, β the hidden demand's signal rates:
 * - H alone: c_H ≤ (β − α)·Q;
 * - O alone: c_O ≤ Q;
 * - O and H: c_H ≤ max((1 − α)·Q − c_O, 0) − max((1 − β)·Q − c_O, 0), and
 *            c_O ≤ max((1 − β)·Q, (1 − α)·Q − c_H) − max(0, −c_H).
 * For c_H ≥ 0, β ≥ α and c_O ≤ (1 − α)·Q these reduce to MODEL.md §2's printed forms
 * c_H ≤ min((β − α)·Q, (1 − α)·Q − c_O) and c_O ≤ max((1 − β)·Q, (1 − α)·Q − c_H); the max(·, 0)
 * terms extend them to every cost, where refusing the observable demand is also an option.
 * Demands the policy does not condition on have threshold 0.
 */
export function closedFormThresholds(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
  promiseBelief = game.promiseBelief,
  threatBelief = game.threatBelief,
): Float64Array | null {
  const n = game.demandIds.length;
  const thresholds = new Float64Array(n);
  const conditioned = policy.conditions.flatMap((c, j) => (c ? [j] : []));
  if (conditioned.length === 0) return thresholds;
  const observable = conditioned.filter((j) => game.observable[j]);
  const hidden = conditioned.filter((j) => !game.observable[j]);
  if (observable.length > 1 || hidden.length > 1) return null;

  const threat =
    policy.kind === "conditional-escalation" ? threatBelief * policy.escalation!.costToTarget : 0;
  const q = promiseBelief * game.carrot + threat;
  const o = observable[0];
  const h = hidden[0];
  if (h === undefined) {
    thresholds[o!] = q;
    return thresholds;
  }
  const alpha = game.falsePositive[h]!;
  const beta = game.detection[h]!;
  if (o === undefined) {
    thresholds[h] = (beta - alpha) * q;
    return thresholds;
  }
  const cO = game.demandCost[type * n + o]!;
  const cH = game.demandCost[type * n + h]!;
  thresholds[h] = Math.max((1 - alpha) * q - cO, 0) - Math.max((1 - beta) * q - cO, 0);
  thresholds[o] = Math.max((1 - beta) * q, (1 - alpha) * q - cH) - Math.max(0, -cH);
  return thresholds;
}
