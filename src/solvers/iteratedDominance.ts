import { profileCount, type StrategicGame } from "../games/strategicGame.js";
import { type LinearConstraint, solveLinearProgram } from "../math/linearProgram.js";
import { payoffGreater } from "./payoffOrder.js";

/** One eliminated strategy and what dominates it. */
export interface Elimination {
  /** 1-based round in which it was removed (all strategies dominated in a round go together). */
  readonly round: number;
  readonly player: number;
  readonly strategy: number;
  /** The dominating pure strategy, or the weights of a dominating mixed strategy. */
  readonly dominatedBy:
    | { readonly pure: number }
    | { readonly mixed: readonly (readonly [number, number])[] };
}

export interface DominanceResult {
  /** Surviving strategies per player, as indices into the original game. */
  readonly survivors: readonly (readonly number[])[];
  readonly eliminations: readonly Elimination[];
  /** The game restricted to the survivors. */
  readonly reduced: StrategicGame;
}

/** A strategy is dominated by a mixture when the LP's margin exceeds this (relative to payoff scale). */
export const MIXED_DOMINANCE_TOLERANCE = 1e-9;

/**
 * Iterated elimination of strictly dominated strategies, domination by pure strategies only,
 * for any number of players. Each round removes every strategy of every player that some other
 * surviving strategy of the same player beats against every surviving profile of the others;
 * rounds repeat until none is removed. The result does not depend on the order of elimination
 * (strict dominance; Gilboa, Kalai and Zemel 1990).
 */
export function iteratedDominancePure(game: StrategicGame): DominanceResult {
  return eliminate(game, (survivors, p, s) => {
    for (const t of survivors[p]!) {
      if (t !== s && beatsEverywhere(game, survivors, p, t, s)) return { pure: t };
    }
    return null;
  });
}

/**
 * Iterated elimination of strategies strictly dominated by pure or mixed strategies, for any
 * number of players: s is dominated iff the linear program
 *   max ε  s.t.  Σ_t σ_t·u_p(t, o) − ε ≥ u_p(s, o) for every surviving profile o of the others,
 *   Σ_t σ_t = 1, σ ≥ 0 (t ranging over p's other survivors)
 * has ε > MIXED_DOMINANCE_TOLERANCE·scale (solved with HiGHS). Pure domination is tried first.
 * The LP's payoffs are divided by the largest |payoff| first (HiGHS refuses matrix entries of
 * 1e15 and more: Gambit's `large_payoff_game` has 1e19), and the mixture it finds is checked
 * against the original payoffs: it must beat s by a positive margin at every profile.
 * Source: Myerson, Game Theory (1991), §3.9; the LP is standard (e.g. Shoham and Leyton-Brown 2008, §4.5.1).
 */
export async function iteratedDominanceMixed(game: StrategicGame): Promise<DominanceResult> {
  const scale = Math.max(1, ...Array.from(game.payoffs, Math.abs));
  return eliminateAsync(game, async (survivors, p, s) => {
    for (const t of survivors[p]!) {
      if (t !== s && beatsEverywhere(game, survivors, p, t, s)) return { pure: t };
    }
    const others = survivors[p]!.filter((t) => t !== s);
    if (others.length < 2) return null;
    const opponentProfiles = profilesOfOthers(game, survivors, p);
    const n = game.players.length;
    const nVars = others.length + 1; // σ_t for each other survivor, then ε
    const constraints: LinearConstraint[] = opponentProfiles.map((base) => {
      const coefficients = new Float64Array(nVars);
      others.forEach((t, k) => {
        coefficients[k] = game.payoffs[(base + t * strideOf(game, p)) * n + p]! / scale;
      });
      coefficients[nVars - 1] = -1;
      const rhs = game.payoffs[(base + s * strideOf(game, p)) * n + p]! / scale;
      return { coefficients, op: ">=", rhs };
    });
    const sum = new Float64Array(nVars).fill(1);
    sum[nVars - 1] = 0;
    constraints.push({ coefficients: sum, op: "=", rhs: 1 });
    const objective = new Float64Array(nVars);
    objective[nVars - 1] = 1;
    const bounds = others.map(() => [0, Number.POSITIVE_INFINITY] as const);
    const result = await solveLinearProgram({
      sense: "maximize",
      objective,
      constraints,
      bounds: [...bounds, [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] as const],
    });
    if (result.status !== "optimal" || !(result.value > MIXED_DOMINANCE_TOLERANCE)) return null;
    const mixed = others.flatMap((t, k) =>
      result.x[k]! > 1e-12 ? [[t, result.x[k]!] as const] : [],
    );
    // the scaled LP may drop entries below HiGHS's smallest (1e-9): check on the payoffs themselves
    const beats = opponentProfiles.every((base) => {
      const at = (t: number) => game.payoffs[(base + t * strideOf(game, p)) * n + p]!;
      let mixture = 0;
      for (const [t, w] of mixed) mixture += w * at(t);
      return mixture > at(s);
    });
    return beats ? { mixed } : null;
  });
}

