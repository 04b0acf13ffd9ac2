import { behaviourLayout } from "../../games/behaviourLayout.js";
import { reducedStrategicForm } from "../../games/reducedStrategicForm.js";
import { pureEquilibria } from "../../solvers/pureEquilibria.js";
import type { MethodSolver } from "../methodSolver.js";
import { behaviourEquilibrium, pureEquilibrium } from "../solvedEquilibrium.js";

/**
 * `enumpure`: every pure Nash equilibrium; for an extensive game, those of its reduced strategic
 * form written as behaviour profiles, with all-zero entries at information sets the player's own
 * choices exclude (as Gambit 17's `enumpure` prints them).
 */
export const solveEnumPure: MethodSolver = (input, { rational }) => {
  if (input.form === "strategic") {
    const game = input.game;
    return { equilibria: pureEquilibria(game).map((e) => pureEquilibrium(game, e, rational)) };
  }
  const game = input.game;
  const rsf = reducedStrategicForm(game);
  const layout = behaviourLayout(game);
  const equilibria = pureEquilibria(rsf.game).map((plan) => {
    const behaviour = new Float64Array(layout.size);
    layout.playerInfosets.forEach((sets, p) => {
      sets.forEach((h, k) => {
        const action = rsf.plans[p]![plan[p]! * sets.length + k]!;
        if (action >= 0) behaviour[layout.offset[h]! + action] = 1;
      });
    });
    return behaviourEquilibrium(game, behaviour, rational);
  });
  return { equilibria };
};
