/**
 * The ISO date `YYYY-MM-DD` of a day number (whole days since 1970-01-01, proleptic
 * Gregorian): the inverse of {@link isoDayNumber} on the dates it accepts.
 *
 * Formula: z = day + 719468, era = ⌊z/146097⌋, doe = z − 146097·era,
 * yoe = ⌊(doe − ⌊doe/1460⌋ + ⌊doe/36524⌋ − ⌊doe/146096⌋)/365⌋,
 * doy = doe − (365·yoe + ⌊yoe/4⌋ − ⌊yoe/100⌋), mp = ⌊(5·doy + 2)/153⌋,
 * d = doy − ⌊(153·mp + 2)/5⌋ + 1, m = mp + 3 (− 12 when mp ≥ 10), y = yoe + 400·era + [m ≤ 2].
 *
 * Source: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013), `civil_from_days`.
 *
 * @param day - a whole day number; years outside 0000–9999 are written with more digits or a sign
 * @example isoDateOfDayNumber(18854) // => "2021-08-15"
 * @example isoDateOfDayNumber(0) // => "1970-01-01"
 */
export function isoDateOfDayNumber(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, "0") : String(y);
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
