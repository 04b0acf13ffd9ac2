import { LinkageError } from "../errors/LinkageError.js";

/**
 * One weekly step of an exponential Hawkes excitation: e^(−1/τ)·H + n·(1 − e^(−1/τ))·N, the
 * excitation H carried over with decay time τ plus branching ratio n times this week's events N
 * (the kernel sums to n over the weeks that follow).
 *
 * A branching ratio n ≥ 1 makes the process explosive (each event begets on average n ≥ 1
 * more, so the expected count grows without bound; Hawkes and Oakes 1974): refused, as are a
 * negative n and a decay time that is not positive.
 *
 * @throws {LinkageError} E_DOMAIN unless 0 ≤ n < 1 and τ > 0
 * @example hawkesStep(0, 4, 0.5, 1) // => 4·0.5·(1 − e^−1) ≈ 1.2642
 */
export function hawkesStep(H: number, N: number, n: number, tau: number): number {
  if (!(n >= 0 && n < 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `hawkes requires a branching ratio n with 0 ≤ n < 1 (n ≥ 1 is an explosive process), got ${n}`,
    );
  }
  if (!(tau > 0))
    throw new LinkageError("E_DOMAIN", `hawkes requires a decay time tau > 0, got ${tau}`);
  const d = Math.exp(-1 / tau);
  return H * d + N * (n * (1 - d));
}
