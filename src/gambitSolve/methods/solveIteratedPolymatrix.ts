import { iteratedPolymatrix } from "../../solvers/iteratedPolymatrix.js";
import { type MethodSolver, strategicFormOf } from "../methodSolver.js";
import { mixedEquilibrium, splitByPlayer } from "../solvedEquilibrium.js";

/**
 * `ipa`: one Nash equilibrium of any n-player game by iterated polymatrix approximation
 * (Govindan and Wilson 2004; gambit-ipa), refined by Newton steps on its support (extensive
 * games: of the reduced strategic form). It starts from the centroid, or with `--seed N` from a
 * seeded random profile; `--max-seconds S` stops the iteration and reports the best profile
 * reached, which the regret check then accepts or rejects like any other answer.
 */
export const solveIteratedPolymatrix: MethodSolver = (input, { rational, maxSeconds, seed }) => {
  const game = strategicFormOf(input);
  const found = iteratedPolymatrix(game, {
    ...(maxSeconds !== undefined ? { maxSeconds } : {}),
    ...(seed !== undefined ? { seed } : {}),
  });
  const sizes = game.strategies.map((s) => s.length);
  return {
    equilibria: [mixedEquilibrium(game, splitByPlayer(found.profile, sizes), rational)],
    ...(found.truncated ? { truncated: true } : {}),
  };
};
