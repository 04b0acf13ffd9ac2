/**
 * A game taken from another project's own test suite (Nashpy, QuantEcon.py, Gambit) with the
 * equilibria that suite asserts, as data: payoffs and profiles are facts, not code. Each entry
 * cites the repository, file and test it comes from; test/peer/README.md gives the licences.
 */

import { bimatrixPayoffTables } from "../support/bimatrix.js";

/** A mixed profile: per player, probabilities over its strategies in the peer's order. */
export type Profile = readonly (readonly number[])[];

/** The peer projects whose test suites the games come from. */
export type PeerSource = "Nashpy" | "QuantEcon.py" | "Gambit";

export interface PeerGame {
  /** Unique name, `source: test name` (with a suffix when one test has several games). */
  readonly id: string;
  readonly source: PeerSource;
  /** Repository, file and test the game and its equilibria come from. */
  readonly cite: string;
  /** Number of strategies per player. */
  readonly strategies: readonly number[];
  /** Per player, the payoff at each pure profile, player 1's strategy varying fastest (Gambit's order). */
  readonly payoffs: readonly (readonly number[])[];
  /** The equilibria the peer's test asserts (a prefix or subset of its solver's output, or all). */
  readonly asserted: readonly Profile[];
  /**
   * Equilibria the peer does not assert that we checked by hand (each with its reasoning in the
   * entry's comment), so that `complete` can hold.
   */
  readonly byHand?: readonly Profile[];
  /**
   * What `asserted` ∪ `byHand` covers: `"all"` every extreme equilibrium (every equilibrium when
   * `finite`), `"pure"` every pure equilibrium, `"none"` no claim of completeness.
   */
  readonly complete: "all" | "pure" | "none";
  /** The equilibrium set is finite (no continuum), so `complete: "all"` lists every equilibrium. */
  readonly finite: boolean;
  /** Two-player game known to be nondegenerate (support enumeration then promises every equilibrium). */
  readonly nondegenerate: boolean;
  /**
   * Lemke–Howson from one label, 1 … m + n as in `--label` (the peer's 0-based label + 1), on a
   * nondegenerate game, where the path and so its end are unique.
   */
  readonly byLabel?: readonly { readonly label: number; readonly equilibrium: Profile }[];
  /** Constant-sum game: player 1's payoff at every equilibrium (the value), as the peer asserts it. */
  readonly value?: number;
  /** The peer's own tolerance when it asserts approximate profiles (default 1e-6). */
  readonly tolerance?: number;
}

/**
 * The payoff tables of a bimatrix game from row-major A and B (rows = player 1's strategies), in
 * Gambit's profile order.
 */
export function bimatrixTables(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): Pick<PeerGame, "strategies" | "payoffs"> {
  return bimatrixPayoffTables(a, b);
}

/** −A, for zero-sum games written as (A, −A). */
export function negated(a: readonly (readonly number[])[]): number[][] {
  return a.map((row) => row.map((x) => (x === 0 ? 0 : -x)));
}

/**
 * The payoff tables of an n-player game from a function of the pure profile (strategy indices,
 * player by player), in Gambit's profile order.
 */
export function tablesFromPayoff(
  strategies: readonly number[],
  payoff: (player: number, profile: readonly number[]) => number,
): Pick<PeerGame, "strategies" | "payoffs"> {
  const count = strategies.reduce((a, b) => a * b, 1);
  const payoffs = strategies.map(() => new Array<number>(count));
  const profile = strategies.map(() => 0);
  for (let k = 0; k < count; k++) {
    let rest = k;
    for (let p = 0; p < strategies.length; p++) {
      profile[p] = rest % strategies[p]!;
      rest = Math.floor(rest / strategies[p]!);
    }
    for (let p = 0; p < strategies.length; p++) payoffs[p]![k] = payoff(p, profile);
  }
  return { strategies: [...strategies], payoffs };
}

/** The pure profile playing strategy `s[p]` for each player p, as probabilities. */
export function pure(strategies: readonly number[], s: readonly number[]): number[][] {
  return strategies.map((n, p) => Array.from({ length: n }, (_, i) => (i === s[p] ? 1 : 0)));
}
