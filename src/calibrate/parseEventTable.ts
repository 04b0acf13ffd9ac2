import { LinkageError } from "../errors/LinkageError.js";
import { BadRows, quoteFound } from "./BadRows.js";
import { csvHeaderIndex } from "./csvHeaderIndex.js";
import { csvRecords } from "./csvRecords.js";
import type { DatedEvents } from "./DatedEvents.js";
import { fatalitiesValue, wholeNumberValue } from "./eventFieldValues.js";
import { isoDayNumber } from "./isoDayNumber.js";
import { MAX_EVENT_COUNT } from "./maxEventCount.js";
import { dayWindow, sortedDatedEvents } from "./sortedDatedEvents.js";

/** Options of {@link parseEventTable}. */
export interface EventTableOptions {
  /** `csv` or `jsonl`. @default from the file's extension: `.csv` CSV; `.jsonl` or `.ndjson` JSONL (any other is refused) */
  readonly format?: "csv" | "jsonl";
  /** The column (CSV header name or JSON key) holding each row's date. @default "date" */
  readonly dateColumn?: string;
  /** The column holding each row's number of events; without it every row is one event. */
  readonly countColumn?: string;
  /** The column holding each row's deaths; without it fatalities are unknown (NaN). */
  readonly fatalitiesColumn?: string;
  /** First day kept and of the observation window (ISO date, inclusive). @default the first row's day */
  readonly from?: string;
  /** Last day kept and of the observation window (ISO date, inclusive). @default the last row's day */
  readonly to?: string;
  /** Skip bad rows, recording each in `provenance.skipped`, instead of refusing the file. @default false */
  readonly skipBadRows?: boolean;
}

/** One value of a row as read (a string from CSV; any JSON value from JSONL), and where it is. */
interface Cell {
  readonly value: unknown;
  readonly line: number;
  readonly column: number;
}

/** A row's cells for the date, count and fatalities columns (undefined: not asked for, or absent). */
interface RawRow {
  readonly line: number;
  readonly date: Cell | undefined;
  readonly count: Cell | undefined;
  readonly fatalities: Cell | undefined;
}

/**
 * Dated events from a generic table, CSV or JSONL, of `date[,count][,fatalities]` rows: any
 * event source exported as one row per event (no count column) or per day (a count column,
 * counts ≥ 0, several rows on a day allowed). Rows are sorted by day, ties in file order; the
 * observation window runs from `from` (else the first row's day) to `to` (else the last row's
 * day), and rows outside it are dropped.
 *
 * Values: a date is `YYYY-MM-DD`, optionally followed by a time, which is ignored with its
 * offset (the day is the calendar date as written, never converted to UTC); a count is a whole
 * number 0 … 2³¹ − 1 written in digits (a JSON number or a string of digits); fatalities a
 * number ≥ 0, unknown (NaN) when the cell is empty or `NA` (or, in JSONL, null or absent).
 * CSV: the header is the first line that is not empty or a `#` comment, and names the columns
 * (others are ignored); quoting as in RFC 4180. JSONL: one JSON object per line, blank lines
 * skipped. At most {@link MAX_EVENT_COUNT} events in all.
 *
 * @param text - the file's text (the caller reads the file)
 * @param file - the file's name as the user gave it, for messages, provenance and the format
 * @throws {LinkageError} E_INPUT `FILE:LINE: column: what was found, what was expected` for a
 * bad row (a JSONL line that is not a JSON object, a bad date, count or fatalities, a wrong
 * field count) unless `skipBadRows`; for a bad header or invalid CSV; when no row is left in the
 * window, or the rows kept count no event; for bad options (dates, an unknown format)
 * @example parseEventTable("date,count\n2021-08-15,2\n2021-08-17,1\n", "a.csv", { countColumn: "count" }).dayCount // => 3
 */
