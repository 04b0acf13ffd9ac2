import { describe, expect, it } from "vitest";
import { errorOf } from "../../test/support/errorOf.js";
import { MAX_EVENT_COUNT } from "./maxEventCount.js";
import { parseEventTable } from "./parseEventTable.js";

describe("parseEventTable: CSV", () => {
  it("reads one event a row by default, sorted by day, fatalities unknown", () => {
    const e = parseEventTable("date\n2021-08-17\n2021-08-15\n2021-08-17\n", "a.csv");
    expect(e.origin).toBe("2021-08-15");
    expect(e.dayCount).toBe(3);
    expect([...e.day]).toEqual([0, 2, 2]);
    expect([...e.count]).toEqual([1, 1, 1]);
    expect(e.fatalities.every(Number.isNaN)).toBe(true);
    expect(e.provenance).toEqual({
      file: "a.csv",
      format: "table",
      filters: [],
      rowsRead: 3,
      rowsKept: 3,
      skipped: [],
    });
  });

  it("reads named count and fatalities columns (empty or NA fatalities unknown), ignoring others", () => {
    const text =
      "note,day,n,killed\r\n" +
      '"a, b",2021-08-26T17:50:00+04:30,2,183\r\n' +
      "c,2021-08-27,0,\r\n" +
      "d,2021-08-28,3,NA\r\n" +
      "e,2021-08-29, 1 ,2.5\r\n";
    const e = parseEventTable(text, "t.CSV", {
      dateColumn: "day",
      countColumn: "n",
      fatalitiesColumn: "killed",
    });
    expect(e.origin).toBe("2021-08-26"); // the calendar date as written, not converted to UTC
    expect([...e.day]).toEqual([0, 1, 2, 3]);
    expect([...e.count]).toEqual([2, 0, 3, 1]);
    expect([...e.fatalities]).toEqual([183, Number.NaN, Number.NaN, 2.5]);
  });

  it("keeps the from/to window and its rows", () => {
    const text = "date,count\n2021-01-01,1\n2021-01-10,2\n2021-01-20,3\n";
    const e = parseEventTable(text, "t.csv", {
      countColumn: "count",
      from: "2021-01-05",
      to: "2021-01-31",
    });
    expect(e.origin).toBe("2021-01-05");
    expect(e.dayCount).toBe(27);
    expect([...e.day]).toEqual([5, 15]);
    expect(e.provenance.filters).toEqual(["date ≥ 2021-01-05", "date ≤ 2021-01-31"]);
    expect(e.provenance.rowsRead).toBe(3);
    expect(e.provenance.rowsKept).toBe(2);
  });

  it.each([
    [
      "date,count\n2021-01-01,1\n2021-01-32,1\n",
      't.csv:3: date: found "2021-01-32", expected a date YYYY-MM-DD',
    ],
    [
      "date,count\n2021-01-01,-1\n",
      't.csv:2: count: found "-1", expected a whole number ≥ 0 (below 2³¹)',
    ],
    [
      "date,count\n2021-01-01,1.5\n",
      't.csv:2: count: found "1.5", expected a whole number ≥ 0 (below 2³¹)',
    ],
    [
      "date,count\n2021-01-01,2147483648\n",
      't.csv:2: count: found "2147483648", expected a whole number ≥ 0 (below 2³¹)',
    ],
    [
      "date,count,deaths\n2021-01-01,1,-2\n",
      't.csv:2: deaths: found "-2", expected a number ≥ 0 (empty or NA when unknown)',
    ],
    [
      "date,count,deaths\n2021-01-01,1,lots\n",
      't.csv:2: deaths: found "lots", expected a number ≥ 0 (empty or NA when unknown)',
    ],
    [
      "date,count\n2021-01-01\n",
      "t.csv:2: (row): found 1 field, expected 2 as in the header (line 1)",
    ],
    [
      '# c\ndate,count\n"2021-01-01\n",1\n2021-01-01,x\n',
      't.csv:5: count: found "x", expected a whole number ≥ 0 (below 2³¹)',
    ],
  ])("refuses a bad row with its line: %j", (text, message) => {
    const deaths = text.includes("deaths") ? { fatalitiesColumn: "deaths" } : {};
    const e = errorOf(() => parseEventTable(text, "t.csv", { countColumn: "count", ...deaths }));
    expect(e.code).toBe("E_INPUT");
    expect(e.message).toBe(message);
  });

  it("names a missing column with the closest header names", () => {
    const e = errorOf(() => parseEventTable("Date,count\n2021-01-01,1\n", "t.csv"));
    expect(e.message).toBe(
      't.csv:1: (header): missing column "date" (for "date" did you mean "Date"?); the table needs the columns "date" (other columns are ignored)',
    );
  });

  it("skips bad rows when asked, and says what is left when nothing is", () => {
    const text = "date\n2021-01-01\nyesterday\n2021-01-03\n";
    const e = parseEventTable(text, "t.csv", { skipBadRows: true });
    expect([...e.day]).toEqual([0, 2]);
    expect(e.provenance.skipped).toEqual([
      { line: 3, column: "date", reason: 'found "yesterday", expected a date YYYY-MM-DD' },
    ]);
    expect(
      errorOf(() => parseEventTable("date\nx\ny\n", "t.csv", { skipBadRows: true })).message,
    ).toBe("t.csv: no row left: 2 data rows; 2 bad skipped, 0 left");
  });

  it("refuses an empty window, rows that count no event, and too many events", () => {
    expect(
      errorOf(() => parseEventTable("date\n2021-01-01\n", "t.csv", { from: "2022-01-01" })).message,
    ).toBe("t.csv: no row left: 1 data row; date ≥ 2022-01-01 keeps 0");
    expect(
      errorOf(() =>
        parseEventTable("date,n\n2021-01-01,0\n2021-01-02,0\n", "t.csv", { countColumn: "n" }),
      ).message,
    ).toBe("t.csv: the 2 rows kept count no event (every n is 0)");
    const big = `date,n\n2021-01-01,${MAX_EVENT_COUNT}\n2021-01-02,1\n`;
    expect(errorOf(() => parseEventTable(big, "t.csv", { countColumn: "n" })).message).toBe(
      "t.csv:3: n: the rows so far hold more than 10,000,000 events, the most an event file may hold (docs/limits.md)",
    );
  });
});

