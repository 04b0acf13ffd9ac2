import { fromNumber } from "../math/rational.js";
import type { StrategicGame } from "./strategicGame.js";

/**
 * A strategic game from payoff tables given per player in profile order (player 1 fastest).
 * @example strategicGameFromTables([2, 2], [[3, 5, 0, 1], [3, 0, 5, 1]]) // the prisoner's dilemma
 */
export function strategicGameFromTables(
  strategies: readonly number[],
  payoffsByPlayer: readonly (readonly number[])[],
): StrategicGame {
  const nPlayers = strategies.length;
  const count = strategies.reduce((a, b) => a * b, 1);
  const payoffs = new Float64Array(count * nPlayers);
  for (let k = 0; k < count; k++)
    for (let p = 0; p < nPlayers; p++) payoffs[k * nPlayers + p] = payoffsByPlayer[p]![k]!;
  return {
    title: "",
    comment: "",
    players: strategies.map((_, p) => `Player ${p + 1}`),
    strategies: strategies.map((n) => Array.from({ length: n }, (_, s) => `${s + 1}`)),
    payoffs,
    exactPayoffs: Array.from(payoffs, fromNumber),
    outcomes: null,
  };
}
