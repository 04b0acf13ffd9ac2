import { LinkageError } from "../errors/LinkageError.js";

/**
 * The covariance of maximum-likelihood estimates, the inverse of the observed information
 * (a symmetric k×k matrix, row-major), by its Cholesky factor I = LLᵀ: I⁻¹ = L⁻ᵀL⁻¹.
 * Standard errors are the square roots of its diagonal.
 *
 * Source: Pawitan, In All Likelihood (2001), §2.5 and §3.3 (the estimate's approximate
 * covariance I(θ̂)⁻¹); the Cholesky inverse as in G. H. Golub and C. F. Van Loan, Matrix
 * Computations, 4th ed. (2013), §4.2.
 *
 * @param names optional names of the k coordinates, used in the error message
 * @throws {LinkageError} E_DOMAIN when the information is not positive definite (a pivot
 * ≤ 1e-12 of its diagonal entry: the likelihood is flat or not at a maximum in that
 * direction, and standard errors do not exist there), or the matrix is not k×k
 * @example covarianceFromInformation(Float64Array.of(4, 0, 0, 25), 2) // => [0.25, 0, 0, 0.04]
 */
export function covarianceFromInformation(
  information: Float64Array,
  k: number,
  names?: readonly string[],
): Float64Array {
  if (information.length !== k * k) {
    throw new LinkageError(
      "E_DOMAIN",
      `covarianceFromInformation: ${information.length} entries for a ${k}×${k} matrix`,
    );
  }
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = information[i * k + j]!;
      for (let p = 0; p < j; p++) sum -= l[i * k + p]! * l[j * k + p]!;
      if (i === j) {
        const diagonal = information[i * k + i]!;
        if (!(sum > PIVOT_TOLERANCE * Math.abs(diagonal)) || !Number.isFinite(sum)) {
          const name = names?.[i] ?? `coordinate ${i}`;
          throw new LinkageError(
            "E_DOMAIN",
            `the observed information is not positive definite (at ${name}): the likelihood is flat or not at a maximum in that direction, so standard errors do not exist there`,
          );
        }
        l[i * k + i] = Math.sqrt(sum);
      } else {
        l[i * k + j] = sum / l[j * k + j]!;
      }
    }
  }
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

/** A Cholesky pivot at most this fraction of its diagonal entry counts as singular. */
const PIVOT_TOLERANCE = 1e-12;
