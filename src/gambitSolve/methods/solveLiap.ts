import { liapEquilibria } from "../../solvers/liapEquilibria.js";
import { type MethodSolver, strategicFormOf } from "../methodSolver.js";
import { mixedEquilibrium, splitByPlayer } from "../solvedEquilibrium.js";

/**
 * `liap`: Nash equilibria of any n-player game by minimising a Lyapunov function from several
 * starting points (`--starts`, default 10: the centroid, then seeded uniform draws; `--seed`),
 * each minimum refined by Newton's method on its support; the distinct ones whose regret is
 * below 1e-9 of the payoff spread, in the order found (extensive games: on the reduced
 * strategic form). Like gambit-liap it finds some equilibria, not all. `--max-seconds S` starts
 * no new minimisation after S seconds and says the list may be incomplete.
 */
export const solveLiap: MethodSolver = (
  input,
  { rational, starts, seed, maxSeconds, onProgress },
) => {
  const game = strategicFormOf(input);
  const found = liapEquilibria(game, {
    ...(starts !== undefined ? { starts } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(maxSeconds !== undefined ? { maxSeconds } : {}),
  });
  const sizes = game.strategies.map((s) => s.length);
  return {
    equilibria: found.equilibria.map((profile) =>
      mixedEquilibrium(game, splitByPlayer(profile, sizes), rational),
    ),
    ...(found.truncated ? { truncated: true } : {}),
  };
};
