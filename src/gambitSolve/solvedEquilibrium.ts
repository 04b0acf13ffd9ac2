import { behaviourLayout } from "../games/behaviourLayout.js";
import type { ExtensiveGame } from "../games/extensiveGame.js";
import type { StrategicGame } from "../games/strategicGame.js";
import {
  add,
  formatRational,
  fromNumber,
  nearestFraction,
  ONE,
  type Rational,
  subtract,
  toNumber,
  ZERO,
} from "../math/rational.js";
import {
  behaviourRegret,
  behaviourRegretExact,
  type Regret,
  strategicRegret,
  strategicRegretExact,
} from "../solvers/regret.js";
import type { MethodEquilibrium, SolvedEquilibrium } from "./SolveResult.js";

/**
 * How an equilibrium found by any solver is written for `linkage solve`: its profile in Gambit's
 * order, each player's payoff and the regret, in doubles or — with `rational` — as exact
 * rationals: a float profile is first rounded to the fractions it stands for (denominators up
 * to 10⁶) and kept when its exact regret is 0; otherwise the floats are converted exactly (a
 * binary fraction, with the small exact regret it has). Every payoff and regret is computed in
 * rationals.
 */

/** Largest denominator tried when a float profile is rounded to the fractions it stands for. */
const ROUNDING_DENOMINATOR = 1_000_000;

/**
 * A float probability vector as exact rationals: each entry rounded to its nearest fraction
 * with a denominator up to 10⁶ (1/3 for 0.333…3), the largest entry then set so the vector
 * sums to exactly 1; null when that is impossible (an entry would leave [0, 1]) or moves an
 * entry by more than 1e-9. Callers keep the rounded profile only if its exact regret is 0, so
 * rounding can never turn a non-equilibrium into a claimed one.
 */
export function roundedDistribution(probabilities: readonly number[]): Rational[] | null {
  const out = probabilities.map((p) => nearestFraction(p, ROUNDING_DENOMINATOR));
  let largest = 0;
  for (let i = 1; i < probabilities.length; i++)
    if (probabilities[i]! > probabilities[largest]!) largest = i;
  let others = ZERO;
  out.forEach((p, i) => {
    if (i !== largest) others = add(others, p);
  });
  out[largest] = subtract(ONE, others);
  for (const [i, p] of out.entries()) {
    if (p.n < 0n || p.n > p.d || Math.abs(toNumber(p) - probabilities[i]!) > 1e-9) return null;
  }
  return out;
}

/** Each player's regret: its best deviation payoff minus its payoff. */
function playerRegrets(r: Regret<number>): number[] {
  return r.bestResponses.map((best, i) => Math.max(0, best - r.payoffs[i]!));
}

/** {@link playerRegrets} in exact rationals, written as fractions. */
function exactPlayerRegrets(r: Regret<Rational>): string[] {
  return r.bestResponses.map((best, i) => formatRational(subtract(best, r.payoffs[i]!)));
}

/** A mixed profile (one array per player) of a strategic game. */
export function mixedEquilibrium(
  game: StrategicGame,
  mixed: number[][],
  rational: boolean,
): MethodEquilibrium {
  if (rational) {
    // the fractions the floats stand for, when that is exactly an equilibrium
    const rounded = mixed.map((m) => roundedDistribution(m));
    if (rounded.every((r) => r !== null)) {
      const exact = exactMixedEquilibrium(game, rounded as Rational[][]);
      if (exact.regret === "0") return exact;
    }
    return exactMixedEquilibrium(
      game,
      mixed.map((m) => m.map(fromNumber)),
    );
  }
  const r = strategicRegret(game, mixed);
  return { profile: mixed, payoffs: r.payoffs, regret: r.max, regrets: playerRegrets(r) };
}

/** A mixed profile known exactly. */
export function exactMixedEquilibrium(
  game: StrategicGame,
  strategies: readonly (readonly Rational[])[],
): MethodEquilibrium {
  const r = strategicRegretExact(
    game,
    strategies.map((s) => [...s]),
  );
  return {
    profile: strategies.map((s) => s.map(formatRational)),
    payoffs: r.payoffs.map(formatRational),
    regret: formatRational(r.max),
    regrets: exactPlayerRegrets(r),
  };
}

/** A pure profile (one strategy index per player) of a strategic game. */
export function pureEquilibrium(
  game: StrategicGame,
  pure: Int32Array,
  rational: boolean,
): MethodEquilibrium {
  const mixed = game.strategies.map((labels, p) => labels.map((_, s) => (s === pure[p] ? 1 : 0)));
  return mixedEquilibrium(game, mixed, rational);
}

/** A behaviour profile of an extensive game (flat, in `behaviourLayout` order). */
export function behaviourEquilibrium(
  game: ExtensiveGame,
  behaviour: Float64Array,
  rational: boolean,
): MethodEquilibrium {
  if (rational) {
    // each information set's actions rounded to the fractions they stand for, kept if exact regret is 0
    const layout = behaviourLayout(game);
    const rounded: Rational[] = Array.from(behaviour, fromNumber);
    let ok = true;
    game.infosets.forEach((set, h) => {
      const at = layout.offset[h]!;
      if (at < 0) return; // a chance node's set: not part of the profile
      const r = roundedDistribution(Array.from(behaviour.subarray(at, at + set.actions.length)));
      if (r)
        r.forEach((p, a) => {
          rounded[at + a] = p;
        });
      else ok = false;
    });
    if (ok) {
      const exact = exactBehaviourEquilibrium(game, rounded);
      if (exact.regret === "0") return exact;
    }
    return exactBehaviourEquilibrium(game, Array.from(behaviour, fromNumber));
  }
  const r = behaviourRegret(game, behaviour);
  return {
    profile: splitBehaviour(game, Array.from(behaviour)),
    payoffs: r.payoffs,
    regret: r.max,
    regrets: playerRegrets(r),
  };
}

/** A behaviour profile known exactly. */
export function exactBehaviourEquilibrium(
  game: ExtensiveGame,
  behaviour: readonly Rational[],
): MethodEquilibrium {
  const r = behaviourRegretExact(game, behaviour);
  return {
    profile: splitBehaviour(game, behaviour.map(formatRational)),
    payoffs: r.payoffs.map(formatRational),
    regret: formatRational(r.max),
    regrets: exactPlayerRegrets(r),
  };
}

/** A flat behaviour profile cut into one array per player, information sets in Gambit's order. */
export function splitBehaviour<T>(game: ExtensiveGame, values: readonly T[]): T[][] {
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
