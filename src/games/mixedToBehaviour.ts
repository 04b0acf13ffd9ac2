import { LinkageError } from "../errors/LinkageError.js";
import { type Field, floatField, rationalField } from "../math/field.js";
import type { Rational } from "../math/rational.js";
import { behaviourLayout } from "./behaviourLayout.js";
import type { ExtensiveGame } from "./extensiveGame.js";
import type { ReducedStrategicForm } from "./reducedStrategicForm.js";

/**
 * A behaviour profile that plays like given mixed strategies over reduced plans (Kuhn's theorem):
 * the probability of action a at player i's set h is the weight of the plans that reach h and
 * choose a, divided by the weight of the plans that reach h,
 *
 *   β_i(h, a) = Σ_{s: s(h) = a} σ_i(s) / Σ_{s: s(h) ≠ *} σ_i(s),
 *
 * where "s reaches h" means s's own moves do not exclude h (s(h) ≠ *). For a game with perfect
 * recall β induces the same distribution over plays as σ (Kuhn 1953, "Extensive games and the
 * problem of information", Theorem 4; von Stengel, "Game Theory Basics" (2022), ch. 10).
 *
 * When no plan of positive probability reaches h (the denominator is 0), h's actions get the
 * uniform distribution 1/|A(h)|: any choice there is realisation equivalent, and uniform is a
 * deterministic, symmetric pick.
 *
 * @param rsf - `reducedStrategicForm(game)`
 * @param mixed - one probability vector per player over `rsf.game.strategies[p]`
 * @returns a flat behaviour profile in `behaviourLayout(game)` order
 * @throws {LinkageError} E_DOMAIN when the number or lengths of `mixed` do not match `rsf`
 * @example
 * // plans L*, Rl, Rr with probabilities 0.4, 0.3, 0.3
 * mixedToBehaviour(game, rsf, [Float64Array.of(0.4, 0.3, 0.3)]) // => Float64Array [0.4, 0.6, 0.5, 0.5]
 */
export function mixedToBehaviour(
  game: ExtensiveGame,
  rsf: ReducedStrategicForm,
  mixed: readonly Float64Array[],
): Float64Array {
  return Float64Array.from(
    mixedToBehaviourIn(
      floatField,
      game,
      rsf,
      mixed.map((x) => Array.from(x)),
    ),
  );
}

/** {@link mixedToBehaviour} in exact rationals (the uniform fallback is exactly 1/|A(h)|). */
export function mixedToBehaviourExact(
  game: ExtensiveGame,
  rsf: ReducedStrategicForm,
  mixed: readonly (readonly Rational[])[],
): Rational[] {
  return mixedToBehaviourIn(rationalField, game, rsf, mixed);
}

function mixedToBehaviourIn<T>(
  F: Field<T>,
  game: ExtensiveGame,
  rsf: ReducedStrategicForm,
  mixed: readonly (readonly T[])[],
): T[] {
  const layout = behaviourLayout(game);
  if (mixed.length !== rsf.plans.length || layout.playerInfosets.length !== rsf.plans.length) {
    throw new LinkageError(
      "E_DOMAIN",
      `mixedToBehaviour: ${mixed.length} mixed strategies for a ${rsf.plans.length}-player reduced form of a ${layout.playerInfosets.length}-player game`,
    );
  }
  const behaviour: T[] = Array.from({ length: layout.size }, () => F.zero);
  rsf.plans.forEach((plans, p) => {
    const sets = layout.playerInfosets[p]!;
    const K = sets.length;
    const x = mixed[p]!;
    const count = rsf.game.strategies[p]!.length;
    if (x.length !== count || plans.length !== count * K) {
      throw new LinkageError(
        "E_DOMAIN",
        `mixedToBehaviour: player ${p + 1} has ${count} plans but a mixed strategy of length ${x.length}`,
      );
    }
    sets.forEach((h, k) => {
      const base = layout.offset[h]!;
      const m = game.infosets[h]!.actions.length;
      let reach = F.zero;
      for (let s = 0; s < count; s++) {
        const a = plans[s * K + k]!;
        if (a < 0) continue;
        behaviour[base + a] = F.add(behaviour[base + a]!, x[s]!);
        reach = F.add(reach, x[s]!);
      }
      const reached = F.compare(reach, F.zero) > 0;
      for (let a = 0; a < m; a++) {
        behaviour[base + a] = reached
          ? F.divide(behaviour[base + a]!, reach)
          : F.divide(F.one, F.fromNumber(m));
      }
    });
  });
  return behaviour;
}
