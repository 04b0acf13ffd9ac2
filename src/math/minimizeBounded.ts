import { LinkageError } from "../errors/LinkageError.js";

/** A smooth objective: returns f(x) and writes ∇f(x) into `gradient`. */
export type SmoothObjective = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeBoundedOptions {
  /** Lower bound per coordinate (−Infinity for none). */
  readonly lower: ArrayLike<number>;
  /** Upper bound per coordinate (Infinity for none). */
  readonly upper: ArrayLike<number>;
  /** Coordinates held at their starting value (not optimised). */
  readonly fixed?: ArrayLike<boolean>;
  /**
   * A typical magnitude of each coordinate: the method works in x_i / scale_i, so coordinates
   * of very different sizes (a rate of 10³ beside a probability) are treated alike. @default 1
   */
  readonly scale?: ArrayLike<number>;
  /**
   * A starting inverse Hessian over the free coordinates (m×m, row-major, in x's units), e.g. a
   * previous result's `inverseHessian` or an inverse observed information, to warm-start the
   * quasi-Newton model; it must be symmetric positive definite. @default none (the first step
   * is a unit step in the scaled coordinates, and H is scaled on its first update)
   */
  readonly inverseHessian?: ArrayLike<number>;
  /** @default 500 */
  readonly maxIterations?: number;
  /**
   * Stop when every free coordinate's scaled projected gradient |x_i − P(x − ∇f)_i| / scale_i
   * is at most this times max(1, |f|). @default 1e-8
   */
  readonly gradientTolerance?: number;
  /** …or when f decreases by at most this times max(1, |f|) in an iteration. @default 1e-13 */
  readonly valueTolerance?: number;
}

export interface MinimizeBoundedResult {
  /** The minimiser found, inside the box (on a bound exactly where the minimum is there). */
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  /** True when stopped by the gradient or value test. */
  readonly converged: boolean;
  /** Why it stopped: "gradient", "value", "iterations" or "line search" (no decrease found). */
  readonly reason: "gradient" | "value" | "iterations" | "line search";
  /**
   * The final BFGS inverse Hessian approximation over the free coordinates (m×m, row-major, in
   * x's units): a warm start for a related minimisation, not an accurate covariance.
   */
  readonly inverseHessian: Float64Array;
}

/** Armijo's sufficient-decrease constant. */
const ARMIJO = 1e-4;
/** Backtracking halvings before the line search gives up. */
const MAX_HALVINGS = 60;

/**
 * Minimises a smooth function over a box l ≤ x ≤ u by a projected quasi-Newton method:
 *
 *   x⁺ = P(x + α·d),  P the projection onto the box (clamping each coordinate),
 *
 * where, with the ε-active set A = {i : x_i ≤ l_i + ε and ∂_i f > 0, or x_i ≥ u_i − ε and
 * ∂_i f < 0} (ε = min(10⁻³, ‖x − P(x − ∇f)‖∞), in scaled coordinates), the direction is the
 * BFGS quasi-Newton step d_F = −H_FF ∇_F f on the other coordinates F and a scaled gradient
 * step d_i = −H_ii ∂_i f on A; α is found by backtracking to Bertsekas's Armijo condition along
 * the projection arc, f(x⁺) ≤ f(x) + σ(α ∇_F fᵀ d_F + ∇_A fᵀ (x⁺ − x)_A). H, the inverse
 * Hessian approximation, is updated by BFGS from s = x⁺ − x, y = ∇f(x⁺) − ∇f(x) whenever
 * sᵀy > 0 (Nocedal and Wright eq. 6.17), scaled on its first update by sᵀy / yᵀy (eq. 6.20).
 * A minimum on a bound is reached exactly (the projection puts the coordinate there).
 *
 * It stops when the scaled projected gradient max_i |x_i − P(x − ∇f)_i| / s_i is at most
 * `gradientTolerance`·max(1, |f|), when f decreases by at most `valueTolerance`·max(1, |f|),
 * after `maxIterations`, or when no step decreases f (reason "line search", not converged).
 * f may return +Infinity or NaN for points it cannot evaluate; the line search backs off.
 * Deterministic: the same start gives the same result.
 *
 * Sources: D. P. Bertsekas, "Projected Newton methods for optimization problems with simple
 * constraints", SIAM J. Control Optim. 20 (1982) 221–246 (the ε-active set and the arc
 * search); D. Kim, S. Sra and I. S. Dhillon, "Tackling box-constrained optimization via a new
 * projected quasi-Newton approach", SIAM J. Sci. Comput. 32 (2010) 3548–3563 (BFGS within it);
 * J. Nocedal and S. J. Wright, Numerical Optimization, 2nd ed. (2006), §3.1 and §6.1.
 *
 * @param x0 starting point (projected into the box first)
 * @throws {LinkageError} E_DOMAIN if the bounds are malformed (wrong length, l ≥ u, NaN),
 * a scale is not positive, or f(x0) is not finite
 * @example minimizeBounded((x, g) => { g[0] = 2 * (x[0]! - 3); return (x[0]! - 3) ** 2; },
 *   Float64Array.of(0), { lower: [0], upper: [2] }).x[0] // => 2 (the bound, exactly)
 */
