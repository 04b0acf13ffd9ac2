import { LinkageError } from "../errors/LinkageError.js";
import { closestNames, quoteAlternatives } from "../expression/closestNames.js";
import { BadRows, quoteFound } from "./BadRows.js";
import { csvHeaderIndex } from "./csvHeaderIndex.js";
import { type CsvRecord, csvRecords } from "./csvRecords.js";
import type { DatedEvents } from "./DatedEvents.js";
import { wholeNumberValue } from "./eventFieldValues.js";
import { GED_REQUIRED_COLUMNS } from "./gedColumns.js";
import { isoDayNumber } from "./isoDayNumber.js";
import { MAX_EVENT_COUNT } from "./maxEventCount.js";
import { dayWindow, sortedDatedEvents } from "./sortedDatedEvents.js";

/** Which GED events to keep. Every filter is optional; those given are all applied. */
export interface GedFilters {
  /** GED's `country`, exactly as GED spells it (`Afghanistan`); case counts. */
  readonly country?: string;
  /** An actor on either side: events whose `side_a` or `side_b` is this (`IS`). */
  readonly actor?: string;
  /** GED's `side_a`, exactly. */
  readonly sideA?: string;
  /** GED's `side_b`, exactly. */
  readonly sideB?: string;
  /** GED's `dyad_name`, exactly (`IS - Civilians`). */
  readonly dyad?: string;
  /** GED's `type_of_violence`: 1 state-based, 2 non-state, 3 one-sided. */
  readonly typeOfViolence?: number;
  /** First day kept and of the observation window (ISO date, inclusive). @default the first kept event's day */
  readonly from?: string;
  /** Last day kept and of the observation window (ISO date, inclusive). @default the last kept event's day */
  readonly to?: string;
  /** Keep events whose `date_prec` is at most this: 1 the exact day, 2 within 2–6 days, 3 the week, 4 the month, 5 a year or more. */
  readonly maxDatePrecision?: number;
}

/** Options of {@link parseGedCsv}: the filters, and what to do with a bad row. */
export interface GedCsvOptions extends GedFilters {
  /** Skip bad rows, recording each in `provenance.skipped`, instead of refusing the file. @default false */
  readonly skipBadRows?: boolean;
}

const EXPECTED = `a GED file needs the columns ${GED_REQUIRED_COLUMNS.join(", ")} (other columns are ignored)`;

/** A filter on the text of one or two columns, with the values seen, for a "did you mean". */
interface TextStage {
  readonly label: string;
  readonly wanted: string;
  readonly columns: readonly number[];
  kept: number;
  readonly seen: Set<string>;
}

/**
 * UCDP GED events from the text of a GED CSV file, filtered, as {@link DatedEvents}: one row
 * per event, its day `date_start` (a time after the date is ignored), its mark `best`
 * (GED's best estimate of the deaths). Rows are sorted by day, ties in file order. The
 * observation window runs from `from` (else the first kept event's day) to `to` (else the last
 * kept event's day); origin is its first day.
 *
 * The header is the first line that is not empty or a `#` comment; columns may come in any
 * order and extra ones are ignored (see {@link GED_REQUIRED_COLUMNS}). Every row must have as
 * many fields as the header. The text filters (country, actor, sides, dyad) are applied first;
 * the rows they keep are checked in full — `type_of_violence` 1–3, `date_start` and `date_end`
 * dates with date_start ≤ date_end, `date_prec` 1–5, `best` a whole number ≥ 0 — and a bad one
 * is refused with its line (or skipped and recorded, with `skipBadRows`); rows of other
 * countries or actors are only checked for their field count. Then come the type, date and
 * precision filters. At most {@link MAX_EVENT_COUNT} events may pass.
 *
 * Source: UCDP GED Codebook (Uppsala Conflict Data Program) for the columns and codes;
 * R. Sundberg & E. Melander, "Introducing the UCDP Georeferenced Event Dataset", Journal of
 * Peace Research 50(4), 2013.
 *
 * @param text - the file's text (the caller reads the file)
 * @param file - the file's name as the user gave it, for messages and provenance
 * @throws {LinkageError} E_INPUT `FILE:LINE: column: what was found, what was expected` for a
 * bad row or header (or invalid CSV); `FILE: no event left after the filters: …` with the rows
 * each filter kept, and the closest value when a text filter matched nothing; a bad filter
 * value (a date, a type, a precision, an empty text)
 * @example
 * // the shipped synthetic file: 430 rows, 375 of them IS in Afghanistan
 * parseGedCsv(text, "test/fixtures/ged-synthetic.csv", { country: "Afghanistan", actor: "IS" })
 * // => { origin: "2021-01-01", dayCount: 729, day: Int32Array(375) […], count: all 1,
 * //      fatalities: best, provenance: { rowsRead: 430, rowsKept: 375, … } }
 */
