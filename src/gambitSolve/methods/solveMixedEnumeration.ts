import type { Rational } from "../../math/rational.js";
import { equilibriumComponents } from "../../solvers/equilibriumComponents.js";
import { supportEnumeration, supportEnumerationExact } from "../../solvers/supportEnumeration.js";
import {
  type BimatrixEquilibrium,
  vertexEnumeration,
  vertexEnumerationExact,
} from "../../solvers/vertexEnumeration/index.js";
import { type MethodSolver, requireTwoPlayers, strategicFormOf } from "../methodSolver.js";
import type { MethodEquilibrium, SolvedComponent } from "../SolveResult.js";
import { exactMixedEquilibrium, mixedEquilibrium } from "../solvedEquilibrium.js";

/**
 * `enummixed`: every extreme equilibrium of a two-player game by vertex enumeration (of the
 * reduced strategic form for an extensive game), optionally grouped into connected components;
 * stops at `maxSeconds` and says the list may be incomplete.
 */
export const solveEnumMixed: MethodSolver = (input, options) => {
  const started = performance.now();
  const game = strategicFormOf(input);
  requireTwoPlayers(game, "enummixed");
  // with a time limit, the search gets most of it and checking what it found (each
  // equilibrium's payoffs and regret, O(m·n) apiece) the rest: a degenerate 200 × 200 game can
  // yield tens of thousands of equilibria in seconds
  const limit = options.maxSeconds;
  const search = {
    ...(limit !== undefined ? { maxSeconds: limit * SEARCH_SHARE } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const deadline = limit === undefined ? Number.POSITIVE_INFINITY : started + limit * 1000;
  const result = options.rational
    ? vertexEnumerationExact(game, search)
    : vertexEnumeration(game, search);
  const found = result.equilibria as readonly BimatrixEquilibrium<Rational | number>[];
  const equilibria: MethodEquilibrium[] = [];
  for (const e of found) {
    if (performance.now() > deadline) break;
    equilibria.push(
      options.rational
        ? exactMixedEquilibrium(game, (e as BimatrixEquilibrium<Rational>).strategies)
        : mixedEquilibrium(
            game,
            (e as BimatrixEquilibrium<number>).strategies.map((s) => [...s]),
            false,
          ),
    );
  }
  const complete = result.complete && equilibria.length === found.length;
  const reported = found.slice(0, equilibria.length) as
    | BimatrixEquilibrium<Rational>[]
    | BimatrixEquilibrium<number>[];
  return {
    ...(options.components ? { components: solvedComponents(reported) } : {}),
    equilibria,
    ...(complete ? {} : { truncated: true }),
  };
};

/** Share of `maxSeconds` given to the vertex search; the rest checks and writes what it found. */
const SEARCH_SHARE = 0.8;

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