export function minimizeBounded(
  objective: SmoothObjective,
  x0: ArrayLike<number>,
  options: MinimizeBoundedOptions,
): MinimizeBoundedResult {
  const n = x0.length;
  const { lower, upper } = options;
  const maxIterations = options.maxIterations ?? 500;
  const gradientTolerance = options.gradientTolerance ?? 1e-8;
  const valueTolerance = options.valueTolerance ?? 1e-13;
  if (lower.length !== n || upper.length !== n) {
    throw new LinkageError(
      "E_DOMAIN",
      `minimizeBounded: ${n} coordinates but bounds of another length`,
    );
  }
  if (options.scale !== undefined && options.scale.length !== n) {
    throw new LinkageError(
      "E_DOMAIN",
      `minimizeBounded: ${n} coordinates but ${options.scale.length} scales`,
    );
  }
  const free: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!(lower[i]! < upper[i]!)) {
      throw new LinkageError(
        "E_DOMAIN",
        `minimizeBounded: coordinate ${i} has lower ${lower[i]} ≥ upper ${upper[i]}`,
      );
    }
    const s = options.scale?.[i] ?? 1;
    if (!(s > 0 && Number.isFinite(s))) {
      throw new LinkageError(
        "E_DOMAIN",
        `minimizeBounded: coordinate ${i} has scale ${s}, expected a positive number`,
      );
    }
    if (!options.fixed?.[i]) free.push(i);
  }
  const m = free.length;
  const x = Float64Array.from(x0);
  for (const i of free) x[i] = Math.min(upper[i]!, Math.max(lower[i]!, x[i]!));
  if (!x.every(Number.isFinite)) {
    throw new LinkageError(
      "E_DOMAIN",
      "minimizeBounded: the start has a coordinate that is not a finite number",
    );
  }
  // scaled free coordinates y_k = x_i / s_i, bounds likewise
  const s = new Float64Array(m);
  const lo = new Float64Array(m);
  const hi = new Float64Array(m);
  const yv = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = free[k]!;
    s[k] = options.scale?.[i] ?? 1;
    lo[k] = lower[i]! / s[k]!;
    hi[k] = upper[i]! / s[k]!;
    yv[k] = x[i]! / s[k]!;
  }
  const gx = new Float64Array(n);
  /** f at the scaled point yy (written into xx) and its scaled gradient into gy. */
  const evaluate = (yy: Float64Array, xx: Float64Array, gy: Float64Array): number => {
    for (let k = 0; k < m; k++) {
      const i = free[k]!;
      xx[i] = Math.min(upper[i]!, Math.max(lower[i]!, yy[k]! * s[k]!));
    }
    const value = objective(xx, gx);
    for (let k = 0; k < m; k++) gy[k] = gx[free[k]!]! * s[k]!;
    return value;
  };
  const g = new Float64Array(m);
  let f = evaluate(yv, x, g);
  if (!Number.isFinite(f)) {
    throw new LinkageError("E_DOMAIN", `minimizeBounded: the objective is ${f} at the start`);
  }
  const inverseHessian = new Float64Array(m * m);
  for (let a = 0; a < m; a++) inverseHessian[a * m + a] = 1;
  let updated = false;
  if (options.inverseHessian) {
    if (options.inverseHessian.length !== m * m) {
      throw new LinkageError(
        "E_DOMAIN",
        `minimizeBounded: the starting inverse Hessian has ${options.inverseHessian.length} entries, expected ${m}×${m}`,
      );
    }
    for (let a = 0; a < m; a++) {
      for (let c = 0; c < m; c++)
        inverseHessian[a * m + c] = options.inverseHessian[a * m + c]! / (s[a]! * s[c]!);
    }
    updated = inverseHessian.every(Number.isFinite);
    if (!updated) resetIdentity(inverseHessian, m);
  }
  const active = new Uint8Array(m);
  const direction = new Float64Array(m);
  const yNew = new Float64Array(m);
  const xNew = Float64Array.from(x);
  const gNew = new Float64Array(m);
  const step = new Float64Array(m);
  const change = new Float64Array(m);
  const hy = new Float64Array(m);
  let reason: MinimizeBoundedResult["reason"] = "iterations";
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const stationarity = projectedGradientNorm(yv, g, lo, hi);
    if (stationarity <= gradientTolerance * Math.max(1, Math.abs(f))) {
      reason = "gradient";
      break;
    }
    const epsilon = Math.min(1e-3, stationarity);
    for (let k = 0; k < m; k++) {
      active[k] =
        (yv[k]! <= lo[k]! + epsilon && g[k]! > 0) || (yv[k]! >= hi[k]! - epsilon && g[k]! < 0)
          ? 1
          : 0;
    }
    let freeSlope = 0;
    for (let a = 0; a < m; a++) {
      if (active[a]) {
        direction[a] = -inverseHessian[a * m + a]! * g[a]!;
        continue;
      }
      let sum = 0;
      for (let b = 0; b < m; b++) if (!active[b]) sum -= inverseHessian[a * m + b]! * g[b]!;
      direction[a] = sum;
      freeSlope += sum * g[a]!;
    }
    if (!(freeSlope <= 0)) {
      // H lost positive definiteness on F numerically: restart from the gradient
      resetIdentity(inverseHessian, m);
      updated = false;
      freeSlope = 0;
      for (let a = 0; a < m; a++) {
        direction[a] = -g[a]!;
        if (!active[a]) freeSlope -= g[a]! * g[a]!;
      }
    }
    // before H has curvature information, a first step of unit length in the scaled coordinates
    let alpha = updated ? 1 : 1 / Math.max(1, maxAbs(direction));
    let fNew = Number.NaN;
    for (let tries = 0; tries < MAX_HALVINGS; tries++) {
      let predicted = 0;
      for (let k = 0; k < m; k++) {
        yNew[k] = Math.min(hi[k]!, Math.max(lo[k]!, yv[k]! + alpha * direction[k]!));
        if (active[k]) predicted += g[k]! * (yNew[k]! - yv[k]!);
      }
      predicted += alpha * freeSlope;
      fNew = evaluate(yNew, xNew, gNew);
      if (Number.isFinite(fNew) && fNew <= f + ARMIJO * predicted) break;
      alpha /= 2;
      fNew = Number.NaN;
    }
    if (Number.isNaN(fNew)) {
      reason = "line search";
      // leave x at the last accepted point
      break;
    }
    let sy = 0;
    let yy = 0;
    let ss = 0;
    for (let k = 0; k < m; k++) {
      step[k] = yNew[k]! - yv[k]!;
      change[k] = gNew[k]! - g[k]!;
      sy += step[k]! * change[k]!;
      yy += change[k]! * change[k]!;
      ss += step[k]! * step[k]!;
    }
    const decrease = f - fNew;
    yv.set(yNew);
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    if (sy > 1e-12 * Math.sqrt(ss * yy)) {
      if (!updated) {
        const scale0 = sy / yy;
        resetIdentity(inverseHessian, m);
        for (let a = 0; a < m; a++) inverseHessian[a * m + a] = scale0;
        updated = true;
      }
      bfgsUpdate(inverseHessian, step, change, sy, hy, m);
    }
    if (decrease <= valueTolerance * Math.max(1, Math.abs(f))) {
      reason = "value";
      iterations++;
      break;
    }
  }
  const finalInverse = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let c = 0; c < m; c++)
      finalInverse[a * m + c] = inverseHessian[a * m + c]! * s[a]! * s[c]!;
  }
  return {
    x,
    value: f,
    iterations,
    converged: reason === "gradient" || reason === "value",
    reason,
    inverseHessian: finalInverse,
  };
}

