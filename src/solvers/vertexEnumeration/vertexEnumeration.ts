import type { StrategicGame } from "../../games/strategicGame.js";
import type { Rational } from "../../math/rational.js";
import { type EquilibriumComponents, equilibriumComponents } from "../equilibriumComponents.js";
import { exactPolytopes, floatPolytopes } from "./bimatrixPolytopes.js";
import { ExactPartnerSolver } from "./exactPartnerSolver.js";
import { ExactTableau } from "./exactTableau.js";
import { FloatPartnerSolver } from "./floatPartnerSolver.js";
import { FloatTableau } from "./floatTableau.js";
import { normaliseExact, normaliseFloat, searchEquilibria } from "./searchEquilibria.js";
/**
 * A mixed equilibrium of a two-player game: the row player's (player 1's) mixed strategy, then
 * the column player's, each a probability vector over the player's strategies in file order.
 * `T` is `Rational` for the exact solver and `number` for the floating-point one.
 */
export interface BimatrixEquilibrium<T> {
  readonly strategies: readonly [readonly T[], readonly T[]];
}

/** Options of {@link vertexEnumerationExact} and {@link vertexEnumeration}. */
export interface VertexEnumerationOptions {
  /**
   * Wall-clock budget in seconds. When it runs out the enumeration stops cleanly and returns the
   * equilibria found so far with `complete: false`. @default Infinity
   */
  readonly maxSeconds?: number;
  /** Called each time an equilibrium is found, with the number found so far. */
  readonly onProgress?: (found: number) => void;
  /**
   * Also group the extreme equilibria into connected components and maximal Nash subsets
   * ({@link equilibriumComponents}); they are returned as `components`. @default false
   */
  readonly components?: boolean;
}

/** What {@link vertexEnumerationExact} and {@link vertexEnumeration} return. */
export interface VertexEnumerationResult<T> {
  /** All extreme equilibria (distinct vertex pairs), in the order they were found. */
  readonly equilibria: BimatrixEquilibrium<T>[];
  /** `false` when `maxSeconds` stopped the enumeration before it finished. */
  readonly complete: boolean;
  /**
   * Distinct nonzero vertices found of P (row player's polytope) and of Q. With the
   * `"onePolytope"` method these are all vertices of the enumerated polytope (see `enumerated`)
   * and, of the other polytope, only the vertices that are part of some equilibrium.
   */
  readonly vertices: readonly [number, number];
  /**
   * Lexico-feasible bases visited (more than the vertices when degenerate): in the enumerated
   * polytope(s), plus those of the faces searched for partners.
   */
  readonly bases: number;
  /**
   * Whose polytope was enumerated in full: 0 (P, when the row player has no more strategies than
   * the column player), 1 (Q), or `"both"` (method `"bothPolytopes"`).
   */
  readonly enumerated: 0 | 1 | "both";
  /**
   * With the `"onePolytope"` method: vertices of the enumerated polytope whose partners were
   * decided by solving the square system of their support and best replies directly (none, or
   * the single partner). 0 with `"bothPolytopes"` or `partnerSolve: false`.
   */
  readonly partnerSolves: number;
  /**
   * With the `"onePolytope"` method: vertices whose partners were found by searching the face of
   * the other polytope (degenerate vertices, singular or undecided systems, and every vertex with
   * `partnerSolve: false`). 0 with `"bothPolytopes"`.
   */
  readonly faceSearches: number;
  /** Connected components and maximal Nash subsets, when asked for with `components: true`. */
  readonly components?: EquilibriumComponents;
}

/**
 * Floating-point tolerance of {@link vertexEnumeration}: pivot elements must exceed it, and basic
 * values within it of 0 count as 0 (a tight constraint). Payoffs are first scaled into [1, 2].
 */
export const VERTEX_TOLERANCE = 1e-9;

