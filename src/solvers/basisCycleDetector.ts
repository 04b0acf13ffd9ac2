/**
 * Detects a pivoting path that has returned to a state it visited before (a cycle), in O(1)
 * memory and O(1) time a pivot. A state is identified by a 64-bit Zobrist hash (Zobrist 1970):
 * each (tableau side, basic variable) pair has a fixed pseudo-random 64-bit key, and the hash is
 * the XOR of the keys of the basic variables, so a pivot updates it by XORing the entering and
 * leaving variables' keys. Repetition is found by Brent's method (Brent, "An improved Monte Carlo
 * factorization algorithm", BIT 20, 1980): the state is saved at steps 1, 2, 4, 8, …, and a cycle
 * of length λ entered after μ steps is reported within about 2·max(λ, μ) + λ further steps.
 *
 * Exact pivoting with a lexicographic rule never cycles; floating-point pivoting can, when
 * rounding breaks a tie the wrong way (a badly scaled degenerate game). Two different states
 * share a hash with probability 2⁻⁶⁴ per comparison.
 */
export class BasisCycleDetector {
  /** The hash of the current bases, low and high 32 bits. */
  private lo = 0;
  private hi = 0;
  /** The saved state (hash with the side to move and the entering variable). */
  private savedLo = 0;
  private savedHi = 0;
  private saved = false;
  private power = 1;
  private steps = 0;

  /** Variable `variable` of tableau `side` (0 or 1) entered or left the basis. */
  toggle(side: number, variable: number): void {
    this.lo ^= zobristKey(side, variable, 0x9e3779b9);
    this.hi ^= zobristKey(side, variable, 0x85ebca6b);
  }

  /**
   * Records the state after a pivot (the bases, the tableau whose turn it is and the variable
   * entering next): true when it equals an earlier state, i.e. the path is cycling.
   */
  repeated(side: number, entering: number): boolean {
    const lo = this.lo ^ zobristKey(side + 2, entering, 0xc2b2ae35);
    const hi = this.hi ^ zobristKey(side + 2, entering, 0x27d4eb2f);
    if (this.saved && lo === this.savedLo && hi === this.savedHi) return true;
    if (++this.steps >= this.power) {
      this.savedLo = lo;
      this.savedHi = hi;
      this.saved = true;
      this.power *= 2;
      this.steps = 0;
    }
    return false;
  }
}

/** A pseudo-random 32-bit key of (side, variable) for one lane (a murmur3-style finaliser). */
function zobristKey(side: number, variable: number, lane: number): number {
  let h = Math.imul(variable + 1, 0x01000193) ^ Math.imul(side + 1, lane);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
