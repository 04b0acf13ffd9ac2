import type { Rational } from "../math/rational.js";

/**
 * A game in strategic (normal) form with any number of players.
 *
 * Pure profiles are indexed as in Gambit's files, player 1's strategy varying fastest:
 * k = s_0 + n_0·(s_1 + n_1·(s_2 + …)) for strategies s_i ∈ [0, n_i). Payoffs are a dense
 * row-major table: player p's payoff at profile k is `payoffs[k * players.length + p]`.
 */
export interface StrategicGame {
  readonly title: string;
  readonly comment: string;
  /** Player names, in order. */
  readonly players: readonly string[];
  /** Strategy labels per player (may be empty strings when the source had none). */
  readonly strategies: readonly (readonly string[])[];
  readonly payoffs: Float64Array;
  /** The same table in exact rationals, when known (games read from files always have it). */
  readonly exactPayoffs: readonly Rational[] | null;
  /**
   * The outcome structure of an outcome-form `.nfg` file, kept so that writing the game back
   * reproduces it: outcome labels and payoffs, and each profile's outcome (an index into
   * `labels`, or −1 for none, which pays 0 to everyone). `null` for payoff-form games.
   */
  readonly outcomes: {
    readonly labels: readonly string[];
    readonly payoffs: readonly (readonly Rational[])[];
    readonly profileOutcome: Int32Array;
  } | null;
}

/** Number of pure strategy profiles, Π n_i. */
export function profileCount(game: Pick<StrategicGame, "strategies">): number {
  let count = 1;
  for (const s of game.strategies) count *= s.length;
  return count;
}

/** Profile index of a pure profile (player 1 varies fastest). */
export function profileIndex(
  game: Pick<StrategicGame, "strategies">,
  profile: ArrayLike<number>,
): number {
  let index = 0;
  for (let p = game.strategies.length - 1; p >= 0; p--)
    index = index * game.strategies[p]!.length + profile[p]!;
  return index;
}

/** The pure profile at a profile index, written into `out`. */
export function profileAt(
  game: Pick<StrategicGame, "strategies">,
  index: number,
  out: Int32Array = new Int32Array(game.strategies.length),
): Int32Array {
  for (let p = 0; p < game.strategies.length; p++) {
    const n = game.strategies[p]!.length;
    out[p] = index % n;
    index = Math.floor(index / n);
  }
  return out;
}
