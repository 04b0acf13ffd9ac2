/**
 * Running `solveGame`'s methods on a game and measuring what they print: shared by
 * peerSuites.test.ts and bench/solverRegretTable.ts.
 */

import type { SolvedEquilibrium, SolveResult } from "../../src/gambitSolve/SolveResult.js";
import { solveGame } from "../../src/gambitSolve/solveGame.js";
import type { SolveMethod } from "../../src/gambitSolve/solveMethods.js";
import { exactToNumber } from "../../src/gambitSolve/verifiedBody.js";
import type { GambitGame } from "../../src/games/gambit/readGambitGame.js";
import type { StrategicGame } from "../../src/games/strategicGame.js";
import { strategicGameFromTables } from "../../src/games/strategicGameFromTables.js";
import { add, equals, fromDecimal, fromNumber } from "../../src/math/rational.js";
import type { PeerGame, Profile } from "./PeerGame.js";

/** Methods whose `rational` mode computes exactly: run in both modes, with regret exactly 0 required. */
export const EXACT_METHODS: ReadonlySet<SolveMethod> = new Set([
  "enumpure",
  "dominance",
  "enummixed",
  "enumsupport",
  "lh",
  "lp",
  "lcp",
]);

/**
 * The peer game as a strategic game (its id as the title). The peers type their payoffs in
 * decimal (0.711, 1 + 1e-8): the exact payoffs are those decimals (fromDecimal), as a `.nfg`
 * file with the same numbers would give, not the nearest binary fractions.
 */
export function peerStrategicGame(peer: PeerGame): StrategicGame {
  const game = strategicGameFromTables(peer.strategies, peer.payoffs);
  return { ...game, title: peer.id, exactPayoffs: Array.from(game.payoffs, fromDecimal) };
}

/** Whether A + B is exactly the same at every profile of a two-player game (then `lp` applies). */
export function isConstantSum(game: StrategicGame): boolean {
  if (game.players.length !== 2) return false;
  const exact = game.exactPayoffs ?? Array.from(game.payoffs, fromNumber);
  const sum = (k: number) => add(exact[2 * k]!, exact[2 * k + 1]!);
  for (let k = 1; k < exact.length / 2; k++) if (!equals(sum(k), sum(0))) return false;
  return true;
}

/**
 * The methods of `solveGame` that apply to a strategic game: every n-player method, the
 * two-player ones on two players, `lp` on constant-sum games only (`backward` needs a tree).
 */
export function strategicMethods(game: StrategicGame): SolveMethod[] {
  const methods: SolveMethod[] = [
    "enumpure",
    "dominance",
    "logit",
    "simpdiv",
    "gnm",
    "liap",
    "ipa",
  ];
  if (game.players.length === 2) methods.push("enummixed", "enumsupport", "lh", "lcp");
  if (isConstantSum(game)) methods.push("lp");
  if (supportProfileCount(game) <= ENUMPOLY_SUPPORT_PROFILES) methods.push("enumpoly");
  return methods;
}

/** Most support profiles on which the peer tests run `enumpoly` (its cost grows with them). */
const ENUMPOLY_SUPPORT_PROFILES = 4000;

/** The number of support profiles of a game: the product over players of 2^k − 1. */
function supportProfileCount(game: StrategicGame): number {
  return game.strategies.reduce((count, s) => count * (2 ** s.length - 1), 1);
}

/** The runs of one game: each applicable method in floats, and the exact ones also with `rational`. */
export function methodRuns(
  methods: readonly SolveMethod[],
): { method: SolveMethod; rational: boolean }[] {
  return methods.flatMap((method) =>
    EXACT_METHODS.has(method)
      ? [
          { method, rational: false },
          { method, rational: true },
        ]
      : [{ method, rational: false }],
  );
}

/** Largest payoff minus smallest, over every player and profile (0 for a constant game). */
export function payoffSpread(payoffs: ArrayLike<number>): number {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < payoffs.length; k++) {
    low = Math.min(low, payoffs[k]!);
    high = Math.max(high, payoffs[k]!);
  }
  return payoffs.length === 0 ? 0 : high - low;
}

/** A printed profile as doubles. */
export function profileOf(e: Pick<SolvedEquilibrium, "profile">): number[][] {
  return e.profile.map((row) => row.map(exactToNumber));
}

/** Whether two profiles agree entry by entry within `tolerance`. */
export function sameProfile(a: Profile, b: Profile, tolerance: number): boolean {
  return (
    a.length === b.length &&
    a.every(
      (row, p) =>
        row.length === b[p]!.length && row.every((x, s) => Math.abs(x - b[p]![s]!) <= tolerance),
    )
  );
}

/** Whether a profile puts probability 1 on one strategy for every player. */
export function isPure(profile: Profile): boolean {
  return profile.every((row) => row.every((x) => x === 0 || x === 1));
}

/** `solveGame` with one method, in floats or exactly. */
export function solveWith(
  game: GambitGame,
  method: SolveMethod,
  rational: boolean,
  maxSeconds?: number,
): Promise<SolveResult> {
  return solveGame(game, {
    method,
    rational,
    ...(maxSeconds !== undefined && (method === "enummixed" || !EXACT_METHODS.has(method))
      ? { maxSeconds }
      : {}),
  });
}
