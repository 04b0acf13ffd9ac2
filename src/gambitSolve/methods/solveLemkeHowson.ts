import { LinkageError } from "../../errors/LinkageError.js";
import {
  type LemkeHowsonEquilibrium,
  lemkeHowson,
  lemkeHowsonAll,
  lemkeHowsonAllExact,
  lemkeHowsonExact,
} from "../../solvers/lemkeHowson.js";
import { type MethodSolver, requireTwoPlayers, strategicFormOf } from "../methodSolver.js";
import type { SolvedBody } from "../SolveResult.js";
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
    if (rational) {
      const e = lemkeHowsonExact(game, one);
      return {
        equilibria: [exactMixedEquilibrium(game, e.strategies)],
        ...exactPivotingOf([e]),
      };
    }
    return {
      equilibria: [
        mixedEquilibrium(
          game,
          lemkeHowson(game, one).strategies.map((s) => Array.from(s)),
          false,
        ),
      ],
    };
  }
  if (rational) {
    const found = lemkeHowsonAllExact(game);
    return {
      equilibria: found.map((e) => exactMixedEquilibrium(game, e.strategies)),
      ...exactPivotingOf(found),
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

/**
 * The `exactPivoting` field of an exact Lemke–Howson answer: the paths whose float bases failed
 * the exact check and were pivoted exactly (labels 1-based, as `--label`); nothing when none.
 */
export function exactPivotingOf(
  paths: readonly LemkeHowsonEquilibrium<unknown>[],
): Pick<SolvedBody, "exactPivoting"> {
  const fallbacks = paths.flatMap((e) =>
    e.fallback === undefined ? [] : [{ label: e.label + 1, reason: e.fallback }],
  );
  return fallbacks.length > 0 ? { exactPivoting: fallbacks } : {};
}
