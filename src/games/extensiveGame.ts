import type { Rational } from "../math/rational.js";

/** Node kinds of an extensive game. */
export const TERMINAL = 0;
export const PERSONAL = 1;
export const CHANCE = 2;
export type NodeKind = typeof TERMINAL | typeof PERSONAL | typeof CHANCE;

/** The player index used for Nature's (chance) information sets. */
export const NATURE = -1;

/**
 * An information set: the nodes where one player (or Nature) moves without knowing which of them
 * has been reached. All its nodes have the same actions.
 */
export interface InformationSet {
  /** 0-based player index, or NATURE (−1) for chance. */
  readonly player: number;
  /** The number the set has in a Gambit file (per player; chance sets have their own numbering). */
  readonly number: number;
  readonly label: string;
  readonly actions: readonly string[];
  /** Chance sets: the probability of each action, exact. `null` for personal sets. */
  readonly probabilities: readonly Rational[] | null;
}

/** An outcome: payoffs to every player, attached to any node (a play's payoff sums along its path). */
export interface Outcome {
  /** The number the outcome has in a Gambit file. */
  readonly number: number;
  readonly label: string;
  readonly payoffs: readonly Rational[];
}

/**
 * A game in extensive form, stored as arrays over nodes (struct of arrays) so that trees with
 * millions of nodes stay compact and fast to walk.
 *
 * Nodes are numbered in depth-first order (the order of a Gambit `.efg` file); node 0 is the root
 * and a node's children follow it in action order: the children of node v are
 * `children[childStart[v]] … children[childStart[v + 1] − 1]`, one per action of its information set.
 */
export interface ExtensiveGame {
  readonly title: string;
  readonly comment: string;
  readonly players: readonly string[];
  /** TERMINAL, PERSONAL or CHANCE per node. */
  readonly nodeKind: Uint8Array;
  readonly nodeLabel: readonly string[];
  /** Parent node, −1 for the root. */
  readonly nodeParent: Int32Array;
  /** Length nodes + 1 (CSR offsets into `children`). */
  readonly childStart: Int32Array;
  readonly children: Int32Array;
  /** Information set index per node; −1 for terminal nodes. */
  readonly nodeInfoset: Int32Array;
  /** Outcome index per node; −1 for none. */
  readonly nodeOutcome: Int32Array;
  /** In order of first appearance in depth-first order (Gambit's order for profiles). */
  readonly infosets: readonly InformationSet[];
  readonly outcomes: readonly Outcome[];
  /** Outcome payoffs as doubles: `outcomePayoffs[o * players.length + p]`. */
  readonly outcomePayoffs: Float64Array;
}

/** Number of nodes of an extensive game. */
export function nodeCount(game: ExtensiveGame): number {
  return game.nodeKind.length;
}
