/**
 * Two-player strategic games written as a pair of payoff matrices, the way textbooks print them.
 */
import type { StrategicGame } from "../../src/games/strategicGame.js";
import { strategicGameFromTables } from "../../src/games/strategicGameFromTables.js";

/**
 * The two payoff tables of a bimatrix game from row-major A and B (rows = player 1's
 * strategies), in Gambit's profile order (player 1's strategy varies fastest).
 */
export function bimatrixPayoffTables(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): { strategies: [number, number]; payoffs: [number[], number[]] } {
  const m = a.length;
  const n = a[0]!.length;
  const pa: number[] = [];
  const pb: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      pa.push(a[i]![j]!);
      pb.push(b[i]![j]!);
    }
  }
  return { strategies: [m, n], payoffs: [pa, pb] };
}

/** A bimatrix game from row-major A and B (rows = player 1's strategies). */
export function bimatrix(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): StrategicGame {
  const { strategies, payoffs } = bimatrixPayoffTables(a, b);
  return strategicGameFromTables(strategies, payoffs);
}
