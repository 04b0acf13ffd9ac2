import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorOf } from "../../test/support/errorOf.js";
import { GED_COLUMNS } from "./gedColumns.js";
import { isoDayNumber } from "./isoDayNumber.js";
import { parseGedCsv } from "./parseGedCsv.js";

const FIXTURE = readFileSync(
  new URL("../../test/fixtures/ged-synthetic.csv", import.meta.url),
  "utf8",
);

type GedColumn = (typeof GED_COLUMNS)[number];
type GedRowText = Partial<Record<GedColumn, string>>;

/** A valid IS event in Afghanistan; tests change the fields they are about. */
const VALID: GedRowText = {
  id: "1",
  country: "Afghanistan",
  side_a: "IS",
  side_b: "Civilians",
  dyad_name: "IS - Civilians",
  type_of_violence: "3",
  date_prec: "1",
  date_start: "2021-01-05 00:00:00.000",
  date_end: "2021-01-05 00:00:00.000",
  best: "3",
  source_article: "Test, made up",
};

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A GED file: the full header, then one line per row (`null` rows are written as given in `raw`). */
function ged(rows: readonly GedRowText[], { eol = "\n", prefix = "" } = {}): string {
  const lines = [
    GED_COLUMNS.join(","),
    ...rows.map((r) => GED_COLUMNS.map((c) => field(r[c] ?? VALID[c] ?? "0")).join(",")),
  ];
  return prefix + lines.join(eol) + eol;
}

const row = (over: GedRowText = {}): GedRowText => ({ ...VALID, ...over });

