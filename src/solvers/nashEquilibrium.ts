import type { StrategicGame } from "../games/strategicGame.js";
import { logitBranch } from "./logitQre.js";
import { payoffScale, refineEquilibrium } from "./newtonRefine.js";
import { simplicialSubdivision } from "./simplicialSubdivision.js";

/** Options of {@link nashEquilibrium}. */
export interface NashEquilibriumOptions {
  /** Target regret relative to the payoff spread. @default 1e-12 */
  readonly tolerance?: number;
  /** Mesh of the first simplicial pass. @default 4 */
  readonly grid?: number;
  /** Most restarts of the simplicial algorithm (each halves the mesh). @default 16 */
  readonly refinements?: number;
  /** Wall-clock budget for the simplicial passes, in seconds. @default 10 */
  readonly maxSeconds?: number;
  /** Whether to try the logit branch's limit when the simplicial passes fail. @default true */
  readonly logitFallback?: boolean;
}

/** The result of {@link nashEquilibrium}. */
export interface NashEquilibriumResult {
  /** The equilibrium (or best profile found), player by player in Gambit's order. */
  readonly profile: Float64Array;
  /** Its regret, `strategicRegret(...).max`, in payoff units. */
  readonly regret: number;
  /** The payoff spread the tolerance is relative to (see `payoffScale`). */
  readonly scale: number;
  /** Whether `regret ≤ tolerance × scale`. */
  readonly converged: boolean;
  /** Pivots of the simplicial algorithm, over all passes. */
  readonly steps: number;
  /** Simplicial passes run. */
  readonly passes: number;
  /** Where the answer came from. */
  readonly method: "simplicial" | "simplicial+newton" | "logit+newton";
}

/**
 * One Nash equilibrium of a strategic game with any number of players, accurate to rounding:
 * simplicial subdivision finds an approximate equilibrium, Newton's method on the guessed supports
 * polishes it.
 *
 * Method: passes of {@link simplicialSubdivision} on meshes 1/grid, 1/(2·grid), 1/(4·grid), …,
 * each restarted from the previous pass's point (van der Laan–Talman restarts); after each pass
 * {@link refineEquilibrium} guesses the supports and solves the indifference equations, and the
 * first refined profile with regret ≤ tolerance × spread is returned. Simplicial subdivision
 * always ends at an approximate equilibrium whose regret shrinks with the mesh, so for a game
 * whose equilibrium support system is regular at the point found, refinement succeeds once the
 * mesh is fine enough. When it does not within `refinements` passes or `maxSeconds`, the limit
 * of the principal logit branch is refined as a second opinion; otherwise the best profile seen
 * is returned with `converged: false`.
 *
 * Sources: van der Laan, Talman & van der Heyden (1987), Math. of OR 12; McKelvey & McLennan
 * (1996), Handbook of Computational Economics I, §3–4.
 *
 * @param game - a strategic game with any number of players
 * @param options - see {@link NashEquilibriumOptions}
 * @returns the profile, its regret, the scale, whether it converged, the pivots and passes taken
 * and the method that produced it
 * @throws {LinkageError} E_DOMAIN when a player has no strategies or an option is invalid
 * @example
 * const pennies = strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]]);
 * nashEquilibrium(pennies).profile; // => Float64Array [0.5, 0.5, 0.5, 0.5], regret 0
 */
export function nashEquilibrium(
  game: StrategicGame,
  options: NashEquilibriumOptions = {},
): NashEquilibriumResult {
  const tolerance = options.tolerance ?? 1e-12;
  const refinements = options.refinements ?? 16;
  const maxSeconds = options.maxSeconds ?? 10;
  const scale = payoffScale(game);
  const target = tolerance * scale;
  const deadline = Date.now() + maxSeconds * 1000;

  const state: { best: NashEquilibriumResult | null } = { best: null };
  const consider = (candidate: NashEquilibriumResult): boolean => {
    if (!state.best || candidate.regret < state.best.regret) state.best = candidate;
    return candidate.converged;
  };

  let mesh = options.grid ?? 4;
  let start: Float64Array | undefined;
  let steps = 0;
  let passes = 0;
  for (let pass = 0; pass <= refinements; pass++) {
    const remaining = (deadline - Date.now()) / 1000;
    if (remaining <= 0) break;
    const found = simplicialSubdivision(game, {
      grid: mesh,
      refinements: 0,
      maxSeconds: remaining,
      ...(start ? { start } : {}),
    });
    steps += found.steps;
    passes++;
    const base = { scale, steps, passes };
    if (
      consider({
        ...base,
        profile: found.profile,
        regret: found.regret,
        converged: found.regret <= target,
        method: "simplicial",
      })
    )
      return state.best!;
    const refined = refineEquilibrium(game, found.profile, { tolerance });
    if (
      consider({
        ...base,
        profile: refined.profile,
        regret: refined.regret,
        converged: refined.converged,
        method: "simplicial+newton",
      })
    )
      return state.best!;
    if (!found.complete) break;
    start = found.profile;
    mesh *= 2;
  }
  const remaining = (deadline - Date.now()) / 1000;
  if ((options.logitFallback ?? true) && remaining > 0) {
    try {
      const limit = logitBranch(game, { maxSeconds: remaining }).limit;
      const refined = refineEquilibrium(game, limit, { tolerance });
      consider({
        scale,
        steps,
        passes,
        profile: refined.profile,
        regret: refined.regret,
        converged: refined.converged,
        method: "logit+newton",
      });
    } catch {
      // the branch could not be followed (degenerate game); keep the simplicial answer
    }
  }
  return state.best!;
}