/**
 * All extreme Nash equilibria of a two-player strategic game, in exact rational arithmetic.
 *
 * Method (von Stengel 2007, §3.5; Avis, Rosenberg, Savani & von Stengel 2010): shift each
 * player's payoffs to be positive, A, B > 0 (m × n), and form the best-response polytopes
 *   P = { x ∈ ℝᵐ : x ≥ 0, Bᵀx ≤ 1 },   Q = { y ∈ ℝⁿ : Ay ≤ 1, y ≥ 0 }.
 * A point carries label i ∈ M = {1..m} when x_i = 0 (in P) or (Ay)_i = 1 (in Q), and label j ∈ N
 * when (Bᵀx)_j = 1 (in P) or y_j = 0 (in Q). A pair (x, y) ≠ (0, 0) of vertices is *completely
 * labelled* (every label of M ∪ N appears at x or at y) iff (x/Σx, y/Σy) is a Nash equilibrium,
 * and the extreme equilibria are exactly these vertex pairs (Mangasarian 1964; Winkels 1979).
 *
 * Only one polytope is enumerated, the one of the player with fewer strategies (fewer
 * vertices, by the upper bound theorem), say P. For each vertex x ≠ 0 of P the labels it lacks
 * must all be labels of y: the partners of x are the vertices of the face
 *   F(x) = { y ∈ Q : (Ay)_i = 1 for x_i > 0,  y_j = 0 for (Bᵀx)_j < 1 },
 * which is a face of Q, so its vertices are vertices of Q. When x is nondegenerate (exactly m
 * labels), its support S = {i : x_i > 0} and best replies T = {j : (Bᵀx)_j = 1} have the same size
 * s, and F(x) lies in the solutions of the s × s system A[S,T]·y_T = 1 with y_j = 0 off T. When
 * A[S,T] is nonsingular that solution is unique, so F(x) is that point or empty; the point is a
 * vertex of Q when it is in Q (n linearly independent tight constraints: the n − s zeros and the
 * s rows of the nonsingular A[S,T]), and it is in Q iff y_T ≥ 0 and (Ay)_i ≤ 1 for i ∉ S. So
 * the system is solved directly (fraction-free, as below) and its signs decide; most vertices
 * have no partner, and this rejects them without touching Q's tableau. (In a nondegenerate game
 * every vertex is of this kind and has at most one partner, von Stengel 2007, §3.5; Avis et al.
 * 2010 find the partners of each vertex from the labels it lacks.) Otherwise (x degenerate,
 * A[S,T] singular, or a tie at 0, i.e. a degenerate y) F(x) is searched: Gauss–Jordan
 * elimination of the tight rows' slacks in Q's tableau (a single point, or empty, decided by the
 * signs of the solution); when it has positive dimension (degenerate x), a phase-1 simplex
 * (Bland's rule) minimising the sum of those slacks decides whether it is empty and finds a
 * feasible basis of it, and its vertices are enumerated by the same lexicographic search as P's,
 * with the tight rows as equations (Avis et al. 2010, §4, which does this with lrs).
 *
 * Vertices of P are enumerated by depth-first search over the feasible bases of its dictionary,
 * pivoting by the lexicographic ratio test and remembering visited bases in a hash set.
 * Degeneracy: the lexicographic rule is the simplex method on the perturbed right-hand side
 * 1 + (ε, ε², …), under which every basis is nondegenerate, so the lexico-feasible bases are the
 * vertices of a simple polytope and their pivot graph is connected (Dantzig, Orden & Wolfe 1955;
 * the same device as Avis's lrs, Avis & Fukuda 1992). Every vertex of the unperturbed polytope has
 * at least one lexico-feasible basis; a vertex's label set is read from the basis with ε = 0 (its
 * nonbasic variables and its basic variables at value 0), and vertices are deduplicated by label
 * set (a vertex is the only point of the polytope where its tight constraints hold). A face is
 * searched the same way with the perturbation B₀(ε, ε², …) of its first feasible basis B₀ (so
 * B₀ is lexico-feasible). So degenerate games give every extreme equilibrium, once each; a
 * continuum of equilibria shows up as its extreme points. Unlike lrs's reverse search, the search
 * keeps the set of visited bases and a stack of pivots, so memory grows with the number of bases
 * (a few hundred bytes per basis: millions of bases fit).
 *
 * Arithmetic: an integer-preserving (fraction-free) tableau (Edmonds 1967; Bareiss 1968): entries
 * are D·B⁻¹[C | I | 1] with D = |det B|; a pivot on (r, c) sets
 * T'ᵢⱼ = (T_rc·Tᵢⱼ − Tᵢc·T_rj) / D (exact division) and keeps row r; backtracking pivots back.
 * Entries are held as doubles while they are below 2⁵⁰ and each pivot's numerators below
 * 2⁴⁹·D: then the rounded floating-point quotient is within 3/8 of the exact integer quotient,
 * so rounding it gives that integer exactly. A pivot that could break the bound switches the
 * tableau to bigints, and it switches back when the entries are small again.
 *
 * Exact and floating-point versions are two functions rather than a flag (STYLE.md practice 12,
 * and the `strategicRegret` / `strategicRegretExact` pair): their element types and guarantees
 * differ.
 *
 * Sources: B. von Stengel, "Equilibrium computation for two-player games in strategic and
 * extensive form", ch. 3 of Algorithmic Game Theory (Nisan et al., 2007); D. Avis, G. Rosenberg,
 * R. Savani and B. von Stengel, "Enumeration of Nash equilibria for two-player games", Economic
 * Theory 42 (2010); D. Avis and K. Fukuda, "A pivoting algorithm for convex hulls and vertex
 * enumeration of arrangements and polyhedra", Discrete Comput. Geom. 8 (1992); D. Avis, "lrs: a
 * revised implementation of the reverse search vertex enumeration algorithm" (2000).
 *
 * @param game - a strategic game with exactly two players (exact payoffs used when present)
 * @returns the extreme equilibria as exact probability vectors, and whether the search finished
 * @throws {LinkageError} E_DOMAIN when the game does not have exactly two players
 * @example
 * // battle of the sexes: A = [[2, 0], [0, 1]], B = [[1, 0], [0, 2]]
 * vertexEnumerationExact(strategicGameFromTables([2, 2], [[2, 0, 0, 1], [1, 0, 0, 2]]))
 *   .equilibria.map((e) => e.strategies.map((s) => s.map(formatRational)));
 * // => [[["1","0"],["1","0"]], [["2/3","1/3"],["1/3","2/3"]], [["0","1"],["0","1"]]]
 */