export function parseGedCsv(text: string, file: string, options: GedCsvOptions = {}): DatedEvents {
  const { country, actor, sideA, sideB, dyad, typeOfViolence, maxDatePrecision } = options;
  const window = dayWindow(options.from, options.to);
  checkFilterValues(options);

  const records = csvRecords(text, file);
  const header = nextRecord(records);
  const index = csvHeaderIndex(header, file, GED_REQUIRED_COLUMNS, EXPECTED);
  const col = (name: (typeof GED_REQUIRED_COLUMNS)[number]): number => index.get(name)!;
  const width = header!.fields.length;

  const textStages: TextStage[] = [];
  const addText = (label: string, wanted: string | undefined, columns: number[]) => {
    if (wanted !== undefined) textStages.push({ label, wanted, columns, kept: 0, seen: new Set() });
  };
  addText(`country = ${JSON.stringify(country)}`, country, [col("country")]);
  addText(`side_a or side_b = ${JSON.stringify(actor)}`, actor, [col("side_a"), col("side_b")]);
  addText(`side_a = ${JSON.stringify(sideA)}`, sideA, [col("side_a")]);
  addText(`side_b = ${JSON.stringify(sideB)}`, sideB, [col("side_b")]);
  addText(`dyad_name = ${JSON.stringify(dyad)}`, dyad, [col("dyad_name")]);

  const numberStages: { label: string; keep: (r: GedRow) => boolean; kept: number }[] = [];
  const addNumber = (label: string, given: unknown, keep: (r: GedRow) => boolean) => {
    if (given !== undefined) numberStages.push({ label, keep, kept: 0 });
  };
  addNumber(
    `type_of_violence = ${typeOfViolence}`,
    typeOfViolence,
    (r) => r.type === typeOfViolence,
  );
  addNumber(`date_start ≥ ${options.from}`, window.from, (r) => r.start >= window.from!);
  addNumber(`date_start ≤ ${options.to}`, window.to, (r) => r.start <= window.to!);
  addNumber(
    `date_prec ≤ ${maxDatePrecision}`,
    maxDatePrecision,
    (r) => r.precision <= maxDatePrecision!,
  );

  const bad = new BadRows(file, options.skipBadRows === true);
  const days: number[] = [];
  const counts: number[] = [];
  const fatalities: number[] = [];
  let rowsRead = 0;
  let checked = 0;
  let imprecise = 0;
  rows: for (const record of records) {
    rowsRead++;
    if (record.fields.length !== width) {
      bad.report(
        record.line,
        1,
        "(row)",
        `found ${record.fields.length} fields, expected ${width} as in the header (line ${header!.line})`,
      );
      continue;
    }
    for (const stage of textStages) {
      let match = false;
      for (const c of stage.columns) {
        const value = record.fields[c]!;
        if (value === stage.wanted) match = true;
        stage.seen.add(value);
      }
      if (!match) continue rows;
      stage.kept++;
    }
    const row = gedRow(record, col, bad);
    if (row === null) continue;
    checked++;
    for (const stage of numberStages) {
      if (!stage.keep(row)) continue rows;
      stage.kept++;
    }
    if (days.length === MAX_EVENT_COUNT) {
      throw new LinkageError(
        "E_INPUT",
        `${file}:${record.line}: (row): more than ${MAX_EVENT_COUNT.toLocaleString("en-US")} events pass the filters, the most an event file may hold (docs/limits.md); narrow the filters`,
        { file, line: record.line, column: 1 },
      );
    }
    days.push(row.start);
    counts.push(1);
    fatalities.push(row.best);
    if (row.precision >= 3) imprecise++;
  }

  const filters = [...textStages.map((s) => s.label), ...numberStages.map((s) => s.label)];
  if (days.length === 0) {
    throw emptyError(file, rowsRead, textStages, bad.skipped.length, checked, numberStages);
  }
  return sortedDatedEvents(days, counts, fatalities, window, {
    file,
    format: "GED",
    filters,
    rowsRead,
    rowsKept: days.length,
    skipped: bad.skipped,
    ...(imprecise > 0
      ? {
          notes: [
            `${imprecise} of the ${days.length} events kept are dated only to a week or longer (date_prec ≥ 3) and are placed on their date_start, which clusters them and can inflate the branching ratio; --max-date-precision 2 leaves them out`,
          ],
        }
      : {}),
  });
}

/** The values of one GED row that the filters and the events use. */
interface GedRow {
  readonly type: number;
  readonly start: number;
  readonly precision: number;
  readonly best: number;
}

