import { LinkageError } from "../errors/LinkageError.js";
import { randomStream } from "../math/randomStream.js";
import type { DatedEvents, EventTimes } from "./DatedEvents.js";

/**
 * Event times in days for a continuous-time point-process fit, from events dated to the day:
 * each of a row's `count` events is placed uniformly at random within its day,
 * t = day + U with U ~ U[0, 1), and the times of one day are sorted; duration = dayCount.
 * The draws come from stream 0 of `seed` (the same seed gives the same times, on any machine),
 * taken in row order.
 *
 * Why: a day-resolution file has many events on one day, and a continuous-time Hawkes
 * likelihood needs distinct, ordered times. Jitter blurs excitation on time scales under a day;
 * with decay times of days to weeks the bias is small, and another seed shows how far the
 * estimates move. The discrete-day alternative is {@link binnedCounts} with one-day bins.
 * Two events may still share a time (a tie has probability about n²·2⁻⁵³); times stay inside
 * their day even where day + U would round up to the next day.
 *
 * @param events - dated events (rows ascending by day)
 * @param seed - a safe integer
 * @returns ascending times in [0, dayCount), one per event (Σ count)
 * @throws {LinkageError} E_DOMAIN if `seed` is not a safe integer
 * @example
 * // events: 1 on 2021-01-01, 2 on 2021-01-03, 1 on 2021-01-09 (dayCount 9)
 * jitteredEventTimes(events, 1) // => { times: [0.6299…, 2.1051…, 2.3421…, 8.7964…], duration: 9 }
 */
export function jitteredEventTimes(events: DatedEvents, seed: number): EventTimes {
  if (!Number.isSafeInteger(seed)) {
    throw new LinkageError(
      "E_DOMAIN",
      `jitteredEventTimes: seed must be a safe integer, got ${seed}`,
    );
  }
  const rng = randomStream(seed, 0);
  let total = 0;
  for (const c of events.count) total += c;
  const times = new Float64Array(total);
  let k = 0;
  let row = 0;
  const rows = events.day.length;
  while (row < rows) {
    const day = events.day[row]!;
    const dayStart = k;
    for (; row < rows && events.day[row] === day; row++) {
      for (let j = events.count[row]!; j > 0; j--) times[k++] = day + rng.next();
    }
    const next = day + 1;
    const ceiling = nextDown(next);
    const segment = times.subarray(dayStart, k);
    for (let i = 0; i < segment.length; i++) if (segment[i]! >= next) segment[i] = ceiling;
    segment.sort();
  }
  return { times, duration: events.dayCount };
}

const BITS = new Float64Array(1);
const WORDS = new BigInt64Array(BITS.buffer);

/** The largest double below a positive finite x. */
function nextDown(x: number): number {
  BITS[0] = x;
  WORDS[0] = WORDS[0]! - 1n;
  return BITS[0]!;
}
