import { iteratedDominanceMixed } from "../../solvers/iteratedDominance.js";
import { pureEquilibria } from "../../solvers/pureEquilibria.js";
import { type MethodSolver, strategicFormOf } from "../methodSolver.js";
import { mixedEquilibrium } from "../solvedEquilibrium.js";

/**
 * `dominance`: iterated elimination of strictly dominated strategies (by pure strategies, then
 * mixed ones via an LP), then the pure equilibria of what survives (the same as the game's);
 * extensive games are reduced first.
 */
export const solveDominance: MethodSolver = async (input, { rational }) => {
  const game = strategicFormOf(input);
  const result = await iteratedDominanceMixed(game);
  const equilibria = pureEquilibria(result.reduced).map((reducedProfile) => {
    const mixed = game.strategies.map((labels, p) =>
      labels.map((_, s) => (result.survivors[p]![reducedProfile[p]!] === s ? 1 : 0)),
    );
    return mixedEquilibrium(game, mixed, rational);
  });
  const label = (p: number, s: number) => game.strategies[p]![s] || `${s + 1}`;
  return {
    equilibria,
    dominance: {
      survivors: result.survivors.map((list, p) => list.map((s) => label(p, s))),
      eliminations: result.eliminations.map((e) => ({
        round: e.round,
        player: e.player + 1,
        strategy: label(e.player, e.strategy),
        dominatedBy:
          "pure" in e.dominatedBy
            ? label(e.player, e.dominatedBy.pure)
            : e.dominatedBy.mixed
                .map(([s, w]) => `${Number(w.toFixed(6))}·${label(e.player, s)}`)
                .join(" + "),
      })),
    },
  };
};