type Domination = Elimination["dominatedBy"] | null;

/** Runs elimination rounds with a synchronous domination check until nothing is removed. */
function eliminate(
  game: StrategicGame,
  check: (survivors: number[][], p: number, s: number) => Domination,
): DominanceResult {
  const survivors = game.strategies.map((labels) => labels.map((_, i) => i));
  const eliminations: Elimination[] = [];
  for (let round = 1; ; round++) {
    const found = candidates(survivors).map(([p, s]) => ({
      player: p,
      strategy: s,
      by: check(survivors, p, s),
    }));
    if (!removeDominated(survivors, eliminations, round, found)) break;
  }
  return { survivors, eliminations, reduced: restrict(game, survivors) };
}

/** The same with an asynchronous check (the LP solver loads asynchronously). */
async function eliminateAsync(
  game: StrategicGame,
  check: (survivors: number[][], p: number, s: number) => Promise<Domination>,
): Promise<DominanceResult> {
  const survivors = game.strategies.map((labels) => labels.map((_, i) => i));
  const eliminations: Elimination[] = [];
  for (let round = 1; ; round++) {
    const found = [];
    for (const [p, s] of candidates(survivors))
      found.push({ player: p, strategy: s, by: await check(survivors, p, s) });
    if (!removeDominated(survivors, eliminations, round, found)) break;
  }
  return { survivors, eliminations, reduced: restrict(game, survivors) };
}

/** Strategies to test this round: every survivor of every player with at least two. */
function candidates(survivors: number[][]): [number, number][] {
  return survivors.flatMap((list, p) =>
    list.length < 2 ? [] : list.map((s): [number, number] => [p, s]),
  );
}

/** Removes this round's dominated strategies (all at once); true if any was removed. */
function removeDominated(
  survivors: number[][],
  eliminations: Elimination[],
  round: number,
  found: readonly { player: number; strategy: number; by: Domination }[],
): boolean {
  let removed = false;
  for (const f of found) {
    if (f.by === null) continue;
    survivors[f.player] = survivors[f.player]!.filter((x) => x !== f.strategy);
    eliminations.push({ round, player: f.player, strategy: f.strategy, dominatedBy: f.by });
    removed = true;
  }
  return removed;
}

function strideOf(game: StrategicGame, p: number): number {
  let stride = 1;
  for (let q = 0; q < p; q++) stride *= game.strategies[q]!.length;
  return stride;
}

/** Profile indices with player p's strategy set to 0, over the others' surviving strategies. */
function profilesOfOthers(game: StrategicGame, survivors: number[][], p: number): number[] {
  let bases = [0];
  let stride = 1;
  game.strategies.forEach((list, q) => {
    if (q !== p) {
      const next: number[] = [];
      for (const b of bases) for (const s of survivors[q]!) next.push(b + s * stride);
      bases = next;
    }
    stride *= list.length;
  });
  return bases;
}

function beatsEverywhere(
  game: StrategicGame,
  survivors: number[][],
  p: number,
  t: number,
  s: number,
): boolean {
  const stride = strideOf(game, p);
  for (const base of profilesOfOthers(game, survivors, p)) {
    if (!payoffGreater(game, base + t * stride, base + s * stride, p)) return false;
  }
  return true;
}

/** The game restricted to the given strategies of each player. */
export function restrict(game: StrategicGame, keep: readonly (readonly number[])[]): StrategicGame {
  const nPlayers = game.players.length;
  const strategies = game.strategies.map((labels, p) => keep[p]!.map((s) => labels[s]!));
  const count = profileCount({ strategies });
  const payoffs = new Float64Array(count * nPlayers);
  const exact = game.exactPayoffs ? new Array(count * nPlayers) : null;
  const strides = game.strategies.map((_, p) => strideOf(game, p));
  const digits = new Int32Array(nPlayers);
  for (let k = 0; k < count; k++) {
    let original = 0;
    for (let p = 0; p < nPlayers; p++) original += keep[p]![digits[p]!]! * strides[p]!;
    for (let p = 0; p < nPlayers; p++) {
      payoffs[k * nPlayers + p] = game.payoffs[original * nPlayers + p]!;
      if (exact) exact[k * nPlayers + p] = game.exactPayoffs![original * nPlayers + p]!;
    }
    for (let p = 0; p < nPlayers; p++) {
      if (++digits[p]! < keep[p]!.length) break;
      digits[p] = 0;
    }
  }
  return {
    title: game.title,
    comment: game.comment,
    players: game.players,
    strategies,
    payoffs,
    exactPayoffs: exact,
    outcomes: null,
  };
}
