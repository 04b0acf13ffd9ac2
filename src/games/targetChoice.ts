/**
 * The target's choice over n demands is a bit mask: bit j set means demand j is conceded. The
 * one-shot game (`analysis/targetBestResponse`) and the weekly model (`sim/softValueIteration`
 * at λ = ∞) enumerate all 2^n choices and break ties between them by the same rule, kept here.
 */

/** Payoffs or Q-values closer than this (relative) are ties, broken by {@link prefersConceding}. */
export const TARGET_TIE_TOLERANCE = 1e-12;

/** Is demand `j` conceded in `choice`? @example concedes(0b10, 1) // => true */
export function concedes(choice: number, j: number): boolean {
  return ((choice >>> j) & 1) === 1;
}

/** Number of demands conceded in `choice`. @example concessionCount(0b1011) // => 3 */
export function concessionCount(choice: number): number {
  let n = 0;
  for (let c = choice; c !== 0; c &= c - 1) n++;
  return n;
}

/**
 * The target's tie-break between two choices: the one conceding more demands wins; between
 * choices conceding equally many, the one conceding the lowest-index demand where they differ
 * (the earlier-listed demand). False when `a` and `b` are the same choice.
 *
 * @example prefersConceding(0b01, 0b10) // => true (demand 0 listed before demand 1)
 */
export function prefersConceding(a: number, b: number): boolean {
  const ca = concessionCount(a);
  const cb = concessionCount(b);
  if (ca !== cb) return ca > cb;
  const differ = a ^ b;
  return (a & differ & -differ) !== 0;
}
