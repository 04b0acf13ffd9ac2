import { logitBranch, logitBranchAgent } from "../../solvers/logitQre.js";
import type { MethodSolver } from "../methodSolver.js";
import { behaviourEquilibrium, mixedEquilibrium, splitByPlayer } from "../solvedEquilibrium.js";

/**
 * `logit`: the limit of the principal branch of logit quantal response equilibria (strategic
 * games with any number of players; the agent form of an extensive game).
 */
export const solveLogit: MethodSolver = (input, { rational, maxSeconds }) => {
  const limits = maxSeconds !== undefined ? { maxSeconds } : {};
  if (input.form === "strategic") {
    const game = input.game;
    const branch = logitBranch(game, limits);
    const mixed = splitByPlayer(
      branch.limit,
      game.strategies.map((s) => s.length),
    );
    return {
      equilibria: [mixedEquilibrium(game, mixed, rational)],
      ...(branch.converged ? {} : { truncated: true }),
    };
  }
  const branch = logitBranchAgent(input.game, limits);
  return {
    equilibria: [behaviourEquilibrium(input.game, branch.limit, rational)],
    ...(branch.converged ? {} : { truncated: true }),
  };
};
