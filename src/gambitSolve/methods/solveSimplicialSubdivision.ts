import { nashEquilibrium } from "../../solvers/nashEquilibrium.js";
import { type MethodSolver, strategicFormOf } from "../methodSolver.js";
import { mixedEquilibrium, splitByPlayer } from "../solvedEquilibrium.js";

/**
 * `simpdiv`: one equilibrium of any n-player game by simplicial subdivision (variable-dimension
 * algorithm with restarts), refined by Newton steps on the support until the regret is below
 * 1e-12 of the payoff spread (extensive games: of the reduced strategic form).
 */
export const solveSimplicialSubdivision: MethodSolver = (input, { rational, maxSeconds }) => {
  const game = strategicFormOf(input);
  const found = nashEquilibrium(game, maxSeconds !== undefined ? { maxSeconds } : {});
  const mixed = splitByPlayer(
    found.profile,
    game.strategies.map((s) => s.length),
  );
  return {
    equilibria: [mixedEquilibrium(game, mixed, rational)],
    ...(found.converged ? {} : { truncated: true }),
  };
};
