import { polynomialEnumeration } from "../../solvers/polynomialEnumeration/index.js";
import { type MethodSolver, strategicFormOf } from "../methodSolver.js";
import { mixedEquilibrium, splitByPlayer } from "../solvedEquilibrium.js";

/**
 * `enumpoly`: every isolated Nash equilibrium of a game with any number of players, by support
 * enumeration and certified interval subdivision of each support's polynomial system
 * (polynomialEnumeration: conditional-dominance pruning, Krawczyk certification, Newton
 * refinement). An extensive game is solved on its reduced strategic form, as gambit-enumpoly
 * does by default and as `liap` does. Support profiles whose system is singular (a continuum of
 * equilibria, or a singular root) or too costly are listed in `degenerateSupports` (the CLI says
 * the list may be incomplete there) instead of being dropped. Under `--rational` each profile is
 * rounded to the fractions it stands for when that is exactly an equilibrium (solvedEquilibrium),
 * else printed as the exact value of its doubles with its exact (tiny) regret: equilibria of games
 * with three or more players may be irrational. `--max-seconds S` stops the enumeration after S
 * seconds and says the list may be incomplete.
 */
export const solveEnumPoly: MethodSolver = (input, { rational, maxSeconds, onProgress }) => {
  const game = strategicFormOf(input);
  const found = polynomialEnumeration(game, {
    ...(maxSeconds !== undefined ? { maxSeconds } : {}),
    ...(onProgress !== undefined ? { onProgress } : {}),
  });
  const sizes = game.strategies.map((s) => s.length);
  return {
    equilibria: found.equilibria.map((profile) =>
      mixedEquilibrium(game, splitByPlayer(profile, sizes), rational),
    ),
    ...(found.truncated ? { truncated: true } : {}),
    ...(found.degenerateSupports.length > 0
      ? {
          degenerateSupports: found.degenerateSupports.map((d) => ({
            supports: d.supports.map((s, p) => s.map((k) => game.strategies[p]![k] || `${k + 1}`)),
            reason: d.reason,
          })),
        }
      : {}),
    enumeration: found.stats,
  };
};
