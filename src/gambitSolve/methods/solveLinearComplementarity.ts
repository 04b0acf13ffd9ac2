import { lemkeHowson, lemkeHowsonExact } from "../../solvers/lemkeHowson.js";
import { sequenceFormLcp, sequenceFormLcpExact } from "../../solvers/sequenceFormLcp.js";
import { type MethodSolver, requireTwoPlayers } from "../methodSolver.js";
import {
  behaviourEquilibrium,
  exactBehaviourEquilibrium,
  exactMixedEquilibrium,
  mixedEquilibrium,
} from "../solvedEquilibrium.js";
import { exactPivotingOf } from "./solveLemkeHowson.js";

/**
 * `lcp`: one equilibrium by linear complementarity — Lemke–Howson from label 0 for a strategic
 * game (as gambit-lcp), Lemke's algorithm on the sequence form for an extensive game (no strategic
 * form built; `start: "centroid"` follows the tracing path from uniform play instead of gambit-lcp's).
 */
export const solveLinearComplementarity: MethodSolver = (input, { rational, start }) => {
  if (input.form === "extensive") {
    const game = input.game;
    const from = start ?? "covering";
    return {
      equilibria: [
        rational
          ? exactBehaviourEquilibrium(game, sequenceFormLcpExact(game, { start: from }).behaviour)
          : behaviourEquilibrium(game, sequenceFormLcp(game, { start: from }).behaviour, false),
      ],
    };
  }
  const game = input.game;
  requireTwoPlayers(game, "lcp");
  if (rational) {
    const e = lemkeHowsonExact(game);
    return { equilibria: [exactMixedEquilibrium(game, e.strategies)], ...exactPivotingOf([e]) };
  }
  const e = lemkeHowson(game);
  return {
    equilibria: [
      mixedEquilibrium(
        game,
        e.strategies.map((x) => Array.from(x)),
        false,
      ),
    ],
  };
};