export function vertexEnumerationExact(
  game: StrategicGame,
  options: VertexEnumerationOptions = {},
): VertexEnumerationResult<Rational> {
  const result = searchEquilibria(
    exactPolytopes(game),
    (c, cols) => new ExactTableau(c, cols),
    (c) => new ExactPartnerSolver(c),
    options,
    0n,
    normaliseExact,
  );
  return options.components
    ? { ...result, components: equilibriumComponents(result.equilibria) }
    : result;
}

/**
 * {@link vertexEnumerationExact} in floating point: the same lexicographic vertex enumeration on a
 * tableau of doubles, with payoffs scaled into [1, 2] and the tolerance {@link VERTEX_TOLERANCE}.
 * Faster, but on degenerate or badly conditioned games a tolerance decides which constraints
 * are tight, so it can miss or split equilibria that the exact version gets right. Backtracking
 * pivots back, so rounding accumulates along the search path (which, depth first, can be as long
 * as the number of bases); each partner is solved afresh from the payoffs.
 *
 * Sources: as {@link vertexEnumerationExact}.
 * @throws {LinkageError} E_DOMAIN when the game does not have exactly two players
 * @example
 * // matching pennies
 * vertexEnumeration(strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]])).equilibria
 * // => [{ strategies: [[0.5, 0.49999999999999994], [0.5, 0.49999999999999994]] }]
 */
export function vertexEnumeration(
  game: StrategicGame,
  options: VertexEnumerationOptions = {},
): VertexEnumerationResult<number> {
  const result = searchEquilibria(
    floatPolytopes(game),
    (c, cols) => new FloatTableau(c, cols),
    (c) => new FloatPartnerSolver(c),
    options,
    0,
    normaliseFloat,
  );
  return options.components
    ? { ...result, components: equilibriumComponents(result.equilibria) }
    : result;
}
