/**
 * An ISO date `YYYY-MM-DD`, optionally followed by a time (`T` or a space, `HH:MM`, seconds,
 * a fraction, `Z` or an offset): the forms conflict-event files write, such as GED's
 * `2021-08-26 00:00:00.000`.
 */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * The day number of an ISO calendar date: whole days since 1970-01-01 in the proleptic
 * Gregorian calendar, or `null` when `text` is not a valid date (a 13th month, 30 February, a
 * two-digit year, trailing text).
 *
 * A time after the date is accepted and ignored, offset included: the day is the calendar date
 * as written, never converted to UTC. Event sources date events by the local calendar, and
 * converting `2021-08-26T23:30-05:00` to UTC would move the event to the next day.
 *
 * Formula: with y' = y − [m ≤ 2], era = ⌊y'/400⌋, yoe = y' − 400·era,
 * doy = ⌊(153·((m + 9) mod 12) + 2)/5⌋ + d − 1, doe = 365·yoe + ⌊yoe/4⌋ − ⌊yoe/100⌋ + doy,
 * the day number is 146097·era + doe − 719468.
 *
 * Source: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013), `days_from_civil`.
 *
 * @param text - the date as written in the file
 * @returns days since 1970-01-01 (negative before it), or null if `text` is not a date
 * @example isoDayNumber("2021-08-15") // => 18854
 * @example isoDayNumber("2021-08-26 00:00:00.000") // => 18865
 * @example isoDayNumber("2021-02-29") // => null
 */
export function isoDayNumber(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > DAYS_IN_MONTH[m - 1]! + (m === 2 && leap ? 1 : 0)) return null;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
