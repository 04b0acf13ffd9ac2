import type { Rational } from "../../math/rational.js";
import { equilibriumComponents } from "../../solvers/equilibriumComponents.js";
import { supportEnumeration, supportEnumerationExact } from "../../solvers/supportEnumeration.js";
import {
  type BimatrixEquilibrium,
  vertexEnumeration,
  vertexEnumerationExact,
} from "../../solvers/vertexEnumeration.js";
import { type MethodSolver, requireTwoPlayers, strategicFormOf } from "../methodSolver.js";
import type { SolvedComponent } from "../SolveResult.js";
import { exactMixedEquilibrium, mixedEquilibrium } from "../solvedEquilibrium.js";

/**
 * `enummixed`: every extreme equilibrium of a two-player game by vertex enumeration (of the
 * reduced strategic form for an extensive game), optionally grouped into connected components;
 * stops at `maxSeconds` and says the list may be incomplete.
 */
export const solveEnumMixed: MethodSolver = (input, options) => {
  const game = strategicFormOf(input);
  requireTwoPlayers(game, "enummixed");
  const search = {
    ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const result = options.rational
    ? vertexEnumerationExact(game, search)
    : vertexEnumeration(game, search);
  const equilibria = options.rational
    ? (result as ReturnType<typeof vertexEnumerationExact>).equilibria.map((e) =>
        exactMixedEquilibrium(game, e.strategies),
      )
    : (result as ReturnType<typeof vertexEnumeration>).equilibria.map((e) =>
        mixedEquilibrium(
          game,
          e.strategies.map((s) => [...s]),
          false,
        ),
      );
  return {
    ...(options.components ? { components: solvedComponents(result.equilibria) } : {}),
    equilibria,
    ...(result.complete ? {} : { truncated: true }),
  };
};

/** `enumsupport`: support enumeration, for nondegenerate two-player games. */
export const solveEnumSupport: MethodSolver = (input, { rational }) => {
  const game = strategicFormOf(input);
  requireTwoPlayers(game, "enumsupport");
  if (rational) {
    return {
      equilibria: supportEnumerationExact(game).equilibria.map((e) =>
        exactMixedEquilibrium(game, e.strategies),
      ),
    };
  }
  return {
    equilibria: supportEnumeration(game).equilibria.map((e) =>
      mixedEquilibrium(
        game,
        e.strategies.map((s) => [...s]),
        false,
      ),
    ),
  };
};

/** The components of {@link equilibriumComponents}, each Nash subset by its extreme equilibria. */
function solvedComponents(
  equilibria: readonly BimatrixEquilibrium<Rational>[] | readonly BimatrixEquilibrium<number>[],
): SolvedComponent[] {
  const found = equilibriumComponents(equilibria);
  const at = new Map<string, number>();
  found.equilibriumRows.forEach((r, e) => {
    at.set(`${r},${found.equilibriumColumns[e]!}`, e);
  });
  return found.components.map((c) => ({
    equilibria: [...c.equilibria],
    nashSubsets: c.nashSubsets.map((subset) => ({
      equilibria: subset.rows
        .flatMap((r) => subset.columns.map((col) => at.get(`${r},${col}`)!))
        .sort((a, b) => a - b),
    })),
  }));
}
