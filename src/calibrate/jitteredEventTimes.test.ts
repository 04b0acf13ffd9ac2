import { describe, expect, it } from "vitest";
import { errorOf } from "../../test/support/errorOf.js";
import type { DatedEvents } from "./DatedEvents.js";
import { jitteredEventTimes } from "./jitteredEventTimes.js";

/** Dated events on the given days (ascending) with the given counts. */
function events(day: number[], count: number[], dayCount: number): DatedEvents {
  return {
    origin: "2021-01-01",
    dayCount,
    day: Int32Array.from(day),
    count: Int32Array.from(count),
    fatalities: new Float64Array(day.length),
    provenance: {
      file: "t.csv",
      format: "table",
      filters: [],
      rowsRead: 0,
      rowsKept: 0,
      skipped: [],
    },
  };
}

describe("jitteredEventTimes", () => {
  const e = events([0, 2, 2, 5, 9], [1, 3, 2, 0, 4], 10);

  it("places each event inside its day, one time per event, ascending", () => {
    const { times, duration } = jitteredEventTimes(e, 7);
    expect(duration).toBe(10);
    expect(times.length).toBe(10);
    expect(Array.from(times, Math.floor)).toEqual([0, 2, 2, 2, 2, 2, 9, 9, 9, 9]);
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
    expect(times[times.length - 1]!).toBeLessThan(duration);
  });

  it("gives the same times for the same seed and others for another", () => {
    expect(jitteredEventTimes(e, 7).times).toEqual(jitteredEventTimes(e, 7).times);
    expect(jitteredEventTimes(e, 8).times).not.toEqual(jitteredEventTimes(e, 7).times);
  });

  it("is uniform within the day: the fractional parts' mean and variance are those of U(0, 1)", () => {
    const n = 20_000;
    const many = events([3], [n], 4);
    const frac = Array.from(jitteredEventTimes(many, 1).times, (t) => t - 3);
    const mean = frac.reduce((a, b) => a + b, 0) / n;
    const variance = frac.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    // U(0,1): mean 1/2 with sd √(1/(12n)) ≈ 0.002; variance 1/12
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(variance).toBeCloseTo(1 / 12, 2);
  });

  it("keeps times inside their day far from the origin (coarser doubles)", () => {
    const late = events([2 ** 26], [50_000], 2 ** 26 + 1);
    const { times } = jitteredEventTimes(late, 3);
    expect(Math.max(...times)).toBeLessThan(2 ** 26 + 1);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(2 ** 26);
  });

  it("refuses a seed that is not a safe integer", () => {
    expect(errorOf(() => jitteredEventTimes(e, 0.5)).code).toBe("E_DOMAIN");
  });
});
