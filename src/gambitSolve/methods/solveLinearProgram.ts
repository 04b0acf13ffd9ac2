import { sequenceFormLp } from "../../solvers/sequenceFormLp.js";
import { zeroSumLp, zeroSumLpExact } from "../../solvers/zeroSumLp.js";
import { type MethodSolver, requireTwoPlayers, strategicFormOf } from "../methodSolver.js";
import {
  behaviourEquilibrium,
  exactMixedEquilibrium,
  mixedEquilibrium,
} from "../solvedEquilibrium.js";

/**
 * `lp`: the value and optimal strategies of a constant-sum two-player game by linear programming;
 * for an extensive game, the sequence-form LP (no strategic form built).
 */
export const solveLinearProgram: MethodSolver = async (input, { rational }) => {
  if (input.form === "extensive") {
    const solution = await sequenceFormLp(input.game);
    return { equilibria: [behaviourEquilibrium(input.game, solution.behaviour, rational)] };
  }
  const game = strategicFormOf(input);
  requireTwoPlayers(game, "lp");
  if (rational)
    return { equilibria: [exactMixedEquilibrium(game, zeroSumLpExact(game).strategies)] };
  const solution = await zeroSumLp(game);
  return {
    equilibria: [
      mixedEquilibrium(
        game,
        solution.strategies.map((s) => Array.from(s)),
        false,
      ),
    ],
  };
};
