/**
 * Dated events as read from an event file (UCDP GED or a generic date table), before any
 * treatment of time within a day: one row per GED event, or per dated row of a count table.
 * Days are whole days from `origin`, so the rows carry the files' day resolution exactly.
 */
export interface DatedEvents {
  /** ISO date (YYYY-MM-DD) of day 0, the first day of the observation window. */
  readonly origin: string;
  /** Days observed: events lie on days 0 … dayCount − 1. */
  readonly dayCount: number;
  /** Day index of each row, ascending (ties kept in file order). */
  readonly day: Int32Array;
  /** Events on each row (1 for a GED event; the count column of a generic table). */
  readonly count: Int32Array;
  /** Deaths on each row (GED `best`; a generic table's fatalities column); NaN when unknown. */
  readonly fatalities: Float64Array;
  /** Where the rows came from, for the report and the written scenario's `source:`. */
  readonly provenance: EventProvenance;
}

/** The file, the filters and what was kept, in words a reader can check. */
export interface EventProvenance {
  /** The file as the user named it. */
  readonly file: string;
  /** "GED" or "table" (a generic CSV/JSONL of dates, counts and fatalities). */
  readonly format: "GED" | "table";
  /** Each filter applied, as text: `country = Afghanistan`, `date_prec ≤ 2`, … */
  readonly filters: readonly string[];
  /** Data rows in the file (header and comments excluded). */
  readonly rowsRead: number;
  /** Rows that passed the filters. */
  readonly rowsKept: number;
  /** Rows skipped as bad under `--skip-bad-rows`, with why (empty otherwise: a bad row is an error). */
  readonly skipped: readonly SkippedRow[];
  /** What a reader of the fit should know about the rows kept (e.g. imprecise dates). */
  readonly notes?: readonly string[];
}

/** One row skipped under `--skip-bad-rows`. */
export interface SkippedRow {
  /** 1-based line in the file. */
  readonly line: number;
  /** The column at fault. */
  readonly column: string;
  /** What was found and what was expected. */
  readonly reason: string;
}

/**
 * Event times on a continuous axis for the point-process likelihoods: ascending times in
 * [0, duration), in the unit the caller chose (days for event data, weeks for the scenario).
 */
export interface EventTimes {
  readonly times: Float64Array;
  readonly duration: number;
}
