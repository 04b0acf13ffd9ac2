import { parseRational, toNumber } from "../math/rational.js";
import type {
  Exact,
  MethodEquilibrium,
  SolvedBody,
  SolvedEquilibrium,
  VerifiedBody,
} from "./SolveResult.js";
import type { SolveMethod } from "./solveMethods.js";

/** Methods whose `rational` mode computes in exact arithmetic, so an exact re-solve is possible. */
export const EXACT_METHODS: ReadonlySet<SolveMethod> = new Set([
  "enumpure",
  "dominance",
  "backward",
  "enummixed",
  "enumsupport",
  "lh",
  "lp",
  "lcp",
]);

/**
 * Methods that always return at least one equilibrium when they run to the end (every finite
 * game has one, Nash 1951): an empty, untruncated answer from them is itself a failed check.
 */
const ALWAYS_FIND: ReadonlySet<SolveMethod> = new Set([
  "enummixed",
  "enumsupport",
  "lh",
  "lcp",
  "lp",
]);

/** A number written by a solver: a double, or an exact rational as text ("1/3"). */
export function exactToNumber(value: Exact): number {
  if (typeof value === "number") return value;
  const r = parseRational(value);
  return r === null ? Number.NaN : toNumber(r);
}

/**
 * Largest regret accepted for an equilibrium found in floating point, relative to the size of
 * the player's payoffs ({@link regretScale}): above it the profile is not printed as an
 * equilibrium.
 */
export const REGRET_TOLERANCE = 1e-6;

/**
 * Rounding allowance, in units of the player's payoff at the profile: a regret computed from
 * payoffs of size M in doubles is known to a few multiples of 2⁻⁵² M (payoffs of 4e12 ± 11).
 */
export const ROUNDING_ALLOWANCE = 64 * Number.EPSILON;

/**
 * The size player p's regret is judged against: max(1, |its payoff|, |its best deviation
 * payoff|) at the profile, but never more than its payoff range in the game (`range`, from
 * playerPayoffRanges), which bounds every regret. Each player has its own, so one player's huge
 * payoffs never excuse another's error, a player whose payoffs lie close together is judged on
 * how close, and an offset (payoffs of 4e12 ± 11) does not widen the test.
 */
export function regretScale(e: MethodEquilibrium, p: number, range: number): number {
  const payoff = exactToNumber(e.payoffs[p]!);
  const best = payoff + exactToNumber(e.regrets[p]!);
  return Math.min(range, Math.max(1, Math.abs(payoff), Math.abs(best)));
}

/**
 * The largest regret accepted for player p: {@link REGRET_TOLERANCE} × its {@link regretScale},
 * plus {@link ROUNDING_ALLOWANCE} × the larger of |its payoff| and |its best deviation payoff|.
 */
export function regretTolerance(e: MethodEquilibrium, p: number, range: number): number {
  const payoff = exactToNumber(e.payoffs[p]!);
  const best = payoff + exactToNumber(e.regrets[p]!);
  const magnitude = Math.max(Math.abs(payoff), Math.abs(best));
  return REGRET_TOLERANCE * regretScale(e, p, range) + ROUNDING_ALLOWANCE * magnitude;
}

/**
 * The first player (0-based) whose regret exceeds its {@link regretTolerance}, or −1 when none
 * does (an exact regret of 0 never does).
 */
export function failingPlayer(e: MethodEquilibrium, ranges: readonly number[]): number {
  if (e.regret === "0") return -1;
  return e.regrets.findIndex(
    (regret, p) => !(exactToNumber(regret) <= regretTolerance(e, p, ranges[p] ?? Infinity)),
  );
}