/** A row's values, checked; null (after reporting it) for a bad row. */
function gedRow(
  record: CsvRecord,
  col: (name: (typeof GED_REQUIRED_COLUMNS)[number]) => number,
  bad: BadRows,
): GedRow | null {
  const at = (name: (typeof GED_REQUIRED_COLUMNS)[number], reason: string): null => {
    const i = col(name);
    bad.report(record.fieldLines[i]!, record.fieldColumns[i]!, name, reason);
    return null;
  };
  const field = (name: (typeof GED_REQUIRED_COLUMNS)[number]) => record.fields[col(name)]!;

  const typeText = field("type_of_violence");
  const type = wholeNumberValue(typeText, 3);
  if (type === null || type < 1) {
    return at(
      "type_of_violence",
      `found ${quoteFound(typeText)}, expected 1 (state-based), 2 (non-state) or 3 (one-sided)`,
    );
  }
  const startText = field("date_start");
  const start = isoDayNumber(startText.trim());
  if (start === null) {
    return at("date_start", `found ${quoteFound(startText)}, expected a date YYYY-MM-DD`);
  }
  const endText = field("date_end");
  const end = isoDayNumber(endText.trim());
  if (end === null) {
    return at("date_end", `found ${quoteFound(endText)}, expected a date YYYY-MM-DD`);
  }
  if (end < start) {
    return at(
      "date_end",
      `found ${quoteFound(endText)}, before date_start ${quoteFound(startText)}; expected a date on or after it`,
    );
  }
  const precisionText = field("date_prec");
  const precision = wholeNumberValue(precisionText, 5);
  if (precision === null || precision < 1) {
    return at(
      "date_prec",
      `found ${quoteFound(precisionText)}, expected a whole number from 1 (the exact day) to 5 (a year or more)`,
    );
  }
  const bestText = field("best");
  const best = wholeNumberValue(bestText, Number.MAX_SAFE_INTEGER);
  if (best === null) {
    return at("best", `found ${quoteFound(bestText)}, expected a whole number ≥ 0`);
  }
  return { type, start, precision, best };
}

/** The first record, or undefined for a file with none. */
function nextRecord(records: Generator<CsvRecord>): CsvRecord | undefined {
  const first = records.next();
  return first.done === true ? undefined : first.value;
}

/** Refuses filter values that can match nothing by construction. */
function checkFilterValues(options: GedFilters): void {
  const refuse = (message: string) => new LinkageError("E_INPUT", message);
  for (const name of ["country", "actor", "sideA", "sideB", "dyad"] as const) {
    if (options[name] === "")
      throw refuse(`${name}: found an empty value, expected a name as GED writes it`);
  }
  const type = options.typeOfViolence;
  if (type !== undefined && !(type === 1 || type === 2 || type === 3)) {
    throw refuse(
      `typeOfViolence: found ${type}, expected 1 (state-based), 2 (non-state) or 3 (one-sided)`,
    );
  }
  const precision = options.maxDatePrecision;
  if (
    precision !== undefined &&
    !(Number.isInteger(precision) && precision >= 1 && precision <= 5)
  ) {
    throw refuse(
      `maxDatePrecision: found ${precision}, expected a whole number from 1 (the exact day) to 5 (a year or more)`,
    );
  }
}

/** The error for a filter chain that kept nothing: the rows left after each filter, up to the first that left none. */
function emptyError(
  file: string,
  rowsRead: number,
  textStages: readonly TextStage[],
  skipped: number,
  checked: number,
  numberStages: readonly { label: string; kept: number }[],
): LinkageError {
  if (rowsRead === 0) {
    return new LinkageError("E_INPUT", `${file}: the file has a header but no data rows`);
  }
  const steps = [`${rowsRead} data row${rowsRead === 1 ? "" : "s"}`];
  let emptied = false;
  for (const stage of textStages) {
    if (stage.kept > 0) {
      steps.push(`${stage.label} keeps ${stage.kept}`);
      continue;
    }
    // values from the file, escaped so the message stays on one line
    const close = closestNames(stage.wanted, stage.seen, 3).map(escapeBreaks);
    const values = [...stage.seen].sort().map(escapeBreaks);
    const hint =
      close.length > 0
        ? `did you mean ${quoteAlternatives(close)}?`
        : values.length > 0 && values.length <= 10
          ? `the rows left have ${quoteAlternatives(values)}`
          : `no row has this value among ${values.length} values`;
    steps.push(`${stage.label} keeps 0 (${hint})`);
    emptied = true;
    break;
  }
  if (!emptied) {
    if (skipped > 0)
      steps.push(`${skipped} bad row${skipped === 1 ? "" : "s"} skipped, ${checked} left`);
    for (const stage of numberStages) {
      steps.push(`${stage.label} keeps ${stage.kept}`);
      if (stage.kept === 0) break;
    }
  }
  return new LinkageError(
    "E_INPUT",
    `${file}: no event left after the filters: ${steps.join("; ")}`,
  );
}

/** A value from the file with its line breaks written `\n`, at most 60 characters. */
function escapeBreaks(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return short.replace(/\r/g, "\\r").replace(/\n/g, "\\n");
}
