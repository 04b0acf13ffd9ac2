/**
 * Hostile event files (issue 13's data in): mutations of the synthetic GED fixture, CSV-level
 * damage to single fields and random text, read by parseGedCsv and parseEventTable with hostile
 * filters. Every case must return well-formed DatedEvents or throw a LinkageError E_INPUT whose
 * message names the file or the option at fault — never another error, never a hang. In
 * process (no CLI: the calibrate command is not this suite's), seeds fixed; FUZZ_RUNS runs more.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DatedEvents } from "../../src/calibrate/DatedEvents.js";
import { parseEventTable } from "../../src/calibrate/parseEventTable.js";
import { type GedCsvOptions, parseGedCsv } from "../../src/calibrate/parseGedCsv.js";
import { LinkageError } from "../../src/errors/LinkageError.js";
import { applyMutations, hostileToken, textMutation } from "../support/hostileCases.js";

const FIXTURE = readFileSync(new URL("../fixtures/ged-synthetic.csv", import.meta.url), "utf8");
const RUNS = Number(process.env["FUZZ_RUNS"] ?? 150);
/** A parse of a few hundred rows takes milliseconds; this is a hang. */
const HANG_MS = 2_000;

/** What a CSV reader meets in damaged files: quotes, breaks, BOMs, bad dates and numbers. */
const csvToken = fc.oneof(
  hostileToken,
  fc.constantFrom(
    '"',
    '"unclosed',
    'a"b',
    '"a"b',
    '""',
    ",",
    ",,,",
    "\r",
    "\n",
    "\r\n",
    "\ufeff",
    "#",
    "2021-02-30",
    "2021-02-28",
    "9999-12-31",
    "0000-01-01",
    "2021-01-01T25:00",
    "-0",
    "4294967296",
    "6",
    "1",
  ),
);

/** Replaces field `field` of line `line` (counted in the text's lines) with `token`. */
function replaceField(text: string, line: number, field: number, token: string): string {
  const lines = text.split("\n");
  const i = Math.min(line, lines.length - 1);
  const fields = lines[i]!.split(",");
  fields[Math.min(field, fields.length - 1)] = token;
  lines[i] = fields.join(",");
  return lines.join("\n");
}

const gedOptions: fc.Arbitrary<GedCsvOptions> = fc.record(
  {
    country: fc.constantFrom("Afghanistan", "Pakistan", "afghanistan", "", "__proto__"),
    actor: fc.constantFrom("IS", "Taleban", "ISKP", "constructor"),
    dyad: fc.constantFrom("IS - Civilians", "IS - Taleban", "x"),
    typeOfViolence: fc.constantFrom(1, 2, 3, 0, 4, Number.NaN, 2.5),
    from: fc.constantFrom("2021-01-01", "2022-06-30", "2021-02-30", "", "2023-01-01"),
    to: fc.constantFrom("2021-12-31", "2022-12-31", "2020-01-01", "x"),
    maxDatePrecision: fc.constantFrom(1, 3, 5, 0, 6, Number.NaN),
    skipBadRows: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Well-formed events: typed arrays of one length, days ascending inside the window. */
function expectWellFormed(e: DatedEvents): void {
  const n = e.day.length;
  expect(n).toBeGreaterThan(0);
  expect(e.count.length).toBe(n);
  expect(e.fatalities.length).toBe(n);
  expect(Number.isSafeInteger(e.dayCount) && e.dayCount >= 1).toBe(true);
  for (let i = 0; i < n; i++) {
    expect(e.day[i]! >= 0 && e.day[i]! < e.dayCount).toBe(true);
    if (i > 0) expect(e.day[i]!).toBeGreaterThanOrEqual(e.day[i - 1]!);
    expect(e.count[i]!).toBeGreaterThanOrEqual(0);
  }
  expect(e.origin).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}

/** Runs a parse: true when it returned well-formed events or threw a located or named E_INPUT. */
function judge(parse: () => DatedEvents, file: string): boolean {
  const started = Date.now();
  try {
    expectWellFormed(parse());
  } catch (e) {
    if (!(e instanceof LinkageError)) throw e;
    expect(e.code).toBe("E_INPUT");
    // located (FILE:LINE), about the file as a whole (FILE: …), or about an option (name: …)
    expect(e.message).toMatch(
      new RegExp(
        `^(${file.replace(".", "\\.")}(:\\d+)*: |(from|to|typeOfViolence|maxDatePrecision|country): )`,
      ),
    );
    expect(e.message).not.toMatch(/undefined|\[object/);
  }
  expect(Date.now() - started).toBeLessThan(HANG_MS);
  return true;
}

describe("fuzz: hostile event files are read or refused with a LinkageError, never crash", () => {
  it("mutated synthetic GED file, hostile filters (parseGedCsv)", () => {
    const lines = FIXTURE.split("\n").length;
    fc.assert(
      fc.property(
        fc.array(textMutation(lines, FIXTURE.length), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(lines), fc.nat(40), csvToken), { maxLength: 3 }),
        gedOptions,
        (mutations, fields, options) => {
          let text = applyMutations(FIXTURE, mutations);
          for (const [line, field, token] of fields) text = replaceField(text, line, field, token);
          return judge(() => parseGedCsv(text, "ged.csv", options), "ged.csv");
        },
      ),
      { seed: 130, numRuns: RUNS },
    );
  });

  it("random text as a GED file, a CSV table and a JSONL table", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc
        .array(fc.oneof(csvToken, fc.string({ maxLength: 12 })), { maxLength: 40 })
        .map((parts) => `date,count,deaths\n${parts.join("")}`),
      fc
        .array(
          fc.oneof(
            fc.json({ maxDepth: 3 }),
            fc.constantFrom('{"date":"2021-01-01","count":2}', '{"date":"2021-01-05"}'),
          ),
          { maxLength: 10 },
        )
        .map((lines) => lines.join("\n")),
    );
    fc.assert(
      fc.property(text, fc.boolean(), (t, skipBadRows) => {
        judge(() => parseGedCsv(t, "ged.csv", { skipBadRows }), "ged.csv");
        judge(
          () =>
            parseEventTable(t, "t.csv", {
              countColumn: "count",
              fatalitiesColumn: "deaths",
              skipBadRows,
            }),
          "t.csv",
        );
        return judge(
          () => parseEventTable(t, "t.jsonl", { countColumn: "count", skipBadRows }),
          "t.jsonl",
        );
      }),
      { seed: 131, numRuns: RUNS },
    );
  });

  it("deeply nested JSON and very long lines are refused as rows, not crashes", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}\n`;
    judge(() => parseEventTable(deep, "t.jsonl"), "t.jsonl");
    const long = `date\n${"9".repeat(1_000_000)}\n`;
    judge(() => parseEventTable(long, "t.csv"), "t.csv");
    const open = `date\n"${"x".repeat(1_000_000)}`;
    judge(() => parseEventTable(open, "t.csv"), "t.csv");
  });
});
