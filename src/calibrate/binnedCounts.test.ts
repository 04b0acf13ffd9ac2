import { describe, expect, it } from "vitest";
import { errorOf } from "../../test/support/errorOf.js";
import { binnedCounts } from "./binnedCounts.js";
import { binnedFatalities } from "./binnedFatalities.js";
import type { DatedEvents } from "./DatedEvents.js";
import { dayIndex } from "./dayIndex.js";
import { parseEventTable } from "./parseEventTable.js";

function events(day: number[], count: number[], deaths: number[], dayCount: number): DatedEvents {
  return {
    origin: "2021-01-01",
    dayCount,
    day: Int32Array.from(day),
    count: Int32Array.from(count),
    fatalities: Float64Array.from(deaths),
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

describe("binnedCounts and binnedFatalities", () => {
  const e = events([0, 1, 6, 7, 13, 14, 15], [1, 2, 1, 3, 1, 5, 1], [1, 2, 3, 4, 5, 6, 7], 16);

  it("count per day and per week from the origin, the partial last week left out", () => {
    const daily = binnedCounts(e, 1);
    expect(daily.length).toBe(16);
    expect([...daily]).toEqual([1, 2, 0, 0, 0, 0, 1, 3, 0, 0, 0, 0, 0, 1, 5, 1]);
    // 16 days: two whole weeks; days 14 and 15 (6 events) are left out
    expect([...binnedCounts(e, 7)]).toEqual([4, 4]);
    expect([...binnedFatalities(e, 7)]).toEqual([6, 9]);
    expect([...binnedFatalities(e, 16)]).toEqual([28]);
  });

  it("keeps every event when the window is whole bins", () => {
    const text = Array.from({ length: 140 }, (_, i) => {
      const d = new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10);
      return `${d},${i % 5}`;
    }).join("\n");
    const table = parseEventTable(`date,n\n${text}\n`, "t.csv", { countColumn: "n" });
    const total = table.count.reduce((a, b) => a + b, 0);
    expect(binnedCounts(table, 7).length).toBe(20);
    expect(binnedCounts(table, 7).reduce((a, b) => a + b, 0)).toBe(total);
    expect(binnedCounts(table, 1).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("gives NaN deaths for a bin with an unknown row", () => {
    const unknown = events([0, 8], [1, 1], [2, Number.NaN], 14);
    expect([...binnedFatalities(unknown, 7)]).toEqual([2, Number.NaN]);
  });

  it("refuses a bad bin length and a window shorter than one bin", () => {
    expect(errorOf(() => binnedCounts(e, 0)).code).toBe("E_DOMAIN");
    expect(errorOf(() => binnedCounts(e, 1.5)).code).toBe("E_DOMAIN");
    const short = errorOf(() => binnedCounts(events([0], [1], [0], 5), 7));
    expect(short.code).toBe("E_INPUT");
    expect(short.message).toBe(
      "t.csv: the window of 5 days from 2021-01-01 is shorter than one bin of 7 days",
    );
  });
});

describe("dayIndex", () => {
  it("counts days from the origin, before and after it", () => {
    expect(dayIndex({ origin: "2021-01-01" }, "2021-08-15")).toBe(226);
    expect(dayIndex({ origin: "2021-01-01" }, "2021-01-01")).toBe(0);
    expect(dayIndex({ origin: "2021-01-01" }, "2020-12-31")).toBe(-1);
    expect(dayIndex({ origin: "2021-01-01" }, "2021-08-15T12:00:00Z")).toBe(226);
  });

  it("refuses what is not a date", () => {
    const e = errorOf(() => dayIndex({ origin: "2021-01-01" }, "15/08/2021"));
    expect(e.code).toBe("E_INPUT");
    expect(e.message).toBe('found "15/08/2021", expected a date YYYY-MM-DD');
  });
});
