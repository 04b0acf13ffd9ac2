import { behaviourLayout } from "../games/behaviourLayout.js";
import type { ExtensiveGame } from "../games/extensiveGame.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { formatRational, fromNumber, type Rational } from "../math/rational.js";
import {
  behaviourRegret,
  behaviourRegretExact,
  strategicRegret,
  strategicRegretExact,
} from "../solvers/regret.js";
import type { SolvedEquilibrium } from "./SolveResult.js";

/**
 * How an equilibrium found by any solver is written for `linkage solve`: its profile in Gambit's
 * order, each player's payoff and the regret, in doubles or — with `rational` — as exact
 * rationals (floats converted exactly, then every payoff and regret computed in rationals).
 */

/** A mixed profile (one array per player) of a strategic game. */
export function mixedEquilibrium(
  game: StrategicGame,
  mixed: number[][],
  rational: boolean,
): SolvedEquilibrium {
  if (rational)
    return exactMixedEquilibrium(
      game,
      mixed.map((m) => m.map(fromNumber)),
    );
  const r = strategicRegret(game, mixed);
  return { profile: mixed, payoffs: r.payoffs, regret: r.max };
}

/** A mixed profile known exactly. */
export function exactMixedEquilibrium(
  game: StrategicGame,
  strategies: readonly (readonly Rational[])[],
): SolvedEquilibrium {
  const r = strategicRegretExact(
    game,
    strategies.map((s) => [...s]),
  );
  return {
    profile: strategies.map((s) => s.map(formatRational)),
    payoffs: r.payoffs.map(formatRational),
    regret: formatRational(r.max),
  };
}

/** A pure profile (one strategy index per player) of a strategic game. */
export function pureEquilibrium(
  game: StrategicGame,
  pure: Int32Array,
  rational: boolean,
): SolvedEquilibrium {
  const mixed = game.strategies.map((labels, p) => labels.map((_, s) => (s === pure[p] ? 1 : 0)));
  return mixedEquilibrium(game, mixed, rational);
}

/** A behaviour profile of an extensive game (flat, in `behaviourLayout` order). */
export function behaviourEquilibrium(
  game: ExtensiveGame,
  behaviour: Float64Array,
  rational: boolean,
): SolvedEquilibrium {
  if (rational) return exactBehaviourEquilibrium(game, Array.from(behaviour, fromNumber));
  const r = behaviourRegret(game, behaviour);
  return {
    profile: splitBehaviour(game, Array.from(behaviour)),
    payoffs: r.payoffs,
    regret: r.max,
  };
}

/** A behaviour profile known exactly. */
export function exactBehaviourEquilibrium(
  game: ExtensiveGame,
  behaviour: readonly Rational[],
): SolvedEquilibrium {
  const r = behaviourRegretExact(game, behaviour);
  return {
    profile: splitBehaviour(game, behaviour.map(formatRational)),
    payoffs: r.payoffs.map(formatRational),
    regret: formatRational(r.max),
  };
}

/** A flat behaviour profile cut into one array per player, information sets in Gambit's order. */
function splitBehaviour<T>(game: ExtensiveGame, values: readonly T[]): T[][] {
  const layout = behaviourLayout(game);
  return layout.playerInfosets.map((sets) =>
    sets.flatMap((h) =>
      Array.from(
        { length: game.infosets[h]!.actions.length },
        (_, a) => values[layout.offset[h]! + a]!,
      ),
    ),
  );
}

/** A flat profile cut into one array per player. */
export function splitByPlayer(flat: ArrayLike<number>, sizes: readonly number[]): number[][] {
  let at = 0;
  return sizes.map((n) => {
    const part = Array.from({ length: n }, (_, k) => flat[at + k]!);
    at += n;
    return part;
  });
}

/** A profile as Gambit's `NE,` line. */
export function formatEquilibriumLine(equilibrium: SolvedEquilibrium): string {
  return `NE,${equilibrium.profile.flat().join(",")}`;
}
