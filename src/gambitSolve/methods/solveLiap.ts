import { agentLiapEquilibria } from "../../solvers/agentLiapEquilibria.js";
import { liapEquilibria } from "../../solvers/liapEquilibria.js";
import { type MethodSolver, strategicFormOf } from "../methodSolver.js";
import { behaviourEquilibrium, mixedEquilibrium, splitByPlayer } from "../solvedEquilibrium.js";

/**
 * `liap`: Nash equilibria of any n-player game by minimising a Lyapunov function from several
 * starting points (`--starts`, default 10: the centroid, then seeded uniform draws; `--seed`),
 * the distinct ones whose regret is below 1e-9 of the payoff spread, in the order found. Like
 * gambit-liap it finds some equilibria, not all. As in Gambit 17, an extensive game is solved on
 * its reduced strategic form by default (liapEquilibria: each minimum refined by Newton's method
 * on its support, printed as a mixed profile), and with `agent` (`--agent`, gambit-liap's `-A`)
 * on its agent form in behaviour strategies (agentLiapEquilibria: one simplex per information
 * set, printed as a behaviour profile). `--max-seconds S` starts no new minimisation after S
 * seconds and says the list may be incomplete.
 */
export const solveLiap: MethodSolver = (input, { rational, starts, seed, maxSeconds, agent }) => {
  const options = {
    ...(starts !== undefined ? { starts } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(maxSeconds !== undefined ? { maxSeconds } : {}),
  };
  if (input.form === "extensive" && agent) {
    const found = agentLiapEquilibria(input.game, options);
    return {
      equilibria: found.equilibria.map((b) => behaviourEquilibrium(input.game, b, rational)),
      ...(found.truncated ? { truncated: true } : {}),
    };
  }
  const game = strategicFormOf(input);
  const found = liapEquilibria(game, options);
  const sizes = game.strategies.map((s) => s.length);
  return {
    equilibria: found.equilibria.map((profile) =>
      mixedEquilibrium(game, splitByPlayer(profile, sizes), rational),
    ),
    ...(found.truncated ? { truncated: true } : {}),
  };
};
