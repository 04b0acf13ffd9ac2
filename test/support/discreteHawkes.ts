import { LinkageError } from "../../src/errors/LinkageError.js";
import type { RandomStream } from "../../src/math/randomStream.js";
import { poisson } from "../../src/math/samplers.js";

/** Parameters of {@link simulateDiscreteHawkes}. */
export interface DiscreteHawkesOptions {
  /** Number of time steps to simulate. */
  readonly steps: number;
  /** Exogenous (immigrant) rate μ per step, ≥ 0. */
  readonly baseline: number;
  /** Branching ratio n ∈ [0, 1): expected offspring per event. */
  readonly branching: number;
  /** Decay time τ > 0 of the exponential kernel, in steps. */
  readonly tau: number;
  /** Excitation H₀ at the first step. @default 0 */
  readonly initialExcitation?: number;
}

/**
 * Reference simulator of a discrete-time Hawkes (self-exciting) count process with an
 * exponential kernel, used to test the simulator's attack process (MODEL.md §3).
 *
 * Formula: N_t ~ Poisson(μ + H_t), H_{t+1} = d·H_t + n(1 − d)·N_t with d = e^{−1/τ}, so each
 * event adds n(1 − d)·d^{s−1} to the rate s ≥ 1 steps later and the kernel sums to the
 * branching ratio n. The stationary mean rate solves E[N] = μ + n·E[N]: E[N] = μ/(1 − n);
 * counts are overdispersed (Var N_t > E N_t) when n > 0.
 *
 * Source: A. G. Hawkes, "Spectra of some self-exciting and mutually exciting point
 * processes", Biometrika 58 (1971), 83–90; discrete-time form as in the INGARCH(1,1) /
 * Poisson autoregression of K. Fokianos, A. Rahbek & D. Tjøstheim, JASA 104 (2009).
 * Draws one {@link poisson} variate per step from `rng`.
 *
 * @returns counts N₀ … N_{steps−1}
 * @throws {LinkageError} E_DOMAIN if steps is not a non-negative integer, baseline < 0,
 * branching ∉ [0, 1), tau ≤ 0 or initialExcitation < 0
 * @example simulateDiscreteHawkes(randomStream(1, 0), { steps: 52, baseline: 4, branching: 0.3, tau: 2 })
 */
export function simulateDiscreteHawkes(
  rng: RandomStream,
  { steps, baseline, branching, tau, initialExcitation = 0 }: DiscreteHawkesOptions,
): Int32Array {
  const bad = (message: string) =>
    new LinkageError("E_DOMAIN", `simulateDiscreteHawkes: ${message}`);
  if (!(Number.isSafeInteger(steps) && steps >= 0))
    throw bad(`steps must be a non-negative integer, got ${steps}`);
  if (!(baseline >= 0 && Number.isFinite(baseline)))
    throw bad(`baseline must be finite and ≥ 0, got ${baseline}`);
  if (!(branching >= 0 && branching < 1))
    throw bad(`branching must lie in [0, 1), got ${branching}`);
  if (!(tau > 0)) throw bad(`tau must be > 0, got ${tau}`);
  if (!(initialExcitation >= 0 && Number.isFinite(initialExcitation))) {
    throw bad(`initialExcitation must be finite and ≥ 0, got ${initialExcitation}`);
  }
  const decay = Math.exp(-1 / tau);
  const gain = branching * (1 - decay);
  const counts = new Int32Array(steps);
  let h = initialExcitation;
  for (let t = 0; t < steps; t++) {
    const n = poisson(rng, baseline + h);
    counts[t] = n;
    h = decay * h + gain * n;
  }
  return counts;
}
