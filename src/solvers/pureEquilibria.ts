import { profileAt, profileCount, type StrategicGame } from "../games/strategicGame.js";
import { payoffGreater } from "./payoffOrder.js";

/**
 * All pure-strategy Nash equilibria of an n-player strategic game.
 *
 * For each player p and each profile of the others, the best payoff p can reach is computed once
 * (one pass over the payoff table per player); a profile is an equilibrium iff every player's
 * payoff there equals that best payoff. O(N·n) for N profiles and n players. Payoffs are
 * compared exactly when the game carries exact payoffs (doubles decide unless they are equal
 * within one rounding, then the rationals do).
 *
 * Source: Nash (1951); the method is Gambit's `enumpure` restated as best-reply tables.
 * @returns equilibria as pure profiles (strategy index per player), in profile-index order
 * @example pureEquilibria(prisonersDilemma) // => [Int32Array [1, 1]]
 */
export function pureEquilibria(game: StrategicGame): Int32Array[] {
  const nPlayers = game.players.length;
  const sizes = game.strategies.map((s) => s.length);
  const total = profileCount(game);
  const stable = new Uint8Array(total).fill(1);
  let stride = 1;
  for (let p = 0; p < nPlayers; p++) {
    const n = sizes[p]!;
    // profiles sharing the others' strategies differ by multiples of `stride` in index
    for (let base = 0; base < total; base++) {
      if (Math.floor(base / stride) % n !== 0) continue;
      let best = 0;
      for (let s = 1; s < n; s++) {
        if (payoffGreater(game, base + s * stride, base + best * stride, p)) best = s;
      }
      const bestIndex = base + best * stride;
      for (let s = 0; s < n; s++) {
        const k = base + s * stride;
        if (stable[k] && payoffGreater(game, bestIndex, k, p)) stable[k] = 0;
      }
    }
    stride *= n;
  }
  const equilibria: Int32Array[] = [];
  for (let k = 0; k < total; k++) if (stable[k]) equilibria.push(profileAt(game, k));
  return equilibria;
}
