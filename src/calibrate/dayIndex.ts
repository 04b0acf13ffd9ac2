import { LinkageError } from "../errors/LinkageError.js";
import type { DatedEvents } from "./DatedEvents.js";
import { isoDayNumber } from "./isoDayNumber.js";

/**
 * The day index of an ISO date in the events' window: days from `origin` (day 0), so a change
 * point such as the fall of Kabul, 2021-08-15, can be placed on the fitted axis (divide by 7
 * for weeks). The result may lie outside 0 … dayCount − 1; callers that need a date inside the
 * window check it.
 *
 * @param events - anything with an `origin` (dated events)
 * @param date - an ISO date YYYY-MM-DD (a time after it is ignored)
 * @throws {LinkageError} E_INPUT if `date` is not a date
 * @example dayIndex({ origin: "2021-01-01" }, "2021-08-15") // => 226
 */
export function dayIndex(events: Pick<DatedEvents, "origin">, date: string): number {
  const day = isoDayNumber(date.trim());
  if (day === null) {
    throw new LinkageError("E_INPUT", `found ${JSON.stringify(date)}, expected a date YYYY-MM-DD`);
  }
  return day - isoDayNumber(events.origin)!;
}
