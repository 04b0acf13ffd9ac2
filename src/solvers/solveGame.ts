import { LinkageError } from "../errors/LinkageError.js";
import { behaviourLayout } from "../games/behaviourLayout.js";
import type { ExtensiveGame } from "../games/extensiveGame.js";
import type { GambitGame } from "../games/gambit/readGambitGame.js";
import { reducedStrategicForm } from "../games/reducedStrategicForm.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { formatRational, fromNumber, type Rational } from "../math/rational.js";
import { backwardInduction } from "./backwardInduction.js";
import { equilibriumComponents } from "./equilibriumComponents.js";
import { globalNewton } from "./globalNewton.js";
import { iteratedDominanceMixed } from "./iteratedDominance.js";
import {
  lemkeHowson,
  lemkeHowsonAll,
  lemkeHowsonAllExact,
  lemkeHowsonExact,
} from "./lemkeHowson.js";
import { logitBranch, logitBranchAgent } from "./logitQre.js";
import { nashEquilibrium } from "./nashEquilibrium.js";
import { pureEquilibria } from "./pureEquilibria.js";
import {
  behaviourRegret,
  behaviourRegretExact,
  strategicRegret,
  strategicRegretExact,
} from "./regret.js";
import { sequenceFormLcp, sequenceFormLcpExact } from "./sequenceFormLcp.js";
import { sequenceFormLp } from "./sequenceFormLp.js";
import type { SolveMethod } from "./solveMethods.js";
import { supportEnumeration, supportEnumerationExact } from "./supportEnumeration.js";
import {
  type BimatrixEquilibrium,
  vertexEnumeration,
  vertexEnumerationExact,
} from "./vertexEnumeration.js";
import { zeroSumLp, zeroSumLpExact } from "./zeroSumLp.js";

export { SOLVE_METHODS, type SolveMethod } from "./solveMethods.js";

