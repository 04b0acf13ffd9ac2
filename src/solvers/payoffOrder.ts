import type { StrategicGame } from "../games/strategicGame.js";
import { compare } from "../math/rational.js";

const RELATIVE_ROUNDING = 4 * Number.EPSILON;

/**
 * Is player p's payoff at profile index a strictly greater than at profile index b?
 * Doubles decide unless they are within one rounding of each other; then, when the game has
 * exact payoffs, the rationals decide (so 1/3 vs 0.3333333333333333 is not a tie).
 */
export function payoffGreater(game: StrategicGame, a: number, b: number, p: number): boolean {
  const n = game.players.length;
  const x = game.payoffs[a * n + p]!;
  const y = game.payoffs[b * n + p]!;
  const exact = game.exactPayoffs;
  if (exact && Math.abs(x - y) <= RELATIVE_ROUNDING * Math.max(Math.abs(x), Math.abs(y))) {
    return compare(exact[a * n + p]!, exact[b * n + p]!) > 0;
  }
  return x > y;
}