describe("parseEventTable: JSONL", () => {
  it("reads one object a line, numbers or strings, blank lines skipped", () => {
    const text =
      '\ufeff{"date":"2021-08-15","n":2,"dead":1.5}\r\n\r\n' +
      '{"date":"2021-08-16 00:00:00","n":"3","dead":null}\n' +
      '{"date":"2021-08-18","n":0}\n';
    const e = parseEventTable(text, "x.jsonl", { countColumn: "n", fatalitiesColumn: "dead" });
    expect(e.origin).toBe("2021-08-15");
    expect(e.dayCount).toBe(4);
    expect([...e.day]).toEqual([0, 1, 3]);
    expect([...e.count]).toEqual([2, 3, 0]);
    expect([...e.fatalities]).toEqual([1.5, Number.NaN, Number.NaN]);
    expect(parseEventTable('{"date":"2021-01-01"}', "x.NDJSON").day.length).toBe(1);
    expect(parseEventTable('{"date":"2021-01-01"}', "x.txt", { format: "jsonl" }).day.length).toBe(
      1,
    );
  });

  it.each([
    [
      '{"date":"2021-01-01","n":1}\n{"date":"2021-01-02"\n',
      /^t\.jsonl:2: \(row\): found "\{\\"date\\":\\"2021-01-02\\"", expected a JSON object \(.+\)$/,
    ],
    [
      '{"date":"2021-01-01","n":1}\n[1,2]\n',
      /^t\.jsonl:2: \(row\): found "\[1,2\]", expected a JSON object$/,
    ],
    [
      '{"date":"2021-01-01","n":1}\n\n\n"text"\n',
      /^t\.jsonl:4: \(row\): found "\\"text\\"", expected a JSON object$/,
    ],
    ['{"date":20210101}\n', /^t\.jsonl:1: date: found 20210101, expected a date YYYY-MM-DD$/],
    [
      '{"day":"2021-01-01"}\n',
      /^t\.jsonl:1: date: found nothing \(the key is missing\), expected a date YYYY-MM-DD$/,
    ],
    [
      '{"date":"2021-01-01","n":1}\n{"date":"2021-01-02","n":-1}\n',
      /^t\.jsonl:2: n: found -1, expected a whole number ≥ 0/,
    ],
    [
      '{"date":"2021-01-01","n":1}\n{"date":"2021-01-02"}\n',
      /^t\.jsonl:2: n: found nothing \(the key is missing\)/,
    ],
    [
      '{"date":"2021-01-01","n":1,"dead":"x"}\n',
      /^t\.jsonl:1: dead: found "x", expected a number ≥ 0/,
    ],
    [
      '{"date":"2021-01-01","n":1,"dead":true}\n',
      /^t\.jsonl:1: dead: found true, expected a number ≥ 0/,
    ],
  ])("refuses a bad line with its number: %j", (text, message) => {
    const e = errorOf(() =>
      parseEventTable(text, "t.jsonl", { countColumn: "n", fatalitiesColumn: "dead" }),
    );
    expect(e.message).toMatch(message);
    expect(e.location?.file).toBe("t.jsonl");
  });

  it("does not read a column named like a prototype member from the prototype", () => {
    const e = errorOf(() => parseEventTable('{"x":1}\n', "t.jsonl", { dateColumn: "constructor" }));
    expect(e.message).toBe(
      "t.jsonl:1: constructor: found nothing (the key is missing), expected a date YYYY-MM-DD",
    );
    expect(
      parseEventTable('{"__proto__":"2021-01-01"}\n', "t.jsonl", { dateColumn: "__proto__" })
        .origin,
    ).toBe("2021-01-01");
  });
});

describe("parseEventTable: options", () => {
  it("needs a format it can tell, distinct non-empty columns and window dates", () => {
    expect(errorOf(() => parseEventTable("date\n2021-01-01\n", "events.txt")).message).toBe(
      "events.txt: cannot tell the table's format from its name (expected .csv, .jsonl or .ndjson); give the format, csv or jsonl",
    );
    expect(parseEventTable("date\n2021-01-01\n", "events.txt", { format: "csv" }).dayCount).toBe(1);
    expect(
      errorOf(() => parseEventTable("date\n", "t.csv", { countColumn: "date" })).message,
    ).toMatch(/must differ/);
    expect(errorOf(() => parseEventTable("date\n", "t.csv", { dateColumn: "" })).message).toMatch(
      /empty/,
    );
    expect(errorOf(() => parseEventTable("date\n", "t.csv", { to: "soon" })).message).toBe(
      'to: found "soon", expected a date YYYY-MM-DD',
    );
  });
});
