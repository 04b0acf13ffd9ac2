import { LinkageError } from "../errors/LinkageError.js";
import type { GambitGame } from "../games/gambit/readGambitGame.js";
import { reducedStrategicForm } from "../games/reducedStrategicForm.js";
import type { StrategicGame } from "../games/strategicGame.js";
import type { SolvedBody, SolveOptions } from "./SolveResult.js";
import type { SolveMethod } from "./solveMethods.js";

/** One method of `linkage solve`: the game as read, the options, what it found. */
export type MethodSolver = (
  input: GambitGame,
  options: SolveOptions & { readonly rational: boolean },
) => SolvedBody | Promise<SolvedBody>;

/** The game as a strategic game: itself, or the reduced strategic form of an extensive game. */
export function strategicFormOf(input: GambitGame): StrategicGame {
  return input.form === "strategic" ? input.game : reducedStrategicForm(input.game).game;
}

/** @throws {LinkageError} E_INPUT unless the game has exactly two players */
export function requireTwoPlayers(game: StrategicGame, method: SolveMethod): void {
  if (game.players.length !== 2) {
    throw new LinkageError(
      "E_INPUT",
      `--method ${method} needs a two-player game; this one has ${game.players.length} players`,
    );
  }
}
