import { describe, expect, it } from "vitest";
import { isoDateOfDayNumber } from "./isoDateOfDayNumber.js";
import { isoDayNumber } from "./isoDayNumber.js";

describe("isoDayNumber and isoDateOfDayNumber", () => {
  it("agree with Date.UTC on known dates", () => {
    // reference: JavaScript's Date.UTC (proleptic Gregorian, UTC midnight) / 86,400,000
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2021, 8, 15],
      [2000, 2, 29],
      [1900, 3, 1],
      [1600, 2, 29],
      [9999, 12, 31],
      [1969, 12, 31],
    ] as const) {
      const text = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      expect(isoDayNumber(text)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      expect(isoDateOfDayNumber(isoDayNumber(text)!)).toBe(text);
    }
  });

  it("round-trips every day from 1800 to 2200", () => {
    const first = isoDayNumber("1800-01-01")!;
    const last = isoDayNumber("2200-12-31")!;
    const wrong: number[] = [];
    for (let day = first; day <= last; day++) {
      if (isoDayNumber(isoDateOfDayNumber(day)) !== day) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it("ignores a time and its offset: the calendar date as written", () => {
    expect(isoDayNumber("2021-08-26 00:00:00.000")).toBe(18865);
    expect(isoDayNumber("2021-08-26T23:30:00-05:00")).toBe(18865);
    expect(isoDayNumber("2021-08-26T23:30Z")).toBe(18865);
    expect(isoDayNumber("2021-08-26T10:00:00.123456+0430")).toBe(18865);
  });

  it("refuses what is not a date", () => {
    for (const bad of [
      "",
      "2021-02-29",
      "1900-02-29",
      "2021-13-01",
      "2021-00-10",
      "2021-04-31",
      "2021-01-00",
      "21-01-01",
      "2021/01/01",
      "2021-1-1",
      "2021-01-01x",
      " 2021-01-01",
      "2021-01-01T25:00",
      "2021-01-01 12",
      "01/08/2021",
    ]) {
      expect(isoDayNumber(bad), bad).toBeNull();
    }
  });
});