export function parseEventTable(
  text: string,
  file: string,
  options: EventTableOptions = {},
): DatedEvents {
  const { dateColumn = "date", countColumn, fatalitiesColumn } = options;
  const window = dayWindow(options.from, options.to);
  const format = options.format ?? formatOfFile(file);
  const columns = [dateColumn, countColumn, fatalitiesColumn].filter((c) => c !== undefined);
  for (const c of columns) {
    if (c === "") throw new LinkageError("E_INPUT", `${file}: a column name is empty`);
  }
  if (new Set(columns).size !== columns.length) {
    throw new LinkageError(
      "E_INPUT",
      `${file}: the date, count and fatalities columns must differ, got ${columns.map((c) => JSON.stringify(c)).join(", ")}`,
    );
  }
  const bad = new BadRows(file, options.skipBadRows === true);
  const rows =
    format === "jsonl"
      ? jsonlRows(text, dateColumn, countColumn, fatalitiesColumn, bad)
      : csvRows(text, file, dateColumn, countColumn, fatalitiesColumn, bad);

  const days: number[] = [];
  const counts: number[] = [];
  const fatalities: number[] = [];
  let rowsRead = 0;
  let checked = 0;
  let afterFrom = 0;
  let afterTo = 0;
  let events = 0;
  for (const row of rows) {
    rowsRead++;
    if (row === null) continue;
    const value = tableRow(row, dateColumn, countColumn, fatalitiesColumn, bad);
    if (value === null) continue;
    checked++;
    if (window.from !== undefined && value.day < window.from) continue;
    afterFrom++;
    if (window.to !== undefined && value.day > window.to) continue;
    afterTo++;
    events += value.count;
    if (events > MAX_EVENT_COUNT) {
      throw new LinkageError(
        "E_INPUT",
        `${file}:${row.line}: ${countColumn ?? "(row)"}: the rows so far hold more than ${MAX_EVENT_COUNT.toLocaleString("en-US")} events, the most an event file may hold (docs/limits.md)`,
        { file, line: row.line, column: 1 },
      );
    }
    days.push(value.day);
    counts.push(value.count);
    fatalities.push(value.fatalities);
  }

  const filters: string[] = [];
  if (options.from !== undefined) filters.push(`${dateColumn} ≥ ${options.from}`);
  if (options.to !== undefined) filters.push(`${dateColumn} ≤ ${options.to}`);
  if (days.length === 0) {
    const steps = [`${rowsRead} data row${rowsRead === 1 ? "" : "s"}`];
    if (bad.skipped.length > 0) steps.push(`${bad.skipped.length} bad skipped, ${checked} left`);
    if (options.from !== undefined)
      steps.push(`${dateColumn} ≥ ${options.from} keeps ${afterFrom}`);
    if (options.to !== undefined && afterFrom > 0) {
      steps.push(`${dateColumn} ≤ ${options.to} keeps ${afterTo}`);
    }
    throw new LinkageError("E_INPUT", `${file}: no row left: ${steps.join("; ")}`);
  }
  if (events === 0) {
    throw new LinkageError(
      "E_INPUT",
      `${file}: the ${days.length} row${days.length === 1 ? "" : "s"} kept count no event (every ${countColumn} is 0)`,
    );
  }
  return sortedDatedEvents(days, counts, fatalities, window, {
    file,
    format: "table",
    filters,
    rowsRead,
    rowsKept: days.length,
    skipped: bad.skipped,
  });
}

/** The format a file's extension names. */
function formatOfFile(file: string): "csv" | "jsonl" {
  const lower = file.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  throw new LinkageError(
    "E_INPUT",
    `${file}: cannot tell the table's format from its name (expected .csv, .jsonl or .ndjson); give the format, csv or jsonl`,
  );
}

