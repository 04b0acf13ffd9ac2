import { globalNewton } from "../../solvers/globalNewton.js";
import { type MethodSolver, strategicFormOf } from "../methodSolver.js";
import { mixedEquilibrium, splitByPlayer } from "../solvedEquilibrium.js";

/**
 * `gnm`: the global Newton method (Govindan and Wilson) for any n-player game: every equilibrium
 * on the path of one random perturbation (`seed`), each refined by Newton steps (extensive games:
 * of the reduced strategic form).
 */
export const solveGlobalNewton: MethodSolver = (input, { rational, maxSeconds, seed }) => {
  const game = strategicFormOf(input);
  const found = globalNewton(game, {
    ...(maxSeconds !== undefined ? { maxSeconds } : {}),
    ...(seed !== undefined ? { seed } : {}),
  });
  const sizes = game.strategies.map((s) => s.length);
  return {
    equilibria: found.equilibria.map((e) =>
      mixedEquilibrium(game, splitByPlayer(e.profile, sizes), rational),
    ),
    ...(found.complete ? {} : { truncated: true }),
  };
};
