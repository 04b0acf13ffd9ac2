import type { SolveMethod } from "./solveMethods.js";

/** Options of {@link solveGame}; each applies to the methods its comment names. */
export interface SolveOptions {
  readonly method?: SolveMethod;
  /** Report probabilities, payoffs and regrets as exact rationals ("1/3"). @default false */
  readonly rational?: boolean;
  /** Most equilibria reported by backward induction. @default 1000 */
  readonly maxEquilibria?: number;
  /** Stop long searches (enummixed, simpdiv, gnm, liap, ipa, enumpoly) after this many seconds and report what was found. */
  readonly maxSeconds?: number;
  /** Called as a long search finds equilibria (count so far). */
  readonly onProgress?: (found: number) => void;
  /**
   * `lcp` on an extensive game: where Lemke's path starts — `"covering"` (gambit-lcp's path and
   * equilibrium) or `"centroid"` (the tracing path from uniform play, far shorter on large trees;
   * see sequenceFormLcp). @default "covering"
   */
  readonly start?: "covering" | "centroid";
  /**
   * `gnm`: seed of the random perturbation direction; `liap`: of the random starting points
   * (default 0); `ipa`: of a random starting profile (default: start from the centroid).
   */
  readonly seed?: number;
  /** `liap`: starting points of the minimisation (the centroid, then random profiles). @default 10 */
  readonly starts?: number;
  /**
   * `liap` on an extensive game: minimise over its agent form in behaviour strategies (one
   * simplex per information set, as Gambit 17's `gambit-liap -A`) instead of its reduced
   * strategic form. No effect on a strategic game. @default false
   */
  readonly agent?: boolean;
  /** `enummixed`: also group the extreme equilibria into connected components. @default false */
  readonly components?: boolean;
  /**
   * `lh`: follow the one Lemke–Howson path that drops this label, numbered 1 … m + n as in von
   * Stengel (2007): 1 … m player 1's strategies, m + 1 … m + n player 2's. Default: every label
   * (`--all-labels`), duplicates removed.
   */
  readonly label?: number;
  /**
   * `logit`: instead of the branch's limit, the logit quantal response equilibrium at this
   * precision λ ≥ 0 (gambit-logit's `-l`), reported as `qre`, not as an equilibrium.
   */
  readonly lambda?: number;
  /**
   * `logit`: also return the traced branch, every point the path follower computed (λ and the
   * profile), as gambit-logit prints it by default. @default false
   */
  readonly branch?: boolean;
}

/**
 * A connected component of a two-player game's equilibrium set, by its extreme equilibria
 * (0-based positions in `equilibria`), and its maximal Nash subsets: convex sets of equilibria,
 * each the product of the hulls of its row and column strategies, given by the extreme
 * equilibria they contain. The component is the union of its Nash subsets.
 */
export interface SolvedComponent {
  readonly equilibria: number[];
  readonly nashSubsets: { readonly equilibria: number[] }[];
}

/** A number as a float, or an exact rational written as a string ("1/3"). */
export type Exact = number | string;

export interface SolvedEquilibrium {
  /** profile[i]: player i's probabilities, in the order of Gambit's `NE,` line. */
  readonly profile: Exact[][];
  readonly payoffs: Exact[];
  readonly regret: Exact;
}

/** What `linkage solve --json` prints. */
export interface SolveResult {
  readonly game: {
    readonly title: string;
    readonly players: readonly string[];
    readonly form: "strategic" | "extensive";
  };
  readonly method: SolveMethod;
  readonly equilibria: SolvedEquilibrium[];
  /** Backward induction found more equilibria than it reports, or a search stopped at its time limit: the list may be incomplete. */
  readonly truncated?: boolean;
  /** `enummixed` with `components`: the connected components of the equilibrium set. */
  readonly components?: SolvedComponent[];
  /**
   * `logit` with `lambda`: the quantal response equilibrium at that λ (floats), with its payoffs
   * and its regret — a QRE is not a Nash equilibrium, so `equilibria` is empty.
   */
  readonly qre?: SolvedEquilibrium & { readonly lambda: number };
  /**
   * `logit` with `branch`: the points of the principal branch in the order traced, each λ with
   * its quantal response equilibrium (player by player, or behaviour by information set).
   */
  readonly branch?: { readonly lambda: number; readonly profile: number[][] }[];
  /**
   * Profiles the method returned that failed the regret check (verifiedBody): never printed as
   * equilibria. Absent when every profile passed.
   */
  readonly rejected?: {
    readonly profile: Exact[][];
    readonly regret: Exact;
    readonly reason: string;
  }[];
  /**
   * `enumpoly`: support profiles (strategy labels per player) whose polynomial system could not
   * be resolved — `singular` (a continuum of equilibria or a singular root), `budget` (too many
   * boxes) or `boundary` (too many undecided boxes on the simplex's boundary, where a probability
   * is 0): equilibria with these supports may be missing from the list.
   */
  readonly degenerateSupports?: {
    readonly supports: string[][];
    readonly reason: "singular" | "budget" | "boundary";
  }[];
  /** `enumpoly`: support profiles enumerated, skipped by conditional dominance, boxes examined. */
  readonly enumeration?: {
    readonly supportProfiles: number;
    readonly pruned: number;
    readonly boxes: number;
  };
  /** The floating-point answer failed its check and the game was solved again exactly. */
  readonly resolvedExactly?: boolean;
  /**
   * `lh` and `lcp` on a strategic game with `rational`: the paths (label 1 … m + n, as `--label`)
   * whose float run's final bases failed the exact check, or that stopped on rounding, so that
   * the path was pivoted again in exact arithmetic, each with why. Absent when every reported
   * path's float bases passed (see lemkeHowsonExact).
   */
  readonly exactPivoting?: { readonly label: number; readonly reason: string }[];
  /** `dominance`: the strategies that survive, and each elimination (strategy labels; for extensive games, reduced strategies). */
  readonly dominance?: {
    readonly survivors: string[][];
    readonly eliminations: {
      round: number;
      player: number;
      strategy: string;
      dominatedBy: string;
    }[];
  };
}

/**
 * An equilibrium as a method returns it: a {@link SolvedEquilibrium} with each player's regret
 * (best deviation payoff minus payoff, exact under `rational`), which verifiedBody checks against
 * that player's payoff scale and then drops (it is not part of `--json`).
 */
export interface MethodEquilibrium extends SolvedEquilibrium {
  readonly regrets: Exact[];
}

/** What one method contributes to a {@link SolveResult}: everything but the game and method. */
export type SolvedBody = Omit<SolveResult, "game" | "method" | "equilibria" | "qre"> & {
  readonly equilibria: MethodEquilibrium[];
  readonly qre?: MethodEquilibrium & { readonly lambda: number };
};

/** A {@link SolvedBody} after verifiedBody: what {@link SolveResult} carries besides the game and method. */
export type VerifiedBody = Omit<SolveResult, "game" | "method">;
