import { LinkageError } from "../errors/LinkageError.js";
import type { HawkesSpec } from "./HawkesModel.js";
import { MAX_HAWKES_COMPONENTS } from "./hawkesParameterLayout.js";

/**
 * Checks a Hawkes spec once, so the likelihoods' loops need not: 1 … 6 kernel components,
 * change points finite and strictly ascending, at least two spline knots, finite and strictly
 * ascending. With `duration`, change points must also lie inside (0, duration) and the knots
 * must span a part of it (first knot < duration, last > 0).
 *
 * @throws {LinkageError} E_DOMAIN naming what is wrong
 * @example checkHawkesSpec({ background: { kind: "piecewise", changePoints: [30] }, components: 1 }, 100) // passes
 */
export function checkHawkesSpec(spec: HawkesSpec, duration?: number): void {
  const k = spec.components;
  if (!(Number.isInteger(k) && k >= 1 && k <= MAX_HAWKES_COMPONENTS)) {
    throw new LinkageError(
      "E_DOMAIN",
      `a Hawkes kernel has 1 to ${MAX_HAWKES_COMPONENTS} components, got ${k}`,
    );
  }
  const { background } = spec;
  if (background.kind === "piecewise") {
    const points = background.changePoints;
    let previous = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < points.length; j++) {
      const p = points[j]!;
      const inside = duration === undefined ? Number.isFinite(p) : p > 0 && p < duration;
      if (!(inside && p > previous)) {
        throw new LinkageError(
          "E_DOMAIN",
          `change point ${j + 1} is ${p}: change points must ascend strictly${duration === undefined ? "" : ` inside (0, ${duration})`}`,
        );
      }
      previous = p;
    }
  } else if (background.kind === "spline") {
    const knots = background.knots;
    if (knots.length < 2) {
      throw new LinkageError(
        "E_DOMAIN",
        `a spline background needs at least 2 knots, got ${knots.length}`,
      );
    }
    let previous = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < knots.length; j++) {
      const p = knots[j]!;
      if (!(Number.isFinite(p) && p > previous)) {
        throw new LinkageError(
          "E_DOMAIN",
          `spline knot ${j + 1} is ${p}: knots must be finite and ascend strictly`,
        );
      }
      previous = p;
    }
    if (duration !== undefined && !(knots[0]! < duration && knots[knots.length - 1]! > 0)) {
      throw new LinkageError(
        "E_DOMAIN",
        `the spline knots [${knots[0]}, ${knots[knots.length - 1]}] miss the window [0, ${duration})`,
      );
    }
  } else if (background.kind !== "constant") {
    throw new LinkageError(
      "E_DOMAIN",
      `unknown background kind ${(background as { kind: unknown }).kind}`,
    );
  }
}