/** The rows of a CSV table; null for a row already reported as bad (its field count). */
function* csvRows(
  text: string,
  file: string,
  dateColumn: string,
  countColumn: string | undefined,
  fatalitiesColumn: string | undefined,
  bad: BadRows,
): Generator<RawRow | null> {
  const records = csvRecords(text, file);
  const first = records.next();
  const header = first.done === true ? undefined : first.value;
  const needed = [dateColumn, countColumn, fatalitiesColumn].filter((c) => c !== undefined);
  const index = csvHeaderIndex(
    header,
    file,
    needed,
    `the table needs the columns ${needed.map((c) => JSON.stringify(c)).join(", ")} (other columns are ignored)`,
  );
  const width = header!.fields.length;
  for (const record of records) {
    if (record.fields.length !== width) {
      bad.report(
        record.line,
        1,
        "(row)",
        `found ${record.fields.length} field${record.fields.length === 1 ? "" : "s"}, expected ${width} as in the header (line ${header!.line})`,
      );
      yield null;
      continue;
    }
    const cell = (name: string | undefined): Cell | undefined => {
      if (name === undefined) return undefined;
      const i = index.get(name)!;
      return {
        value: record.fields[i],
        line: record.fieldLines[i]!,
        column: record.fieldColumns[i]!,
      };
    };
    yield {
      line: record.line,
      date: cell(dateColumn),
      count: cell(countColumn),
      fatalities: cell(fatalitiesColumn),
    };
  }
}

/** The rows of a JSONL table (blank lines skipped); null for a line already reported as bad. */
function* jsonlRows(
  text: string,
  dateColumn: string,
  countColumn: string | undefined,
  fatalitiesColumn: string | undefined,
  bad: BadRows,
): Generator<RawRow | null> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const source = lines[i]!;
    if (source.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      bad.report(line, 1, "(row)", `found ${quoteFound(source)}, expected a JSON object (${why})`);
      yield null;
      continue;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      bad.report(line, 1, "(row)", `found ${quoteFound(source)}, expected a JSON object`);
      yield null;
      continue;
    }
    const object = parsed as Record<string, unknown>;
    // Object.hasOwn: a key named like a prototype member ("constructor") must not read the prototype
    const cell = (name: string | undefined): Cell | undefined =>
      name !== undefined && Object.hasOwn(object, name)
        ? { value: object[name], line, column: 1 }
        : undefined;
    yield {
      line,
      date: cell(dateColumn) ?? { value: undefined, line, column: 1 },
      count: countColumn === undefined ? undefined : (cell(countColumn) ?? missing(line)),
      fatalities: cell(fatalitiesColumn),
    };
  }
}

/** A required JSONL key that a line lacks. */
function missing(line: number): Cell {
  return { value: undefined, line, column: 1 };
}

/** A row's day, count and fatalities, checked; null (after reporting it) for a bad row. */
function tableRow(
  row: RawRow,
  dateColumn: string,
  countColumn: string | undefined,
  fatalitiesColumn: string | undefined,
  bad: BadRows,
): { day: number; count: number; fatalities: number } | null {
  const at = (cell: Cell, column: string, reason: string): null => {
    bad.report(cell.line, cell.column, column, reason);
    return null;
  };
  const date = row.date!;
  const day = typeof date.value === "string" ? isoDayNumber(date.value.trim()) : null;
  if (day === null) {
    return at(date, dateColumn, `found ${found(date.value)}, expected a date YYYY-MM-DD`);
  }
  let count = 1;
  if (row.count !== undefined) {
    const v = row.count.value;
    const k =
      typeof v === "string"
        ? wholeNumberValue(v, 2 ** 31 - 1)
        : typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 2 ** 31
          ? v
          : null;
    if (k === null) {
      return at(
        row.count,
        countColumn!,
        `found ${found(v)}, expected a whole number ≥ 0 (below 2³¹)`,
      );
    }
    count = k;
  }
  let fatalities = Number.NaN;
  if (row.fatalities !== undefined) {
    const v = row.fatalities.value;
    const x =
      typeof v === "string"
        ? fatalitiesValue(v)
        : v === null
          ? Number.NaN
          : typeof v === "number" && Number.isFinite(v) && v >= 0
            ? v
            : null;
    if (x === null) {
      return at(
        row.fatalities,
        fatalitiesColumn!,
        `found ${found(v)}, expected a number ≥ 0 (empty or NA when unknown)`,
      );
    }
    fatalities = x;
  }
  return { day, count, fatalities };
}

/** A value from the file for a message: strings quoted, JSON values as JSON, absent as "nothing". */
function found(value: unknown): string {
  if (value === undefined) return "nothing (the key is missing)";
  if (typeof value === "string") return quoteFound(value);
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 37)}…` : json;
}