/** max_k |y_k − P(y − g)_k|: zero exactly at a stationary point of the box problem. */
function projectedGradientNorm(
  y: Float64Array,
  g: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
): number {
  let max = 0;
  for (let k = 0; k < y.length; k++) {
    const projected = Math.min(hi[k]!, Math.max(lo[k]!, y[k]! - g[k]!));
    max = Math.max(max, Math.abs(y[k]! - projected));
  }
  return max;
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1/(sᵀy), in place. */
function bfgsUpdate(
  h: Float64Array,
  s: Float64Array,
  y: Float64Array,
  sy: number,
  hy: Float64Array,
  m: number,
): void {
  const rho = 1 / sy;
  let yhy = 0;
  for (let a = 0; a < m; a++) {
    let sum = 0;
    for (let b = 0; b < m; b++) sum += h[a * m + b]! * y[b]!;
    hy[a] = sum;
    yhy += y[a]! * sum;
  }
  const factor = (1 + rho * yhy) * rho;
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      h[a * m + b] =
        h[a * m + b]! + factor * s[a]! * s[b]! - rho * (hy[a]! * s[b]! + s[a]! * hy[b]!);
    }
  }
}

function resetIdentity(h: Float64Array, m: number): void {
  h.fill(0);
  for (let a = 0; a < m; a++) h[a * m + a] = 1;
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]!));
  return max;
}
