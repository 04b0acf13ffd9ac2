import { LinkageError } from "../errors/LinkageError.js";
import type { HawkesSpec } from "./HawkesModel.js";
import {
  hawkesBackgroundSize,
  hawkesParameterCount,
  hawkesParameterNames,
} from "./hawkesParameterLayout.js";

/** How far the weights' sum may be from 1. */
export const WEIGHT_SUM_TOL = 1e-9;

/**
 * Checks a parameter vector θ for a spec: the right length, background coefficients finite and
 * ≥ 0, n ∈ [0, 1) (a stationary process: n ≥ 1 explodes), β_k finite and > 0, w_k ≥ 0 summing
 * to 1 (within 1e-9).
 *
 * @throws {LinkageError} E_DOMAIN naming the parameter at fault
 * @example checkHawkesParameters({ background: { kind: "constant" }, components: 1 }, [0.2, 0.5, 1, 1]) // passes
 */
export function checkHawkesParameters(spec: HawkesSpec, theta: ArrayLike<number>): void {
  const p = hawkesParameterCount(spec);
  if (theta.length !== p) {
    throw new LinkageError(
      "E_DOMAIN",
      `Hawkes parameters for this spec are ${p} values, got ${theta.length}`,
    );
  }
  const names = hawkesParameterNames(spec);
  const size = hawkesBackgroundSize(spec.background);
  const k = spec.components;
  const bad = (j: number, expected: string) =>
    new LinkageError(
      "E_DOMAIN",
      `Hawkes parameter ${names[j]} is ${theta[j]}, expected ${expected}`,
    );
  for (let j = 0; j < size; j++)
    if (!(theta[j]! >= 0 && Number.isFinite(theta[j]!))) throw bad(j, "a finite rate ≥ 0");
  if (!(theta[size]! >= 0 && theta[size]! < 1)) throw bad(size, "a branching ratio in [0, 1)");
  let sum = 0;
  for (let j = 0; j < k; j++) {
    const beta = size + 1 + j;
    if (!(theta[beta]! > 0 && Number.isFinite(theta[beta]!)))
      throw bad(beta, "a finite decay rate > 0");
    const w = size + 1 + k + j;
    if (!(theta[w]! >= 0 && theta[w]! <= 1)) throw bad(w, "a weight in [0, 1]");
    sum += theta[w]!;
  }
  if (!(Math.abs(sum - 1) <= WEIGHT_SUM_TOL)) {
    throw new LinkageError("E_DOMAIN", `Hawkes kernel weights sum to ${sum}, expected 1`);
  }
}
