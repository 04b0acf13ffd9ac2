import { LinkageError } from "../errors/LinkageError.js";
import type { DatedEvents } from "./DatedEvents.js";

/**
 * Events per bin of `binDays` days from the window's first day: bin b holds the events of days
 * b·binDays … (b + 1)·binDays − 1. One-day bins are the discrete-day likelihood's counts;
 * seven-day bins the weekly model's (the simulation's step).
 *
 * A partial last bin is left out: the bins are ⌊dayCount / binDays⌋ whole bins, and the last
 * dayCount mod binDays days, with their events, are not counted — a model whose step is
 * `binDays` cannot read a shorter step as one of its own. `events.dayCount % binDays` says how
 * many days were left out.
 *
 * @param events - dated events
 * @param binDays - days per bin, a whole number ≥ 1
 * @returns counts per bin, length ⌊dayCount / binDays⌋
 * @throws {LinkageError} E_DOMAIN if binDays is not a whole number ≥ 1; E_INPUT if the window
 * is shorter than one bin
 * @example
 * // events: 1 on 2021-01-01, 2 on 2021-01-03, 1 on 2021-01-09 (dayCount 9)
 * binnedCounts(events, 1) // => Int32Array [1, 0, 2, 0, 0, 0, 0, 0, 1]
 * binnedCounts(events, 7) // => Int32Array [3] (days 7 and 8, with 1 event, left out)
 */
export function binnedCounts(events: DatedEvents, binDays: number): Int32Array {
  const bins = wholeBins(events, binDays, "binnedCounts");
  const out = new Int32Array(bins);
  for (let i = 0; i < events.day.length; i++) {
    const b = Math.floor(events.day[i]! / binDays);
    if (b < bins) out[b]! += events.count[i]!;
  }
  return out;
}

/**
 * The number of whole bins of `binDays` days in the window (shared by {@link binnedCounts} and
 * {@link binnedFatalities}).
 * @throws {LinkageError} E_DOMAIN for a bad binDays; E_INPUT when no whole bin fits
 */
export function wholeBins(events: DatedEvents, binDays: number, caller: string): number {
  if (!(Number.isSafeInteger(binDays) && binDays >= 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `${caller}: binDays must be a whole number ≥ 1, got ${binDays}`,
    );
  }
  const bins = Math.floor(events.dayCount / binDays);
  if (bins === 0) {
    throw new LinkageError(
      "E_INPUT",
      `${events.provenance.file}: the window of ${events.dayCount} day${events.dayCount === 1 ? "" : "s"} from ${events.origin} is shorter than one bin of ${binDays} days`,
    );
  }
  return bins;
}
