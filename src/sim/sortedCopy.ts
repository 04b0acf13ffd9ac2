/** Radix digit width in bits: eight passes over a 64-bit key, 256 buckets each. */
const DIGIT_BITS = 8;
const DIGITS = 64 / DIGIT_BITS;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;
/** Below this many values the built-in sort is as fast, and the buckets cost more than they save. */
const RADIX_FROM = 2048;
/** Index of the 32-bit word holding a double's sign and exponent, on this machine's byte order. */
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

/**
 * A sorted copy of `values`, in exactly the order `Float64Array.prototype.sort` gives (ascending,
 * −0 before +0, NaN last), so a sum over it or a quantile of it has the same bits; about five
 * times faster for the 10⁵-value outcome columns that `summarise` sorts.
 *
 * A least-significant-digit radix sort (eight stable passes of 8 bits) on each double's bits
 * mapped to an unsigned key whose order is the numbers' order: the sign bit flipped for a
 * positive number, every bit flipped for a negative one. NaNs (any payload) are set apart first
 * and put last, as the built-in sort puts them. A pass whose digit is the same for every value
 * is skipped (the exponent words of an outcome column often are).
 * Source: D. E. Knuth, The Art of Computer Programming, vol. 3 (2nd ed., 1998), §5.2.5 (radix
 * sorting); the key mapping is the usual one for IEEE 754 (M. Herf, "Radix tricks", 2001).
 * @param out - where to write the sorted values (of `values.length`); a new array by default
 * @throws {RangeError} when `out` has another length
 * @example sortedCopy(Float64Array.of(2, -0, NaN, 0, -1)) // => Float64Array [-1, -0, 0, 2, NaN]
 */
export function sortedCopy(
  values: Float64Array,
  out: Float64Array = new Float64Array(values.length),
): Float64Array {
  const n = values.length;
  if (out.length !== n) {
    throw new RangeError(`sortedCopy: out has length ${out.length}, expected ${n}`);
  }
  if (n < RADIX_FROM) {
    out.set(values);
    return out.sort();
  }
  const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  if (countingSort(values, bits, out)) return out;
  // keys as (high, low) word pairs, ping-ponged between two buffers
  const words = keyWords(n);
  let hi = words.subarray(0, n);
  let lo = words.subarray(n, 2 * n);
  let hi2 = words.subarray(2 * n, 3 * n);
  let lo2 = words.subarray(3 * n, 4 * n);
  let count = 0;
  let nans = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (Number.isNaN(x)) {
      nans++;
      continue;
    }
    const h = bits[2 * i + HIGH]!;
    const l = bits[2 * i + LOW]!;
    if (h & 0x8000_0000) {
      hi[count] = ~h >>> 0;
      lo[count] = ~l >>> 0;
    } else {
      hi[count] = (h | 0x8000_0000) >>> 0;
      lo[count] = l;
    }
    count++;
  }
  // every digit's histogram in one pass: digit d holds bits 8d … 8d + 7 of the key, counting
  // from the low word's least significant bit
  const histograms = new Uint32Array(DIGITS * BUCKETS);
  for (let i = 0; i < count; i++) {
    const l = lo[i]!;
    const h = hi[i]!;
    histograms[l & DIGIT_MASK]!++;
    histograms[BUCKETS + ((l >>> 8) & DIGIT_MASK)]!++;
    histograms[2 * BUCKETS + ((l >>> 16) & DIGIT_MASK)]!++;
    histograms[3 * BUCKETS + (l >>> 24)]!++;
    histograms[4 * BUCKETS + (h & DIGIT_MASK)]!++;
    histograms[5 * BUCKETS + ((h >>> 8) & DIGIT_MASK)]!++;
    histograms[6 * BUCKETS + ((h >>> 16) & DIGIT_MASK)]!++;
    histograms[7 * BUCKETS + (h >>> 24)]!++;
  }
  for (let d = 0; d < DIGITS; d++) {
    const at = histograms.subarray(d * BUCKETS, (d + 1) * BUCKETS);
    const word = d < DIGITS / 2 ? lo : hi;
    const shift = (d % (DIGITS / 2)) * DIGIT_BITS;
    // a digit every key shares does not reorder anything
    if (count === 0 || at[(word[0]! >>> shift) & DIGIT_MASK] === count) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = at[b]!;
      at[b] = sum;
      sum += c;
    }
    const from = d < DIGITS / 2 ? lo : hi;
    for (let i = 0; i < count; i++) {
      const to = at[(from[i]! >>> shift) & DIGIT_MASK]!++;
      hi2[to] = hi[i]!;
      lo2[to] = lo[i]!;
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
  }
  const written = new Uint32Array(out.buffer, out.byteOffset, 2 * n);
  for (let i = 0; i < count; i++) {
    const h = hi[i]!;
    if (h & 0x8000_0000) {
      written[2 * i + HIGH] = h & 0x7fff_ffff;
      written[2 * i + LOW] = lo[i]!;
    } else {
      written[2 * i + HIGH] = ~h >>> 0;
      written[2 * i + LOW] = ~lo[i]! >>> 0;
    }
  }
  if (nans > 0) out.fill(Number.NaN, count);
  return out;
}