/**
 * Every equilibrium a method returns is checked before it is reported: each player's regret
 * (computed exactly under `rational` by solvedEquilibrium) against that player's
 * {@link regretTolerance} (`ranges` from playerPayoffRanges). When a
 * floating-point result fails and the method has an exact mode, the game is solved again in exact arithmetic
 * (`resolve(true)`) and that answer, checked too, is reported with its numbers as doubles
 * (`resolvedExactly`); otherwise the failing profiles are left out of `equilibria` and listed in
 * `rejected` with their regret, so nothing unverified is printed as an equilibrium. A method
 * that must find an equilibrium and found none (floating-point trouble: every finite game has
 * one) is re-solved exactly the same way, and so is a floating-point run that failed outright
 * (`body` null: solveGame passes that for a method in {@link EXACT_METHODS} whose float run threw
 * a RoundingBreakdown, e.g. a Lemke–Howson path cycling on rounding in a badly scaled game). A QRE (`qre`)
 * is not an equilibrium and is not checked. The per-player regrets are dropped from what is
 * returned (they are not part of `--json`).
 */
export async function verifiedBody(
  method: SolveMethod,
  rational: boolean,
  body: SolvedBody | null,
  resolve: (rational: boolean) => Promise<SolvedBody>,
  ranges: readonly number[],
): Promise<VerifiedBody> {
  const verified = (e: MethodEquilibrium) => failingPlayer(e, ranges) < 0;
  const missing =
    body !== null && body.equilibria.length === 0 && !body.truncated && ALWAYS_FIND.has(method);
  if (body !== null && !missing && body.equilibria.every(verified)) return printable(body);
  if (!rational && EXACT_METHODS.has(method)) {
    const exact = await resolve(true);
    const asDoubles = (e: MethodEquilibrium): MethodEquilibrium => ({
      profile: e.profile.map((row) => row.map(exactToNumber)),
      payoffs: e.payoffs.map(exactToNumber),
      regret: exactToNumber(e.regret),
      regrets: e.regrets.map(exactToNumber),
    });
    const again = { ...exact, equilibria: exact.equilibria.map(asDoubles) };
    // checked on the exact numbers: the doubles of an exact equilibrium may show a tiny regret
    return {
      ...partition(again, exact.equilibria.map(verified), ranges),
      resolvedExactly: true,
    };
  }
  if (body === null) throw new Error(`[internal] no answer to verify from --method ${method}`);
  return partition(body, body.equilibria.map(verified), ranges);
}

/** The body with the profiles that failed (`passed[k]` false) moved to `rejected`. */
function partition(
  body: SolvedBody,
  passed: readonly boolean[],
  ranges: readonly number[],
): VerifiedBody {
  const rejected = body.equilibria.filter((_, k) => !passed[k]);
  if (rejected.length === 0) return printable(body);
  return {
    ...printable(body),
    equilibria: body.equilibria.filter((_, k) => passed[k]).map(printed),
    // a component list indexes the equilibria: it no longer matches once some are left out
    ...(body.components ? { components: [] } : {}),
    rejected: rejected.map((e) => ({
      profile: e.profile,
      regret: e.regret,
      reason: rejectionReason(e, ranges),
    })),
  };
}

/** Why a profile is not printed: the first player whose regret is out of tolerance. */
function rejectionReason(e: MethodEquilibrium, ranges: readonly number[]): string {
  const p = Math.max(0, failingPlayer(e, ranges));
  const tolerance = regretTolerance(e, p, ranges[p] ?? Infinity);
  return `player ${p + 1}'s regret ${exactToNumber(e.regrets[p]!)} exceeds the tolerance ${tolerance} (10⁻⁶ × max(1, |its payoff|, |its best deviation payoff|), at most its payoff range, plus rounding): not an equilibrium`;
}

/** An equilibrium as printed: without the per-player regrets. */
function printed(e: MethodEquilibrium): SolvedEquilibrium {
  return { profile: e.profile, payoffs: e.payoffs, regret: e.regret };
}

/** The body as printed (its equilibria and QRE without per-player regrets). */
function printable(body: SolvedBody): VerifiedBody {
  const { qre, ...rest } = body;
  return {
    ...rest,
    equilibria: body.equilibria.map(printed),
    ...(qre ? { qre: { lambda: qre.lambda, ...printed(qre) } } : {}),
  };
}
