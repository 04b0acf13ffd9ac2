import { LinkageError } from "../errors/LinkageError.js";
import type { HawkesBackground, HawkesParameters, HawkesSpec } from "./HawkesModel.js";

/** Most kernel components a spec may ask for (more are not identifiable from event data). */
export const MAX_HAWKES_COMPONENTS = 6;

/** Number of background coefficients: 1 (constant), J + 1 (J change points) or K (K knots). */
export function hawkesBackgroundSize(background: HawkesBackground): number {
  switch (background.kind) {
    case "constant":
      return 1;
    case "piecewise":
      return background.changePoints.length + 1;
    case "spline":
      return background.knots.length;
  }
}

/**
 * Length of the parameter vector θ of a spec: background coefficients, n, β_1 … β_K,
 * w_1 … w_K (see {@link HawkesParameters}).
 *
 * @example hawkesParameterCount({ background: { kind: "constant" }, components: 1 }) // => 4
 */
export function hawkesParameterCount(spec: HawkesSpec): number {
  return hawkesBackgroundSize(spec.background) + 1 + 2 * spec.components;
}

/**
 * Names of θ's entries, for reports and errors: `mu` (constant), `mu_1` … (piecewise, in time
 * order), `c_1` … (spline knots), `n`, `beta` / `beta_1` …, `w` / `w_1` ….
 *
 * @example hawkesParameterNames({ background: { kind: "piecewise", changePoints: [5] }, components: 1 })
 *   // => ["mu_1", "mu_2", "n", "beta", "w"]
 */
export function hawkesParameterNames(spec: HawkesSpec): string[] {
  const b = hawkesBackgroundSize(spec.background);
  const names: string[] = [];
  if (spec.background.kind === "constant") names.push("mu");
  else
    for (let j = 1; j <= b; j++)
      names.push(spec.background.kind === "spline" ? `c_${j}` : `mu_${j}`);
  names.push("n");
  const suffix = (k: number) => (spec.components === 1 ? "" : `_${k}`);
  for (let k = 1; k <= spec.components; k++) names.push(`beta${suffix(k)}`);
  for (let k = 1; k <= spec.components; k++) names.push(`w${suffix(k)}`);
  return names;
}

/**
 * θ of a parameter set, in the likelihoods' order.
 *
 * @example hawkesParameterVector({ background: Float64Array.of(0.2), branchingRatio: 0.5,
 *   decayRates: Float64Array.of(1), weights: Float64Array.of(1) }) // => [0.2, 0.5, 1, 1]
 */
export function hawkesParameterVector(parameters: HawkesParameters): Float64Array {
  const { background, decayRates, weights } = parameters;
  const theta = new Float64Array(background.length + 1 + decayRates.length + weights.length);
  theta.set(background, 0);
  theta[background.length] = parameters.branchingRatio;
  theta.set(decayRates, background.length + 1);
  theta.set(weights, background.length + 1 + decayRates.length);
  return theta;
}

/**
 * The parameter set of θ under a spec (copies).
 *
 * @throws {LinkageError} E_DOMAIN if θ's length is not {@link hawkesParameterCount}
 */
export function hawkesParametersOf(spec: HawkesSpec, theta: ArrayLike<number>): HawkesParameters {
  const b = hawkesBackgroundSize(spec.background);
  const k = spec.components;
  if (theta.length !== b + 1 + 2 * k) {
    throw new LinkageError(
      "E_DOMAIN",
      `a Hawkes parameter vector for this spec has ${b + 1 + 2 * k} entries, got ${theta.length}`,
    );
  }
  const all = Float64Array.from(theta);
  return {
    background: all.slice(0, b),
    branchingRatio: all[b]!,
    decayRates: all.slice(b + 1, b + 1 + k),
    weights: all.slice(b + 1 + k, b + 1 + 2 * k),
  };
}
