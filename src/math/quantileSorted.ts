/**
 * The p-quantile of values already sorted in ascending order, by linear interpolation between
 * order statistics: with h = (n − 1)·p, x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) (Hyndman and Fan
 * 1996, definition 7; R's default `quantile(type = 7)`, and `summarise` in `sim/simulate`).
 * The caller promises the order; nothing is sorted here.
 * @param sorted - ascending, at least one value
 * @param p - in [0, 1]
 * @throws {RangeError} for an empty list or p outside [0, 1]
 * @example quantileSorted([1, 2, 3, 4], 0.5) // => 2.5 (R: quantile(1:4, 0.5))
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantileSorted needs at least one value");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must lie in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
