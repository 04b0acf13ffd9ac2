import { parseRational, toNumber } from "../math/rational.js";
import type { Exact, SolvedBody, SolvedEquilibrium } from "./SolveResult.js";
import type { SolveMethod } from "./solveMethods.js";

/**
 * Largest regret accepted for an equilibrium found in floating point, relative to the size of
 * its payoffs (max(1, largest |payoff|)): above it the profile is not printed as an equilibrium.
 */
export const REGRET_TOLERANCE = 1e-6;

/** Methods whose `rational` mode computes in exact arithmetic, so an exact re-solve is possible. */
const EXACT_METHODS: ReadonlySet<SolveMethod> = new Set([
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

/** Is this profile's regret within {@link REGRET_TOLERANCE} of its payoffs' size? */
export function isVerified(e: SolvedEquilibrium): boolean {
  const regret = exactToNumber(e.regret);
  const scale = Math.max(1, ...e.payoffs.map((p) => Math.abs(exactToNumber(p))));
  return regret <= REGRET_TOLERANCE * scale;
}

/**
 * Every equilibrium a method returns is checked before it is reported (its regret, computed
 * exactly under `rational` by solvedEquilibrium, against {@link REGRET_TOLERANCE}). When a
 * floating-point result fails and the method has an exact mode, the game is solved again in
 * exact arithmetic (`resolve(true)`) and that answer, checked too, is reported with its numbers as
 * doubles (`resolvedExactly`); otherwise the failing profiles are left out of `equilibria` and
 * listed in `rejected` with their regret, so nothing unverified is printed as an equilibrium.
 * A method that must find an equilibrium and found none (floating-point trouble: every finite
 * game has one) is re-solved exactly the same way. A QRE (`qre`) is not an equilibrium and is
 * not checked.
 */
export async function verifiedBody(
  method: SolveMethod,
  rational: boolean,
  body: SolvedBody,
  resolve: (rational: boolean) => Promise<SolvedBody>,
): Promise<SolvedBody> {
  const missing = body.equilibria.length === 0 && !body.truncated && ALWAYS_FIND.has(method);
  if (!missing && body.equilibria.every(isVerified)) return body;
  if (!rational && EXACT_METHODS.has(method)) {
    const exact = await resolve(true);
    const asDoubles = (e: SolvedEquilibrium): SolvedEquilibrium => ({
      profile: e.profile.map((row) => row.map(exactToNumber)),
      payoffs: e.payoffs.map(exactToNumber),
      regret: exactToNumber(e.regret),
    });
    const again = { ...exact, equilibria: exact.equilibria.map(asDoubles) };
    return { ...partition(again), resolvedExactly: true };
  }
  return partition(body);
}

function partition(body: SolvedBody): SolvedBody {
  const rejected = body.equilibria.filter((e) => !isVerified(e));
  if (rejected.length === 0) return body;
  return {
    ...body,
    equilibria: body.equilibria.filter(isVerified),
    // a component list indexes the equilibria: it no longer matches once some are left out
    ...(body.components ? { components: [] } : {}),
    rejected: rejected.map((e) => ({
      profile: e.profile,
      regret: e.regret,
      reason: `regret ${exactToNumber(e.regret)} exceeds the tolerance ${REGRET_TOLERANCE} × max(1, |payoff|): not an equilibrium`,
    })),
  };
}