describe("parseGedCsv on the synthetic fixture", () => {
  it("keeps IS events in Afghanistan, sorted, with best as the mark", () => {
    const e = parseGedCsv(FIXTURE, "ged-synthetic.csv", { country: "Afghanistan", actor: "IS" });
    expect(e.day.length).toBe(375);
    expect(e.origin).toBe("2021-01-01");
    expect(e.dayCount).toBe(729); // the last kept event is on 2022-12-30: no `to`, so the window ends there
    for (let i = 1; i < e.day.length; i++) expect(e.day[i]!).toBeGreaterThanOrEqual(e.day[i - 1]!);
    expect(e.day[0]).toBe(0);
    expect(e.day[e.day.length - 1]).toBe(e.dayCount - 1);
    expect([...e.count].every((c) => c === 1)).toBe(true);
    expect([...e.fatalities].every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expect(e.provenance).toEqual({
      file: "ged-synthetic.csv",
      format: "GED",
      filters: ['country = "Afghanistan"', 'side_a or side_b = "IS"'],
      rowsRead: 430,
      rowsKept: 375,
      skipped: [],
      notes: [
        expect.stringMatching(/^26 of the 375 events kept are dated only to a week or longer/),
      ],
    });
    // with --max-date-precision 2 they are gone, and so is the note
    const precise = parseGedCsv(FIXTURE, "f.csv", { actor: "IS", maxDatePrecision: 2 });
    expect(precise.provenance.notes).toBeUndefined();
  });

  it("reads every row without filters; country, sides, dyad and type select as GED codes them", () => {
    const n = (options: Parameters<typeof parseGedCsv>[2]) =>
      parseGedCsv(FIXTURE, "f.csv", options).day.length;
    expect(n({})).toBe(430);
    expect(n({ country: "Pakistan" })).toBe(15);
    expect(n({ country: "Afghanistan" })).toBe(415);
    const sideA = n({ country: "Afghanistan", sideA: "IS" });
    const sideB = n({ country: "Afghanistan", sideB: "IS" });
    expect(sideA + sideB).toBe(375);
    expect(sideB).toBe(n({ country: "Afghanistan", dyad: "Government of Afghanistan - IS" }));
    expect(n({ country: "Afghanistan", typeOfViolence: 3 })).toBe(
      n({ country: "Afghanistan", dyad: "IS - Civilians" }),
    );
    expect(n({ country: "Afghanistan", typeOfViolence: 2 })).toBe(
      n({ country: "Afghanistan", dyad: "IS - Taleban" }),
    );
    const taleban = parseGedCsv(FIXTURE, "f.csv", { dyad: "IS - Taleban" });
    // the fixture has IS fight the Taleban only before the fall of Kabul
    expect(taleban.day[taleban.day.length - 1]! + isoDayNumber(taleban.origin)!).toBeLessThan(
      isoDayNumber("2021-08-15")!,
    );
  });

  it("keeps date_prec ≤ k: more rows for larger k, all of them at 5", () => {
    const counts = [1, 2, 3, 4, 5].map(
      (k) =>
        parseGedCsv(FIXTURE, "f.csv", { country: "Afghanistan", actor: "IS", maxDatePrecision: k })
          .day.length,
    );
    for (let k = 1; k < 5; k++) expect(counts[k]!).toBeGreaterThanOrEqual(counts[k - 1]!);
    expect(counts[0]!).toBeLessThan(counts[4]!);
    expect(counts[4]).toBe(375);
  });

  it("sets the window from from/to, keeping only the days inside", () => {
    const e = parseGedCsv(FIXTURE, "f.csv", {
      country: "Afghanistan",
      actor: "IS",
      from: "2021-01-01",
      to: "2021-12-31",
    });
    expect(e.origin).toBe("2021-01-01");
    expect(e.dayCount).toBe(365);
    expect(Math.max(...e.day)).toBeLessThan(365);
    expect(e.provenance.filters).toEqual([
      'country = "Afghanistan"',
      'side_a or side_b = "IS"',
      "date_start ≥ 2021-01-01",
      "date_start ≤ 2021-12-31",
    ]);
    const late = parseGedCsv(FIXTURE, "f.csv", { actor: "IS", from: "2022-07-01" });
    expect(late.origin).toBe("2022-07-01");
    expect(late.dayCount).toBe(isoDayNumber("2022-12-30")! - isoDayNumber("2022-07-01")! + 1);
  });
});

describe("parseGedCsv", () => {
  it("sorts rows by day, keeping file order on a day; from before the first event moves the origin", () => {
    const text = ged([
      row({ date_start: "2021-01-07", date_end: "2021-01-07", best: "1" }),
      row({ date_start: "2021-01-05", date_end: "2021-01-06", best: "2" }),
      row({ date_start: "2021-01-07", date_end: "2021-01-07", best: "3" }),
      row({ date_start: "2021-01-05", date_end: "2021-01-05", best: "4" }),
    ]);
    const e = parseGedCsv(text, "t.csv");
    expect([...e.day]).toEqual([0, 0, 2, 2]);
    expect([...e.fatalities]).toEqual([2, 4, 1, 3]);
    expect(e.dayCount).toBe(3);
    const wider = parseGedCsv(text, "t.csv", { from: "2021-01-01", to: "2021-01-31" });
    expect(wider.origin).toBe("2021-01-01");
    expect([...wider.day]).toEqual([4, 4, 6, 6]);
    expect(wider.dayCount).toBe(31);
  });

  it("accepts the columns in any order, with others it ignores", () => {
    const text =
      "best,date_end,extra,date_prec,date_start,type_of_violence,dyad_name,side_b,side_a,country\n" +
      "5,2021-03-02,x,1,2021-03-01,3,IS - Civilians,Civilians,IS,Afghanistan\n";
    const e = parseGedCsv(text, "t.csv", { actor: "IS" });
    expect(e.origin).toBe("2021-03-01");
    expect([...e.fatalities]).toEqual([5]);
  });

  it("keeps line numbers right through a BOM, comments, CRLF, quoted commas and a multi-line quoted field", () => {
    const text = ged(
      [
        row({ source_article: "a, b, and c" }),
        row({ source_article: 'two\r\nlines, "quoted"' }),
        row(),
        row({ best: "-1" }),
      ],
      { eol: "\r\n", prefix: "\ufeff# synthetic, a comment\r\n\r\n" },
    );
    // line 1 comment, 2 empty, 3 header, 4 row, 5–6 the two-line row, 7 row, 8 the bad row
    const e = errorOf(() => parseGedCsv(text, "t.csv"));
    expect(e.code).toBe("E_INPUT");
    expect(e.message).toBe('t.csv:8: best: found "-1", expected a whole number ≥ 0');
    const badLine = text.split("\r\n")[7]!;
    const column = badLine.lastIndexOf(",-1,0,0") + 2; // best, high and low end the line
    expect(e.location).toEqual({ file: "t.csv", line: 8, column });
    expect(e.issues).toEqual([
      { path: "best", message: 'found "-1", expected a whole number ≥ 0', location: e.location },
    ]);
  });

  it("reports a field on the second line of a multi-line row at that line", () => {
    const text =
      "country,side_a,side_b,dyad_name,type_of_violence,date_start,date_end,date_prec,best\n" +
      'Afghanistan,IS,Civilians,"IS -\nCivilians",3,2021-13-01,2021-01-01,1,2\n';
    expect(errorOf(() => parseGedCsv(text, "t.csv")).message).toBe(
      't.csv:3: date_start: found "2021-13-01", expected a date YYYY-MM-DD',
    );
  });

  it.each([
    [{ date_start: "2021-02-30" }, 'date_start: found "2021-02-30", expected a date YYYY-MM-DD'],
    [{ date_start: "" }, 'date_start: found "", expected a date YYYY-MM-DD'],
    [{ date_end: "05/01/2021" }, 'date_end: found "05/01/2021", expected a date YYYY-MM-DD'],
    [
      { date_start: "2021-01-05", date_end: "2021-01-04" },
      'date_end: found "2021-01-04", before date_start "2021-01-05"; expected a date on or after it',
    ],
    [{ best: "2.5" }, 'best: found "2.5", expected a whole number ≥ 0'],
    [{ best: "" }, 'best: found "", expected a whole number ≥ 0'],
    [{ best: "1e3" }, 'best: found "1e3", expected a whole number ≥ 0'],
    [
      { date_prec: "6" },
      'date_prec: found "6", expected a whole number from 1 (the exact day) to 5 (a year or more)',
    ],
    [
      { type_of_violence: "0" },
      'type_of_violence: found "0", expected 1 (state-based), 2 (non-state) or 3 (one-sided)',
    ],
  ] as const)("refuses the bad row %j at its line", (over, message) => {
    const text = ged([row(), row(), row(over)]);
    expect(errorOf(() => parseGedCsv(text, "ged.csv")).message).toBe(`ged.csv:4: ${message}`);
  });

  it("refuses a row with the wrong number of fields", () => {
    const text = `${ged([row()])}1,2,3\n`;
    expect(errorOf(() => parseGedCsv(text, "t.csv")).message).toBe(
      "t.csv:3: (row): found 3 fields, expected 36 as in the header (line 1)",
    );
  });

  it("checks the values of rows the text filters keep, and only the field count of the others", () => {
    const text = ged([row(), row({ country: "Syria", best: "n/a" })]);
    expect(parseGedCsv(text, "t.csv", { country: "Afghanistan" }).day.length).toBe(1);
    expect(errorOf(() => parseGedCsv(text, "t.csv")).message).toMatch(/^t\.csv:3: best:/);
  });

  it("skips bad rows when asked, recording line, column and reason", () => {
    const text = ged([row(), row({ best: "x" }), row({ date_start: "2021-01-32" }), row()]);
    const e = parseGedCsv(`${text}1,2\n`, "t.csv", { skipBadRows: true });
    expect(e.day.length).toBe(2);
    expect(e.provenance.rowsRead).toBe(5);
    expect(e.provenance.rowsKept).toBe(2);
    expect(e.provenance.skipped).toEqual([
      { line: 3, column: "best", reason: 'found "x", expected a whole number ≥ 0' },
      { line: 4, column: "date_start", reason: 'found "2021-01-32", expected a date YYYY-MM-DD' },
      { line: 6, column: "(row)", reason: "found 2 fields, expected 36 as in the header (line 1)" },
    ]);
  });

  describe("the header", () => {
    it("names a missing column and lists the expected ones, at the header's line", () => {
      const text = `# synthetic\n${ged([row()]).replace(",best,", ",bets,")}`;
      const e = errorOf(() => parseGedCsv(text, "t.csv"));
      expect(e.message).toBe(
        't.csv:2: (header): missing column "best" (for "best" did you mean "bets"?); a GED file needs the columns country, side_a, side_b, dyad_name, type_of_violence, date_start, date_end, date_prec, best (other columns are ignored)',
      );
      expect(e.location?.line).toBe(2);
    });

    it("names every missing column", () => {
      const e = errorOf(() => parseGedCsv("date,count\n2021-01-01,1\n", "t.csv"));
      expect(e.message).toMatch(
        /^t\.csv:1: \(header\): missing columns "country", "side_a", .*"best" \(for "country" did you mean "count"\?\); a GED file needs/,
      );
    });

    it("refuses a needed column named twice, an empty file and a file with no data rows", () => {
      const twice = ged([row()]).replace("id,relid", "best,relid");
      expect(errorOf(() => parseGedCsv(twice, "t.csv")).message).toBe(
        't.csv:1: (header): column "best" appears twice (fields 1 and 34); it must name one column',
      );
      expect(errorOf(() => parseGedCsv("", "t.csv")).message).toMatch(
        /^t\.csv:1: \(header\): the file has no header line; a GED file needs/,
      );
      expect(errorOf(() => parseGedCsv("\ufeff# nothing\n\n", "t.csv")).message).toMatch(
        /no header line/,
      );
      expect(errorOf(() => parseGedCsv(ged([]), "t.csv")).message).toBe(
        "t.csv: the file has a header but no data rows",
      );
    });
  });

  describe("an empty result says which filter emptied it", () => {
    it("with the closest value when a text filter matches nothing", () => {
      expect(
        errorOf(() => parseGedCsv(FIXTURE, "ged.csv", { country: "afghanistan", actor: "IS" }))
          .message,
      ).toBe(
        'ged.csv: no event left after the filters: 430 data rows; country = "afghanistan" keeps 0 (did you mean "Afghanistan"?)',
      );
      expect(
        errorOf(() => parseGedCsv(FIXTURE, "ged.csv", { country: "Afghanistan", actor: "ISKP" }))
          .message,
      ).toBe(
        'ged.csv: no event left after the filters: 430 data rows; country = "Afghanistan" keeps 415; side_a or side_b = "ISKP" keeps 0 (the rows left have "Civilians", "Government of Afghanistan", "IS" or "Taleban")',
      );
    });

    it("with the rows each later filter kept", () => {
      expect(
        errorOf(() =>
          parseGedCsv(FIXTURE, "ged.csv", {
            country: "Pakistan",
            typeOfViolence: 3,
            from: "2023-01-01",
            maxDatePrecision: 1,
          }),
        ).message,
      ).toBe(
        'ged.csv: no event left after the filters: 430 data rows; country = "Pakistan" keeps 15; type_of_violence = 3 keeps 15; date_start ≥ 2023-01-01 keeps 0',
      );
    });

    it("counting the bad rows skipped", () => {
      const text = ged([row({ best: "x" }), row({ best: "y" })]);
      expect(errorOf(() => parseGedCsv(text, "t.csv", { skipBadRows: true })).message).toBe(
        "t.csv: no event left after the filters: 2 data rows; 2 bad rows skipped, 0 left",
      );
    });
  });

  it("refuses filter values that cannot be right", () => {
    const text = ged([row()]);
    const message = (options: Parameters<typeof parseGedCsv>[2]) =>
      errorOf(() => parseGedCsv(text, "t.csv", options)).message;
    expect(message({ from: "2021-02-30" })).toBe(
      'from: found "2021-02-30", expected a date YYYY-MM-DD',
    );
    expect(message({ from: "2021-02-01", to: "2021-01-01" })).toBe(
      "from: 2021-02-01 is after to: 2021-01-01; the window would be empty",
    );
    expect(message({ typeOfViolence: 4 })).toMatch(/^typeOfViolence: found 4, expected 1/);
    expect(message({ maxDatePrecision: 0 })).toMatch(/^maxDatePrecision: found 0, expected/);
    expect(message({ country: "" })).toBe(
      "country: found an empty value, expected a name as GED writes it",
    );
  });
});
