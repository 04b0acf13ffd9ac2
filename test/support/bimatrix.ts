/**
 * Two-player strategic games written as a pair of payoff matrices, the way textbooks print them.
 */
import type { StrategicGame } from "../../src/games/strategicGame.js";
import { strategicGameFromTables } from "../../src/games/strategicGameFromTables.js";

/** A bimatrix game from row-major A and B (rows = player 1's strategies). */
export function bimatrix(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): StrategicGame {
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
  return strategicGameFromTables([m, n], [pa, pb]);
}
