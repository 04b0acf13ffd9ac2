import { LinkageError } from "../../errors/LinkageError.js";
import {
  lemkeHowson,
  lemkeHowsonAll,
  lemkeHowsonAllExact,
  lemkeHowsonExact,
} from "../../solvers/lemkeHowson.js";
import { type MethodSolver, requireTwoPlayers, strategicFormOf } from "../methodSolver.js";
import { exactMixedEquilibrium, mixedEquilibrium } from "../solvedEquilibrium.js";

/**
 * `lh`: Lemke–Howson from every starting label, duplicates removed (two players); with `label`
 * K (1 … m + n), the one path that drops label K.
 */
export const solveLemkeHowson: MethodSolver = (input, { rational, label }) => {
  const game = strategicFormOf(input);
  requireTwoPlayers(game, "lh");
  if (label !== undefined) {
    const m = game.strategies[0]!.length;
    const labels = m + game.strategies[1]!.length;
    if (!(Number.isInteger(label) && label >= 1 && label <= labels)) {
      throw new LinkageError(
        "E_INPUT",
        `--label ${label}: expected a whole number from 1 to ${labels} (1–${m} player 1's strategies, ${m + 1}–${labels} player 2's)`,
      );
    }
    const one = { label: label - 1 };
    return {
      equilibria: [
        rational
          ? exactMixedEquilibrium(game, lemkeHowsonExact(game, one).strategies)
          : mixedEquilibrium(
              game,
              lemkeHowson(game, one).strategies.map((s) => Array.from(s)),
              false,
            ),
      ],
    };
  }
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
