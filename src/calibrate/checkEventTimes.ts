import { LinkageError } from "../errors/LinkageError.js";
import type { EventTimes } from "./DatedEvents.js";

/**
 * Checks event times once, so the fits' loops need not: a finite positive duration and
 * finite times, ascending (ties allowed), in [0, duration).
 *
 * @throws {LinkageError} E_DOMAIN naming the first time at fault
 * @example checkEventTimes({ times: Float64Array.of(0.5, 2), duration: 3 }) // passes
 */
export function checkEventTimes(events: EventTimes): void {
  const { times, duration } = events;
  if (!(duration > 0 && Number.isFinite(duration))) {
    throw new LinkageError("E_DOMAIN", `event times need a finite duration > 0, got ${duration}`);
  }
  let previous = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (!(t >= previous && t < duration)) {
      throw new LinkageError(
        "E_DOMAIN",
        `event time ${i} is ${t}: times must ascend within [0, ${duration})`,
      );
    }
    previous = t;
  }
}

/** The number of times below t in an ascending array (binary search). */
export function countBelow(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
