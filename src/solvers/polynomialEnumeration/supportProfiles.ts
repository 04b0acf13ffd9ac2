/**
 * Every support profile of a game with `sizes[i]` strategies for player i: one non-empty subset
 * of strategies per player, each a bit mask (bit s set when strategy s is in the support),
 * smallest total support first (pure profiles, then one mixing player, …), and within one total
 * size in the order of the masks (player 1's fastest). There are Π (2^nᵢ − 1) of them.
 *
 * @example
 * [...supportProfiles([2, 2])].length // => 9
 * [...supportProfiles([2, 2])][0]     // => Int32Array [1, 1]  (both players' first strategy)
 */
export function* supportProfiles(sizes: readonly number[]): Generator<Int32Array> {
  const n = sizes.length;
  const masks = sizes.map((m) => (1 << m) - 1);
  const total = sizes.reduce((a, b) => a + b, 0);
  const current = new Int32Array(n);
  for (let target = n; target <= total; target++) {
    current.fill(1);
    for (;;) {
      let size = 0;
      for (let p = 0; p < n; p++) size += bitCount(current[p]!);
      if (size === target) yield current.slice();
      let p = 0;
      for (; p < n; p++) {
        if (current[p]! < masks[p]!) {
          current[p] = current[p]! + 1;
          break;
        }
        current[p] = 1;
      }
      if (p === n) break;
    }
  }
}

/** Number of set bits of a non-negative 31-bit integer. */
export function bitCount(mask: number): number {
  let x = mask - ((mask >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The strategies of a support mask, in increasing order. */
export function supportMembers(mask: number): number[] {
  const out: number[] = [];
  for (let s = 0; mask >>> s !== 0; s++) if ((mask >>> s) & 1) out.push(s);
  return out;
}
