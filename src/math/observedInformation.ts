import { LinkageError } from "../errors/LinkageError.js";
import type { SmoothObjective } from "./minimizeBounded.js";

/**
 * The Hessian of a negative log-likelihood at its minimum (the observed information), by central
 * differences of the analytic gradient, symmetrised: I_ij = ½(∂g_i/∂x_j + ∂g_j/∂x_i). Steps are
 * relative (h_j = 1e-5·max(|x_j|, 1e-3)) and one-sided where a central step would leave the box.
 *
 * Source: Y. Pawitan, In All Likelihood (Oxford, 2001), §2.5 (observed Fisher information);
 * differences of the gradient as in Nocedal and Wright, Numerical Optimization (2006), §8.1.
 *
 * @param indices the coordinates to differentiate in (the others held fixed); default all
 * @returns the k×k matrix, row-major, for the k chosen coordinates
 */
export function observedInformation(
  objective: SmoothObjective,
  x: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  indices: readonly number[] = Array.from({ length: x.length }, (_, i) => i),
): Float64Array {
  const k = indices.length;
  const n = x.length;
  const info = new Float64Array(k * k);
  const point = Float64Array.from(x);
  const gUp = new Float64Array(n);
  const gDown = new Float64Array(n);
  for (let b = 0; b < k; b++) {
    const j = indices[b]!;
    const h = 1e-5 * Math.max(Math.abs(x[j]!), 1e-3);
    const up = Math.min(x[j]! + h, upper[j]!);
    const down = Math.max(x[j]! - h, lower[j]!);
    point[j] = up;
    objective(point, gUp);
    point[j] = down;
    objective(point, gDown);
    point[j] = x[j]!;
    for (let a = 0; a < k; a++) {
      info[a * k + b] = (gUp[indices[a]!]! - gDown[indices[a]!]!) / (up - down);
    }
  }
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const mean = (info[a * k + b]! + info[b * k + a]!) / 2;
      info[a * k + b] = mean;
      info[b * k + a] = mean;
    }
  }
  return info;
}

/**
 * The inverse of a symmetric positive-definite matrix (row-major k×k) by its Cholesky factor:
 * the covariance of the estimates from the observed information.
 *
 * @throws {LinkageError} E_DOMAIN when the matrix is not positive definite (the likelihood is
 * flat or not at a maximum in some direction: standard errors do not exist there)
 */
export function inverseSymmetricPositiveDefinite(matrix: Float64Array, k: number): Float64Array {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * k + j]!;
      for (let p = 0; p < j; p++) sum -= l[i * k + p]! * l[j * k + p]!;
      if (i === j) {
        if (!(sum > 0)) {
          throw new LinkageError(
            "E_DOMAIN",
            "the observed information is not positive definite: the likelihood is flat or not at a maximum in some direction",
          );
        }
        l[i * k + i] = Math.sqrt(sum);
      } else {
        l[i * k + j] = sum / l[j * k + j]!;
      }
    }
  }
  // inverse = L⁻ᵀ L⁻¹: solve column by column
  const inverse = new Float64Array(k * k);
  const column = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    column.fill(0);
    column[c] = 1;
    for (let i = 0; i < k; i++) {
      let sum = column[i]!;
      for (let p = 0; p < i; p++) sum -= l[i * k + p]! * column[p]!;
      column[i] = sum / l[i * k + i]!;
    }
    for (let i = k - 1; i >= 0; i--) {
      let sum = column[i]!;
      for (let p = i + 1; p < k; p++) sum -= l[p * k + i]! * column[p]!;
      column[i] = sum / l[i * k + i]!;
    }
    for (let i = 0; i < k; i++) inverse[i * k + c] = column[i]!;
  }
  return inverse;
}
