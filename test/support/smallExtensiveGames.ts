/**
 * Small extensive games, solved by hand, that several test files check their results against.
 */
import { buildExtensiveGame } from "../../src/games/buildExtensiveGame.js";
import { leaf } from "./leaf.js";

/** Matching pennies as a tree: player 2 does not see player 1's coin. */
export const matchingPenniesGame = buildExtensiveGame({
  players: ["1", "2"],
  root: {
    player: 0,
    infoset: "p1",
    actions: ["H", "T"],
    children: ["H", "T"].map((c) => ({
      player: 1,
      infoset: "p2",
      actions: ["h", "t"],
      children: ["h", "t"].map((d) => ({
        outcome: { payoffs: c === d.toUpperCase() ? [1, -1] : [-1, 1] },
      })),
    })),
  },
});

/**
 * "two stage": player 1 (Ann) chooses L or R; after L player 2 (Bob) chooses u or d, after R
 * Ann chooses l or r. Ann's reduced plans: L*, Rl, Rr.
 */
export const twoStageGame = buildExtensiveGame({
  title: "two stage",
  players: ["Ann", "Bob"],
  root: {
    player: 0,
    infoset: "first",
    actions: ["L", "R"],
    children: [
      { player: 1, infoset: "bob", actions: ["u", "d"], children: [leaf(3, 1), leaf(0, 0)] },
      { player: 0, infoset: "second", actions: ["l", "r"], children: [leaf(1, 2), leaf(2, -1)] },
    ],
  },
});

/**
 * Chance picks H (1/3) or T (2/3); Ann sees it and chooses L or R; after R, Bob (who does not see
 * chance) chooses x or y. The node where Ann moves after H carries the outcome (1, −1).
 * Nodes, depth first: 0 chance, 1 Ann|H, 2 (2,0), 3 Bob, 4 (0,3), 5 (6,0), 6 Ann|T, 7 (0,1/2),
 * 8 Bob, 9 (3,0), 10 (0,3).
 */
export const chanceGame = buildExtensiveGame({
  players: ["Ann", "Bob"],
  root: {
    chance: true,
    actions: ["H", "T"],
    probabilities: ["1/3", "2/3"],
    children: [
      {
        player: 0,
        infoset: "after H",
        actions: ["L", "R"],
        outcome: { payoffs: [1, -1] },
        children: [
          leaf(2, 0),
          { player: 1, infoset: "b", actions: ["x", "y"], children: [leaf(0, 3), leaf(6, 0)] },
        ],
      },
      {
        player: 0,
        infoset: "after T",
        actions: ["L", "R"],
        children: [
          leaf(0, "1/2"),
          { player: 1, infoset: "b", actions: ["x", "y"], children: [leaf(3, 0), leaf(0, 3)] },
        ],
      },
    ],
  },
});
