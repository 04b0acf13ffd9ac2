import { LinkageError } from "../../errors/LinkageError.js";
import {
  type LogitPoint,
  logitBranch,
  logitBranchAgent,
  logitQreAt,
  logitQreAtAgent,
} from "../../solvers/logitQre.js";
import type { MethodSolver } from "../methodSolver.js";
import {
  behaviourEquilibrium,
  mixedEquilibrium,
  splitBehaviour,
  splitByPlayer,
} from "../solvedEquilibrium.js";

/**
 * `logit`: the limit of the principal branch of logit quantal response equilibria (strategic
 * games with any number of players; the agent form of an extensive game); with `lambda`, the
 * QRE on that branch at precision λ (as `qre`, with its regret: it is not an equilibrium).
 */
export const solveLogit: MethodSolver = (input, { rational, maxSeconds, lambda, branch }) => {
  if (branch && lambda !== undefined) {
    throw new LinkageError(
      "E_INPUT",
      "--branch and --lambda exclude each other: one prints the whole branch, the other one point of it",
    );
  }
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
    const sizes = game.strategies.map((s) => s.length);
    const traced = logitBranch(game, limits);
    return {
      equilibria: [mixedEquilibrium(game, splitByPlayer(traced.limit, sizes), rational)],
      ...(traced.converged ? {} : { truncated: true }),
      ...(branch ? { branch: pointsOf(traced.points, sizes) } : {}),
    };
  }
  const game = input.game;
  const traced = logitBranchAgent(game, limits);
  return {
    equilibria: [behaviourEquilibrium(game, traced.limit, rational)],
    ...(traced.converged ? {} : { truncated: true }),
    ...(branch
      ? {
          branch: traced.points.map((p) => ({
            lambda: p.lambda,
            profile: splitBehaviour(game, Array.from(p.profile)),
          })),
        }
      : {}),
  };
};

/** The branch's points with each profile split by player, as the `NE,` line orders it. */
function pointsOf(
  points: readonly LogitPoint[],
  sizes: readonly number[],
): { lambda: number; profile: number[][] }[] {
  return points.map((p) => ({ lambda: p.lambda, profile: splitByPlayer(p.profile, sizes) }));
}
