import { LinkageError } from "../errors/LinkageError.js";
import type { BehaviourLayout } from "./behaviourLayout.js";
import type { ReducedStrategicForm } from "./reducedStrategicForm.js";

/**
 * The mixed strategies, over reduced plans, that play like a behaviour profile: each plan's
 * probability is the product of the behaviour probabilities of the actions it specifies,
 *
 *   σ_i(s) = Π_{h ∈ H_i, s(h) ≠ *} β_i(h, s(h)).
 *
 * Sets the plan leaves unspecified (`*`) contribute no factor. For a game with perfect recall the
 * result induces the same distribution over plays as β (Kuhn 1953, "Extensive games and the
 * problem of information", Theorem 4; von Stengel, "Game Theory Basics" (2022), ch. 10), and
 * σ_i sums to 1 when each set's behaviour probabilities do.
 *
 * @param rsf - from {@link reducedStrategicForm} of the game `layout` describes
 * @param behaviour - flat behaviour profile in `layout` order
 * @returns one Float64Array per player, indexed like `rsf.game.strategies[p]`
 * @throws {LinkageError} E_DOMAIN when `behaviour` or `layout` do not match `rsf`
 * @example
 * // plans L*, Rl, Rr; β(L) = 0.4, β(R) = 0.6, β(l) = 0.5, β(r) = 0.5
 * behaviourToMixed(rsf, Float64Array.of(0.4, 0.6, 0.5, 0.5), layout)[0] // => Float64Array [0.4, 0.3, 0.3]
 */
export function behaviourToMixed(
  rsf: ReducedStrategicForm,
  behaviour: Float64Array,
  layout: BehaviourLayout,
): Float64Array[] {
  if (behaviour.length !== layout.size) {
    throw new LinkageError(
      "E_DOMAIN",
      `behaviourToMixed: behaviour profile has ${behaviour.length} entries, expected ${layout.size}`,
    );
  }
  if (layout.playerInfosets.length !== rsf.plans.length) {
    throw new LinkageError(
      "E_DOMAIN",
      `behaviourToMixed: layout has ${layout.playerInfosets.length} players, the reduced form ${rsf.plans.length}`,
    );
  }
  return rsf.plans.map((plans, p) => {
    const sets = layout.playerInfosets[p]!;
    const K = sets.length;
    const count = rsf.game.strategies[p]!.length;
    if (plans.length !== count * K) {
      throw new LinkageError(
        "E_DOMAIN",
        `behaviourToMixed: player ${p + 1} has ${count} plans over ${K} information sets but ${plans.length} plan entries`,
      );
    }
    const mixed = new Float64Array(count);
    for (let s = 0; s < count; s++) {
      let probability = 1;
      for (let k = 0; k < K; k++) {
        const a = plans[s * K + k]!;
        if (a >= 0) probability *= behaviour[layout.offset[sets[k]!]! + a]!;
      }
      mixed[s] = probability;
    }
    return mixed;
  });
}
