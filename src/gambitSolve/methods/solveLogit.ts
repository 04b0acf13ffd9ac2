import { LinkageError } from "../../errors/LinkageError.js";
import {
  logitBranch,
  logitBranchAgent,
  logitQreAt,
  logitQreAtAgent,
} from "../../solvers/logitQre.js";
import type { MethodSolver } from "../methodSolver.js";
import { behaviourEquilibrium, mixedEquilibrium, splitByPlayer } from "../solvedEquilibrium.js";

/**
 * `logit`: the limit of the principal branch of logit quantal response equilibria (strategic
 * games with any number of players; the agent form of an extensive game); with `lambda`, the
 * QRE on that branch at precision λ (as `qre`, with its regret: it is not an equilibrium).
 */
export const solveLogit: MethodSolver = (input, { rational, maxSeconds, lambda }) => {
  if (lambda !== undefined) {
    if (!(lambda >= 0 && Number.isFinite(lambda))) {
      throw new LinkageError("E_INPUT", `--lambda ${lambda}: expected a finite number ≥ 0`);
    }
    if (rational) {
      throw new LinkageError(
        "E_INPUT",
        "--rational does not apply with --lambda: a quantal response equilibrium is irrational in general",
      );
    }
    const qre =
      input.form === "strategic"
        ? mixedEquilibrium(
            input.game,
            splitByPlayer(
              logitQreAt(input.game, lambda),
              input.game.strategies.map((s) => s.length),
            ),
            false,
          )
        : behaviourEquilibrium(input.game, logitQreAtAgent(input.game, lambda), false);
    return { equilibria: [], qre: { lambda, ...qre } };
  }
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
