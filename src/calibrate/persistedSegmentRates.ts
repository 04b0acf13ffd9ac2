/**
 * The Poisson rate of each background segment as fitted on [0, from): events over exposure in the
 * part of the segment seen by then; a segment not begun by `from` gets the rate of the latest
 * one that has (persistence: the forecast a rolling origin may make). Writes into `rates`.
 *
 * @param start, end the segment's bounds (j = 0 … rates.length − 1)
 * @param eventsBetween events in [a, b)
 */
export function persistedSegmentRates(
  rates: Float64Array,
  start: (j: number) => number,
  end: (j: number) => number,
  from: number,
  eventsBetween: (a: number, b: number) => number,
): void {
  let last = 0;
  for (let j = 0; j < rates.length; j++) {
    const observedEnd = Math.min(end(j), from);
    if (observedEnd > start(j)) {
      rates[j] = eventsBetween(start(j), observedEnd) / (observedEnd - start(j));
      last = rates[j]!;
    } else {
      rates[j] = last;
    }
  }
}