/** Most key words kept between calls (16 MB: columns of up to 2²⁰ values sort without allocating). */
const KEPT_WORDS = 4 << 20;
let keptWords = new Uint32Array(0);

/** Four key buffers of `n` words, reused from the last call when large enough (summarise sorts dozens of columns in a row). */
function keyWords(n: number): Uint32Array {
  if (keptWords.length >= 4 * n) return keptWords;
  const words = new Uint32Array(4 * n);
  if (words.length <= KEPT_WORDS) keptWords = words;
  return words;
}

/** Most distinct values {@link countingSort} tallies before it leaves the column to the radix sort. */
const MAX_DISTINCT = 256;
/** Slots of its hash table (a power of two, four per value at most). */
const SLOTS = 4 * MAX_DISTINCT;

/**
 * Sorts a column that takes few distinct values (counts, shares, a policy's constant outcome) by
 * tallying each distinct bit pattern in a small hash table, sorting the distinct values, and
 * writing each as many times as it occurs. False, with `out` untouched, once the column shows
 * more than MAX_DISTINCT distinct values (typically within its first few hundred).
 */
function countingSort(values: Float64Array, bits: Uint32Array, out: Float64Array): boolean {
  const n = values.length;
  const keyHigh = new Uint32Array(SLOTS);
  const keyLow = new Uint32Array(SLOTS);
  const tally = new Int32Array(SLOTS); // 0: an empty slot
  const slots = new Int32Array(MAX_DISTINCT);
  let distinct = 0;
  let nans = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (Number.isNaN(x)) {
      nans++;
      continue;
    }
    const h = bits[2 * i + HIGH]!;
    const l = bits[2 * i + LOW]!;
    let slot = Math.imul(l ^ Math.imul(h, 0x9e37_79b1), 0x85eb_ca6b) >>> 22; // 10 bits: SLOTS
    while (tally[slot]! > 0 && (keyHigh[slot] !== h || keyLow[slot] !== l)) {
      slot = (slot + 1) & (SLOTS - 1);
    }
    if (tally[slot] === 0) {
      if (distinct === MAX_DISTINCT) return false;
      slots[distinct++] = slot;
      keyHigh[slot] = h;
      keyLow[slot] = l;
    }
    tally[slot]!++;
  }
  // the distinct values in the built-in sort's order, each with its tally
  const keys = new Float64Array(distinct);
  const keyBits = new Uint32Array(keys.buffer);
  const order = new Int32Array(distinct);
  for (let k = 0; k < distinct; k++) order[k] = k;
  for (let k = 0; k < distinct; k++) {
    keyBits[2 * k + HIGH] = keyHigh[slots[k]!]!;
    keyBits[2 * k + LOW] = keyLow[slots[k]!]!;
  }
  order.sort((a, b) => compareLikeSort(keys[a]!, keys[b]!));
  let at = 0;
  for (const k of order) {
    const count = tally[slots[k]!]!;
    out.fill(keys[k]!, at, at + count);
    at += count;
  }
  if (nans > 0) out.fill(Number.NaN, at);
  return true;
}

/** The order of `Float64Array.prototype.sort` for two numbers that are not NaN (−0 before +0). */
function compareLikeSort(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === 0 && b === 0)
    return Object.is(a, -0) ? (Object.is(b, -0) ? 0 : -1) : Object.is(b, -0) ? 1 : 0;
  return 0;
}
