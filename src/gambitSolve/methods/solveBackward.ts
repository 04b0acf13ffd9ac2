import { LinkageError } from "../../errors/LinkageError.js";
import { backwardInduction } from "../../solvers/backwardInduction/index.js";
import type { MethodSolver } from "../methodSolver.js";
import { behaviourEquilibrium } from "../solvedEquilibrium.js";

/** `backward`: every subgame-perfect equilibrium in pure behaviour strategies of a perfect-information tree. */
export const solveBackward: MethodSolver = (input, { rational, maxEquilibria }) => {
  if (input.form === "strategic") {
    throw new LinkageError(
      "E_INPUT",
      "--method backward needs an extensive game (.efg); this is a strategic game",
    );
  }
  const game = input.game;
  const result = backwardInduction(game, { maxEquilibria: maxEquilibria ?? 1000 });
  return {
    equilibria: result.equilibria.map((b) => behaviourEquilibrium(game, b, rational)),
    ...(result.truncated ? { truncated: true } : {}),
  };
};