export interface SolveOptions {
  readonly method?: SolveMethod;
  /** Report probabilities, payoffs and regrets as exact rationals ("1/3"). @default false */
  readonly rational?: boolean;
  /** Most equilibria reported by backward induction. @default 1000 */
  readonly maxEquilibria?: number;
  /** Stop long searches (enummixed) after this many seconds and report what was found. */
  readonly maxSeconds?: number;
  /** Called as a long search finds equilibria (count so far). */
  readonly onProgress?: (found: number) => void;
  /**
   * `lcp` on an extensive game: where Lemke's path starts — `"covering"` (gambit-lcp's path and
   * equilibrium) or `"centroid"` (the tracing path from uniform play, far shorter on large trees;
   * see sequenceFormLcp). @default "covering"
   */
  readonly start?: "covering" | "centroid";
  /** `gnm`: seed of the random perturbation direction. @default 0 */
  readonly seed?: number;
  /** `enummixed`: also group the extreme equilibria into connected components. @default false */
  readonly components?: boolean;
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
 * Solves a game read from a Gambit file with one method, reporting every equilibrium with its
 * payoffs and regret, in Gambit's profile order:
 * - `enumpure`: all pure Nash equilibria; for an extensive game, those of its reduced strategic
 *   form written as behaviour profiles, with all-zero entries at information sets the player's
 *   own choices exclude (as Gambit 17's `enumpure` prints them);
 * - `dominance`: iterated elimination of strictly dominated strategies (pure or mixed), then the
 *   pure equilibria of what survives (the same as the game's); extensive games are reduced first;
 * - `backward`: every subgame-perfect equilibrium in pure behaviour strategies of a
 *   perfect-information extensive game;
 * - `enummixed`: every extreme equilibrium of a two-player game by vertex enumeration (exact with
 *   `rational`), of the reduced strategic form for an extensive game;
 * - `enumsupport`: support enumeration, for nondegenerate two-player games;
 * - `logit`: the limit of the principal branch of logit quantal response equilibria (strategic
 *   form for any number of players; agent form of an extensive game);
 * - `lh`: Lemke–Howson from every starting label, duplicates removed (two players);
 * - `lp`: value and optimal strategies of a constant-sum two-player game by linear programming
 *   (the sequence-form LP for an extensive game);
 * - `lcp`: one equilibrium by linear complementarity: Lemke–Howson from label 0 for a strategic
 *   game, Lemke's algorithm on the sequence form for an extensive game (no strategic form built;
 *   `start: "centroid"` follows the tracing path from uniform play instead of gambit-lcp's);
 * - `simpdiv`: one equilibrium of any n-player game by simplicial subdivision (van der Laan,
 *   Talman and van der Heyden's variable-dimension algorithm with restarts), refined by Newton
 *   steps on the support until the regret is below 1e-12 of the payoff spread;
 * - `gnm`: the global Newton method of Govindan and Wilson for any n-player game: every
 *   equilibrium on the path of one random perturbation (`seed`), each refined by Newton steps
 *   (extensive games: of the reduced strategic form).
 * @throws {LinkageError} E_INPUT when the method does not apply to the game
 */
export async function solveGame(
  input: GambitGame,
  options: SolveOptions = {},
): Promise<SolveResult> {
  const method = options.method ?? "enumpure";
  const rational = options.rational ?? false;
  const header = { title: input.game.title, players: input.game.players, form: input.form };
  if (options.components && method !== "enummixed") {
    throw new LinkageError("E_INPUT", "--components applies to --method enummixed only");
  }
  if (method === "enummixed" || method === "enumsupport") {
    const strategic =
      input.form === "strategic" ? input.game : reducedStrategicForm(input.game).game;
    return { game: header, method, ...mixedEquilibria(strategic, method, rational, options) };
  }
  if (
    options.start !== undefined &&
    options.start !== "covering" &&
    !(method === "lcp" && input.form === "extensive")
  ) {
    throw new LinkageError(
      "E_INPUT",
      `--start ${options.start} applies to --method lcp on an extensive game (.efg) only`,
    );
  }
  if (method === "lcp" && input.form === "extensive") {
    const game = input.game;
    const start = options.start ?? "covering";
    const equilibrium = rational
      ? exactBehaviourEquilibrium(game, sequenceFormLcpExact(game, { start }).behaviour)
      : behaviourEquilibrium(game, sequenceFormLcp(game, { start }).behaviour, false);
    return { game: header, method, equilibria: [equilibrium] };
  }
  if (method === "lcp" && input.form === "strategic") {
    // a strategic game: Lemke–Howson from label 0, as gambit-lcp does
    const game = input.game;
    if (game.players.length !== 2) {
      throw new LinkageError(
        "E_INPUT",
        `--method lcp needs a two-player game; this one has ${game.players.length} players`,
      );
    }
    if (rational) {
      const e = lemkeHowsonExact(game);
      const r = strategicRegretExact(
        game,
        e.strategies.map((x) => [...x]),
      );
      return {
        game: header,
        method,
        equilibria: [
          {
            profile: e.strategies.map((x) => x.map(formatRational)),
            payoffs: r.payoffs.map(formatRational),
            regret: formatRational(r.max),
          },
        ],
      };
    }
    const e = lemkeHowson(game);
    return {
      game: header,
      method,
      equilibria: [
        mixedEquilibrium(
          game,
          e.strategies.map((x) => Array.from(x)),
          false,
        ),
      ],
    };
  }
  if (method === "lp" && input.form === "extensive") {
    const solution = await sequenceFormLp(input.game);
    return {
      game: header,
      method,
      equilibria: [behaviourEquilibrium(input.game, solution.behaviour, rational)],
    };
  }
  if (method === "lh" || method === "lp") {
    const strategic =
      input.form === "strategic" ? input.game : reducedStrategicForm(input.game).game;
    return { game: header, method, ...(await twoPlayerPivoting(strategic, method, rational)) };
  }
  if (method === "gnm") {
    const strategic =
      input.form === "strategic" ? input.game : reducedStrategicForm(input.game).game;
    const found = globalNewton(strategic, {
      ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    });
    const sizes = strategic.strategies.map((s) => s.length);
    return {
      game: header,
      method,
      equilibria: found.equilibria.map((e) =>
        mixedEquilibrium(strategic, splitByPlayer(e.profile, sizes), rational),
      ),
      ...(found.complete ? {} : { truncated: true }),
    };
  }
  if (method === "simpdiv") {
    const strategic =
      input.form === "strategic" ? input.game : reducedStrategicForm(input.game).game;
    const found = nashEquilibrium(
      strategic,
      options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {},
    );
    const mixed = splitByPlayer(
      found.profile,
      strategic.strategies.map((s) => s.length),
    );
    return {
      game: header,
      method,
      equilibria: [mixedEquilibrium(strategic, mixed, rational)],
      ...(found.converged ? {} : { truncated: true }),
    };
  }
  if (method === "logit") {
    if (input.form === "strategic") {
      const branch = logitBranch(input.game);
      const mixed = splitByPlayer(
        branch.limit,
        input.game.strategies.map((s) => s.length),
      );
      return {
        game: header,
        method,
        equilibria: [mixedEquilibrium(input.game, mixed, rational)],
        ...(branch.converged ? {} : { truncated: true }),
      };
    }
    const branch = logitBranchAgent(input.game);
    return {
      game: header,
      method,
      equilibria: [behaviourEquilibrium(input.game, branch.limit, rational)],
      ...(branch.converged ? {} : { truncated: true }),
    };
  }
  if (input.form === "strategic") {
    if (method === "backward") {
      throw new LinkageError(
        "E_INPUT",
        "--method backward needs an extensive game (.efg); this is a strategic game",
      );
    }
    return method === "dominance"
      ? { game: header, method, ...(await dominance(input.game, rational)) }
      : {
          game: header,
          method,
          equilibria: pureEquilibria(input.game).map((e) =>
            strategicEquilibrium(input.game, e, rational),
          ),
        };
  }
  const game = input.game;
  if (method === "backward") {
    const result = backwardInduction(game, { maxEquilibria: options.maxEquilibria ?? 1000 });
    return {
      game: header,
      method,
      equilibria: result.equilibria.map((b) => behaviourEquilibrium(game, b, rational)),
      ...(result.truncated ? { truncated: true } : {}),
    };
  }
  const rsf = reducedStrategicForm(game);
  if (method === "dominance")
    return { game: header, method, ...(await dominance(rsf.game, rational)) };
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
  return { game: header, method, equilibria };
}

function strategicEquilibrium(
  game: StrategicGame,
  pure: Int32Array,
  rational: boolean,
): SolvedEquilibrium {
  const mixed = game.strategies.map((labels, p) => labels.map((_, s) => (s === pure[p] ? 1 : 0)));
  return mixedEquilibrium(game, mixed, rational);
}

function mixedEquilibrium(
  game: StrategicGame,
  mixed: number[][],
  rational: boolean,
): SolvedEquilibrium {
  if (rational) {
    const exact = mixed.map((m) => m.map(fromNumber));
    const r = strategicRegretExact(game, exact);
    return {
      profile: exact.map((m) => m.map(formatRational)),
      payoffs: r.payoffs.map(formatRational),
      regret: formatRational(r.max),
    };
  }
  const r = strategicRegret(game, mixed);
  return { profile: mixed, payoffs: r.payoffs, regret: r.max };
}

/** A behaviour profile known exactly: probabilities, payoffs and regret as exact strings. */
function exactBehaviourEquilibrium(
  game: ExtensiveGame,
  behaviour: readonly Rational[],
): SolvedEquilibrium {
  const layout = behaviourLayout(game);
  const r = behaviourRegretExact(game, behaviour);
  const profile = layout.playerInfosets.map((sets) =>
    sets.flatMap((h) =>
      game.infosets[h]!.actions.map((_, a) => formatRational(behaviour[layout.offset[h]! + a]!)),
    ),
  );
  return { profile, payoffs: r.payoffs.map(formatRational), regret: formatRational(r.max) };
}

function behaviourEquilibrium(
  game: ExtensiveGame,
  behaviour: Float64Array,
  rational: boolean,
): SolvedEquilibrium {
  const layout = behaviourLayout(game);
  const split = <T>(values: ArrayLike<T>): T[][] =>
    layout.playerInfosets.map((sets) =>
      sets.flatMap((h) =>
        Array.from(
          { length: game.infosets[h]!.actions.length },
          (_, a) => values[layout.offset[h]! + a]!,
        ),
      ),
    );
  if (rational) {
    const exact: Rational[] = Array.from(behaviour, fromNumber);
    const r = behaviourRegretExact(game, exact);
    return {
      profile: split(exact.map(formatRational)),
      payoffs: r.payoffs.map(formatRational),
      regret: formatRational(r.max),
    };
  }
  const r = behaviourRegret(game, behaviour);
  return { profile: split(Array.from(behaviour)), payoffs: r.payoffs, regret: r.max };
}

async function dominance(
  game: StrategicGame,
  rational: boolean,
): Promise<Omit<SolveResult, "game" | "method">> {
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
}

/** All extreme equilibria (vertex enumeration) or the support-enumeration equilibria of a two-player game. */
function mixedEquilibria(
  game: StrategicGame,
  method: "enummixed" | "enumsupport",
  rational: boolean,
  options: SolveOptions,
): Omit<SolveResult, "game" | "method"> {
  if (game.players.length !== 2) {
    throw new LinkageError(
      "E_INPUT",
      `--method ${method} needs a two-player game; this one has ${game.players.length} players`,
    );
  }
  const searchOptions = {
    ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  if (rational) {
    const result =
      method === "enummixed"
        ? vertexEnumerationExact(game, searchOptions)
        : supportEnumerationExact(game);
    const complete = "complete" in result ? result.complete : true;
    return {
      ...(options.components ? { components: solvedComponents(result.equilibria) } : {}),
      equilibria: result.equilibria.map((e) => {
        const r = strategicRegretExact(
          game,
          e.strategies.map((s) => [...s]),
        );
        return {
          profile: e.strategies.map((s) => s.map(formatRational)),
          payoffs: r.payoffs.map(formatRational),
          regret: formatRational(r.max),
        };
      }),
      ...(complete ? {} : { truncated: true }),
    };
  }
  const result =
    method === "enummixed" ? vertexEnumeration(game, searchOptions) : supportEnumeration(game);
  const complete = "complete" in result ? result.complete : true;
  return {
    ...(options.components ? { components: solvedComponents(result.equilibria) } : {}),
    equilibria: result.equilibria.map((e) =>
      mixedEquilibrium(
        game,
        e.strategies.map((s) => [...s]),
        false,
      ),
    ),
    ...(complete ? {} : { truncated: true }),
  };
}

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

/** Lemke–Howson from every starting label (duplicates removed), or the zero-sum LP. */
async function twoPlayerPivoting(
  game: StrategicGame,
  method: "lh" | "lp",
  rational: boolean,
): Promise<Omit<SolveResult, "game" | "method">> {
  if (game.players.length !== 2) {
    throw new LinkageError(
      "E_INPUT",
      `--method ${method} needs a two-player game; this one has ${game.players.length} players`,
    );
  }
  const exactOf = (strategies: readonly (readonly Rational[])[]) => {
    const r = strategicRegretExact(
      game,
      strategies.map((s) => [...s]),
    );
    return {
      profile: strategies.map((s) => s.map(formatRational)),
      payoffs: r.payoffs.map(formatRational),
      regret: formatRational(r.max),
    };
  };
  if (method === "lp") {
    if (rational) return { equilibria: [exactOf(zeroSumLpExact(game).strategies)] };
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
  }
  if (rational) return { equilibria: lemkeHowsonAllExact(game).map((e) => exactOf(e.strategies)) };
  return {
    equilibria: lemkeHowsonAll(game).map((e) =>
      mixedEquilibrium(
        game,
        e.strategies.map((s) => Array.from(s)),
        false,
      ),
    ),
  };
}

/** A flat profile cut into one array per player. */
function splitByPlayer(flat: ArrayLike<number>, sizes: readonly number[]): number[][] {
  let at = 0;
  return sizes.map((n) => {
    const part = Array.from({ length: n }, (_, k) => flat[at + k]!);
    at += n;
    return part;
  });
}

/** A profile as Gambit's `NE,` line. */
export function formatEquilibriumLine(equilibrium: SolvedEquilibrium): string {
  return `NE,${equilibrium.profile.flat().join(",")}`;
}
