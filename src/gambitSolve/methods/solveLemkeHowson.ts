import { lemkeHowsonAll, lemkeHowsonAllExact } from "../../solvers/lemkeHowson.js";
import { type MethodSolver, requireTwoPlayers, strategicFormOf } from "../methodSolver.js";
import { exactMixedEquilibrium, mixedEquilibrium } from "../solvedEquilibrium.js";

/** `lh`: Lemke–Howson from every starting label, duplicates removed (two players). */
export const solveLemkeHowson: MethodSolver = (input, { rational }) => {
  const game = strategicFormOf(input);
  requireTwoPlayers(game, "lh");
  if (rational) {
    return {
      equilibria: lemkeHowsonAllExact(game).map((e) => exactMixedEquilibrium(game, e.strategies)),
    };
  }
  return {
    equilibria: lemkeHowsonAll(game).map((e) =>
      mixedEquilibrium(
        game,
        e.strategies.map((s) => Array.from(s)),
        false,
      ),
    ),
  };
};
