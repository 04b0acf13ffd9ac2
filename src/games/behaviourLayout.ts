import { type ExtensiveGame, NATURE } from "./extensiveGame.js";

/**
 * Where each personal information set's action probabilities sit in a flat behaviour profile,
 * in Gambit's order: player by player, each player's information sets in order of first
 * appearance (depth first), then actions. Chance sets have no entries (offset −1).
 */
export interface BehaviourLayout {
  /** Total number of entries (Σ actions over personal information sets). */
  readonly size: number;
  /** Per information set: index of its first action in the profile, −1 for chance sets. */
  readonly offset: Int32Array;
  /** Per player: the personal information sets, in profile order. */
  readonly playerInfosets: readonly (readonly number[])[];
}

/** The layout of behaviour profiles of `game` (see {@link BehaviourLayout}). */
export function behaviourLayout(game: ExtensiveGame): BehaviourLayout {
  const offset = new Int32Array(game.infosets.length).fill(-1);
  const playerInfosets: number[][] = game.players.map(() => []);
  game.infosets.forEach((set, h) => {
    if (set.player !== NATURE) playerInfosets[set.player]!.push(h);
  });
  let size = 0;
  for (const sets of playerInfosets) {
    for (const h of sets) {
      offset[h] = size;
      size += game.infosets[h]!.actions.length;
    }
  }
  return { size, offset, playerInfosets };
}
