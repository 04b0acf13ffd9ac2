import { LinkageError } from "../errors/LinkageError.js";
import type { DatedEvents, EventProvenance } from "./DatedEvents.js";
import { isoDateOfDayNumber } from "./isoDateOfDayNumber.js";
import { isoDayNumber } from "./isoDayNumber.js";

/** The observation window a user asked for, as day numbers (days since 1970-01-01). */
export interface DayWindow {
  readonly from?: number;
  readonly to?: number;
}

/**
 * The `from`/`to` options of an event parser as day numbers, checked: each a date, from ≤ to.
 * @throws {LinkageError} E_INPUT naming the option when it is not a date, or from is after to
 * @example dayWindow("2021-01-01", undefined) // => { from: 18628 }
 */
export function dayWindow(from: string | undefined, to: string | undefined): DayWindow {
  const day = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const d = isoDayNumber(text);
    if (d === null) {
      throw new LinkageError(
        "E_INPUT",
        `${name}: found ${JSON.stringify(text)}, expected a date YYYY-MM-DD`,
      );
    }
    return d;
  };
  const start = day("from", from);
  const end = day("to", to);
  if (start !== undefined && end !== undefined && start > end) {
    throw new LinkageError(
      "E_INPUT",
      `from: ${from} is after to: ${to}; the window would be empty`,
    );
  }
  return {
    ...(start === undefined ? {} : { from: start }),
    ...(end === undefined ? {} : { to: end }),
  };
}

/**
 * Kept rows (day numbers in file order) as {@link DatedEvents}: sorted by day (stable: ties
 * keep file order), with the window from `window.from` (else the first row's day) to
 * `window.to` (else the last row's day), origin its first day. The caller has dropped rows
 * outside the window and made sure at least one row is kept.
 */
export function sortedDatedEvents(
  days: readonly number[],
  counts: readonly number[],
  fatalities: readonly number[],
  window: DayWindow,
  provenance: EventProvenance,
): DatedEvents {
  const order = Array.from(days, (_, i) => i).sort((a, b) => days[a]! - days[b]!);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const d of days) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const origin = window.from ?? first;
  const end = window.to ?? last;
  const n = days.length;
  const day = new Int32Array(n);
  const count = new Int32Array(n);
  const deaths = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    day[k] = days[i]! - origin;
    count[k] = counts[i]!;
    deaths[k] = fatalities[i]!;
  }
  return {
    origin: isoDateOfDayNumber(origin),
    dayCount: end - origin + 1,
    day,
    count,
    fatalities: deaths,
    provenance,
  };
}
