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
  /** @default 500 */
  readonly maxIterations?: number;
  /** Stop when every free coordinate's scaled gradient is below this. @default 1e-8 */
  readonly gradientTolerance?: number;
  /** …or when f changes by less than this (relative) over an iteration. @default 1e-13 */
  readonly valueTolerance?: number;
}

export interface MinimizeBoundedResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Why it stopped: "gradient", "value", "iterations" or "line search". */
  readonly reason: "gradient" | "value" | "iterations" | "line search";
}

/**
 * Minimises a smooth function over a box by BFGS on an unconstrained reparametrisation: each
 * coordinate with two finite bounds is x = l + (u − l)·σ(z) (σ the logistic function), with one
 * bound x = l + e^z or u − e^z, and free otherwise; the gradient follows by the chain rule. The
 * inverse Hessian of the z-problem is updated by BFGS (Nocedal and Wright, Numerical
 * Optimization, 2nd ed., 2006, §6.1, eq. 6.17), skipped when the curvature condition sᵀy > 0
 * fails; steps are found by backtracking to the Armijo condition (ibid. §3.1). A minimum on a
 * bound is approached, not reached exactly (z → ±∞); the result is clamped into the box.
 *
 * Deterministic: the same start gives the same result.
 *
 * @param x0 starting point, strictly inside the bounds where a coordinate is free
 * @throws {LinkageError} E_DOMAIN if the bounds or the start are malformed, or f(x0) is not finite
 * @example minimizeBounded((x, g) => { g[0] = 2 * (x[0]! - 3); return (x[0]! - 3) ** 2; },
 *   Float64Array.of(0), { lower: [0], upper: [2] }).x[0] // ≈ 2 (the bound)
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
  const free: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!(lower[i]! < upper[i]!)) {
      throw new LinkageError(
        "E_DOMAIN",
        `minimizeBounded: coordinate ${i} has lower ${lower[i]} ≥ upper ${upper[i]}`,
      );
    }
    if (options.fixed?.[i]) continue;
    if (!(x0[i]! > lower[i]! && x0[i]! < upper[i]!)) {
      throw new LinkageError(
        "E_DOMAIN",
        `minimizeBounded: the start's coordinate ${i} (${x0[i]}) must lie strictly inside (${lower[i]}, ${upper[i]})`,
      );
    }
    free.push(i);
  }
  const m = free.length;
  const x = Float64Array.from(x0);
  const gx = new Float64Array(n);
  // z ↔ x for the free coordinates
  const toX = (z: Float64Array, into: Float64Array) => {
    for (let k = 0; k < m; k++) {
      const i = free[k]!;
      into[i] = fromUnbounded(z[k]!, lower[i]!, upper[i]!);
    }
  };
  const z = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = free[k]!;
    z[k] = toUnbounded(x[i]!, lower[i]!, upper[i]!);
  }
  /** f at z and its z-gradient into gz. */
  const evaluate = (zz: Float64Array, xx: Float64Array, gz: Float64Array): number => {
    toX(zz, xx);
    const value = objective(xx, gx);
    for (let k = 0; k < m; k++) {
      const i = free[k]!;
      gz[k] = gx[i]! * unboundedSlope(zz[k]!, lower[i]!, upper[i]!);
    }
    return value;
  };
  const g = new Float64Array(m);
  let f = evaluate(z, x, g);
  if (!Number.isFinite(f)) {
    throw new LinkageError("E_DOMAIN", `minimizeBounded: the objective is ${f} at the start`);
  }
  const inverseHessian = identity(m);
  const direction = new Float64Array(m);
  const zNew = new Float64Array(m);
  const xNew = Float64Array.from(x);
  const gNew = new Float64Array(m);
  const s = new Float64Array(m);
  const y = new Float64Array(m);
  const hy = new Float64Array(m);
  let reason: MinimizeBoundedResult["reason"] = "iterations";
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (maxAbs(g) <= gradientTolerance * Math.max(1, Math.abs(f))) {
      reason = "gradient";
      break;
    }
    // d = −H·g; fall back to steepest descent if it is not a descent direction
    let slope = 0;
    for (let a = 0; a < m; a++) {
      let sum = 0;
      for (let b = 0; b < m; b++) sum -= inverseHessian[a * m + b]! * g[b]!;
      direction[a] = sum;
      slope += sum * g[a]!;
    }
    if (!(slope < 0)) {
      resetIdentity(inverseHessian, m);
      slope = 0;
      for (let a = 0; a < m; a++) {
        direction[a] = -g[a]!;
        slope -= g[a]! * g[a]!;
      }
    }
    let step = 1;
    let fNew = Number.NaN;
    for (let tries = 0; tries < 60; tries++) {
      for (let a = 0; a < m; a++) zNew[a] = z[a]! + step * direction[a]!;
      fNew = evaluate(zNew, xNew, gNew);
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
      fNew = Number.NaN;
    }
    if (Number.isNaN(fNew)) {
      reason = "line search";
      break;
    }
    let sy = 0;
    for (let a = 0; a < m; a++) {
      s[a] = zNew[a]! - z[a]!;
      y[a] = gNew[a]! - g[a]!;
      sy += s[a]! * y[a]!;
    }
    const change = f - fNew;
    z.set(zNew);
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iterations === 0) {
        // scale the first inverse Hessian to the problem (Nocedal and Wright eq. 6.20)
        const scale = sy / dot(y, y);
        for (let a = 0; a < m; a++) inverseHessian[a * m + a] = scale;
      }
      bfgsUpdate(inverseHessian, s, y, sy, hy, m);
    }
    if (change <= valueTolerance * Math.max(1, Math.abs(f))) {
      reason = "value";
      iterations++;
      break;
    }
  }
  toX(z, x);
  for (let i = 0; i < n; i++) x[i] = Math.min(upper[i]!, Math.max(lower[i]!, x[i]!));
  return {
    x,
    value: f,
    iterations,
    converged: reason === "gradient" || reason === "value",
    reason,
  };
}

function fromUnbounded(z: number, l: number, u: number): number {
  if (Number.isFinite(l) && Number.isFinite(u)) return l + (u - l) / (1 + Math.exp(-z));
  if (Number.isFinite(l)) return l + Math.exp(z);
  if (Number.isFinite(u)) return u - Math.exp(z);
  return z;
}

function toUnbounded(x: number, l: number, u: number): number {
  if (Number.isFinite(l) && Number.isFinite(u)) {
    const p = (x - l) / (u - l);
    return Math.log(p / (1 - p));
  }
  if (Number.isFinite(l)) return Math.log(x - l);
  if (Number.isFinite(u)) return Math.log(u - x);
  return x;
}

/** dx/dz of {@link fromUnbounded}. */
function unboundedSlope(z: number, l: number, u: number): number {
  if (Number.isFinite(l) && Number.isFinite(u)) {
    const p = 1 / (1 + Math.exp(-z));
    return (u - l) * p * (1 - p);
  }
  if (Number.isFinite(l)) return Math.exp(z);
  if (Number.isFinite(u)) return -Math.exp(z);
  return 1;
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

function identity(m: number): Float64Array {
  const h = new Float64Array(m * m);
  resetIdentity(h, m);
  return h;
}

function resetIdentity(h: Float64Array, m: number): void {
  h.fill(0);
  for (let a = 0; a < m; a++) h[a * m + a] = 1;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]!));
  return max;
}
