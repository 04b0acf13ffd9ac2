import { LinkageError } from "../errors/LinkageError.js";

export interface GreenPorterInput {
  /** Weekly flow payoff of the cooperative action (e.g. conceding both demands). */
  readonly c: number;
  /** Weekly flow payoff of the best deviation (e.g. meeting only the observable demand). */
  readonly d: number;
  /** Weekly flow payoff while punished (the agent's best response in the punishment state). */
  readonly p: number;
  /** π_c, probability that the cooperative action triggers punishment (a violation signal). */
  readonly piC: number;
  /** π_d, probability that the deviation triggers punishment. */
  readonly piD: number;
}

/**
 * The discount factor above which an agent facing grim-trigger punishment under imperfect
 * monitoring prefers the cooperative action c to the deviation d (MODEL.md §3):
 *
 *   δ* = (d − c) / [(π_d − π_c)·(c − p) + (1 − π_c)·(d − c)].
 *
 * Derivation: with P = p/(1 − δ) the value of permanent punishment, cooperating forever is
 * worth V_c = (c + δ·π_c·P)/(1 − δ·(1 − π_c)), and the one-shot deviation is not profitable iff
 * d − c ≤ δ·(π_d − π_c)·(V_c − P), which rearranges to δ ≥ δ*.
 * Source: Green and Porter (1984), "Noncooperative collusion under imperfect price information",
 * Econometrica 52(1).
 *
 * Edge cases: 0 when d ≤ c (cooperation is preferred even by a myopic agent); `Infinity` when
 * d > c and the denominator is ≤ 0 (punishment never deters); a value ≥ 1 means no δ ∈ [0, 1)
 * sustains cooperation.
 *
 * @throws {LinkageError} E_DOMAIN when c, d or p is not finite or π_c, π_d ∉ [0, 1]
 * @example greenPorterThreshold({ c: 0.3, d: 0.7, p: 0, piC: 0.02, piD: 0.2 }) // => 0.8968609865470852
 */
export function greenPorterThreshold({ c, d, p, piC, piD }: GreenPorterInput): number {
  if (![c, d, p].every(Number.isFinite)) {
    throw new LinkageError("E_DOMAIN", `greenPorterThreshold: c, d, p must be finite`);
  }
  if (!(piC >= 0 && piC <= 1 && piD >= 0 && piD <= 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `greenPorterThreshold: π_c, π_d must be in [0, 1], got ${piC} and ${piD}`,
    );
  }
  if (d <= c) return 0;
  const denominator = (piD - piC) * (c - p) + (1 - piC) * (d - c);
  return denominator > 0 ? (d - c) / denominator : Number.POSITIVE_INFINITY;
}
