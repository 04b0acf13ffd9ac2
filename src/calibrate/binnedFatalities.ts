import { wholeBins } from "./binnedCounts.js";
import type { DatedEvents } from "./DatedEvents.js";

/**
 * Deaths per bin of `binDays` days, the bins of {@link binnedCounts} (a partial last bin left
 * out): the sum of the rows' fatalities in each bin, NaN for a bin with a row whose fatalities
 * are unknown.
 *
 * @param events - dated events
 * @param binDays - days per bin, a whole number ≥ 1
 * @throws {LinkageError} E_DOMAIN if binDays is not a whole number ≥ 1; E_INPUT if the window
 * is shorter than one bin
 * @example
 * // events: 1 on 2021-01-01 (2 deaths), 2 on 2021-01-03 (5), 1 on 2021-01-09 (1); dayCount 9
 * binnedFatalities(events, 7) // => Float64Array [7]
 */
export function binnedFatalities(events: DatedEvents, binDays: number): Float64Array {
  const bins = wholeBins(events, binDays, "binnedFatalities");
  const out = new Float64Array(bins);
  for (let i = 0; i < events.day.length; i++) {
    const b = Math.floor(events.day[i]! / binDays);
    if (b < bins) out[b]! += events.fatalities[i]!;
  }
  return out;
}
