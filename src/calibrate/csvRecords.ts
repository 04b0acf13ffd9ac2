import { LinkageError } from "../errors/LinkageError.js";

/** One record of a CSV file, with where each field starts, for located errors. */
export interface CsvRecord {
  /** The fields, unquoted (`""` inside quotes read as one `"`; line breaks inside quotes kept). */
  readonly fields: string[];
  /** 1-based line of the record's first character. */
  readonly line: number;
  /** 1-based line where each field starts (later than `line` after a multi-line quoted field). */
  readonly fieldLines: number[];
  /** 1-based column (UTF-16 code units) where each field starts. */
  readonly fieldColumns: number[];
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;
const HASH = 35; // #

/**
 * The records of a comma-separated file (RFC 4180), each with the 1-based line and column of
 * its fields, so a bad value is reported where an editor shows it.
 *
 * Rules: fields are separated by commas and records by line breaks (`\r\n`, `\n` or a lone
 * `\r`, each one line); a field that starts with `"` is quoted and may hold commas, line breaks
 * and `""` (one quote); a quote inside an unquoted field is kept as written. A byte-order mark
 * at the start is skipped. Empty lines, and lines starting with `#` where a record would start
 * (comments: the shipped synthetic GED file says so in its first line), are skipped and count
 * as lines. A line break at the end of the file ends the last record; it starts no new one.
 *
 * Lines are counted here, not by a CSV library: csv-parse 7 reports a record's last line and
 * counts a `\r\n` inside quotes as two lines; and calibrate/ must run in a browser without
 * Node's `Buffer`. O(length of the text).
 *
 * Source: Y. Shafranovich, "Common Format and MIME Type for Comma-Separated Values (CSV)
 * Files", RFC 4180 (2005), §2.
 *
 * @param text - the file's text
 * @param file - the file's name as the user gave it, for messages
 * @throws {LinkageError} E_INPUT `FILE:LINE:COLUMN: invalid CSV: …` for a quoted field never
 * closed or text after a closing quote
 * @example [...csvRecords('a,b\n1,"x,y"\n', "t.csv")][1]!.fields // => ["1", "x,y"]
 */
export function* csvRecords(text: string, file: string): Generator<CsvRecord> {
  const n = text.length;
  let pos = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = pos;
  /** Moves past the line break at `pos` (which must be one), counting the line. */
  const breakLine = (): void => {
    if (text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === LF) pos += 2;
    else pos += 1;
    line++;
    lineStart = pos;
  };
  while (pos < n) {
    const first = text.charCodeAt(pos);
    if (first === LF || first === CR) {
      breakLine();
      continue;
    }
    if (first === HASH) {
      while (pos < n && text.charCodeAt(pos) !== LF && text.charCodeAt(pos) !== CR) pos++;
      if (pos < n) breakLine();
      continue;
    }
    const fields: string[] = [];
    const fieldLines: number[] = [];
    const fieldColumns: number[] = [];
    const recordLine = line;
    for (;;) {
      fieldLines.push(line);
      fieldColumns.push(pos - lineStart + 1);
      if (pos < n && text.charCodeAt(pos) === QUOTE) {
        const openLine = line;
        const openColumn = pos - lineStart + 1;
        let value = "";
        let from = ++pos;
        for (;;) {
          if (pos >= n) {
            throw csvSyntaxError(
              file,
              openLine,
              openColumn,
              "a quoted field is never closed (its opening quote is here; the file ends inside it)",
            );
          }
          const c = text.charCodeAt(pos);
          if (c === QUOTE) {
            value += text.slice(from, pos);
            if (text.charCodeAt(pos + 1) === QUOTE) {
              value += '"';
              pos += 2;
              from = pos;
              continue;
            }
            pos++;
            break;
          }
          if (c === LF || c === CR) {
            breakLine(); // the break stays in the value: it is sliced with the text around it
            continue;
          }
          pos++;
        }
        fields.push(value);
        const after = pos < n ? text.charCodeAt(pos) : LF;
        if (after !== COMMA && after !== LF && after !== CR) {
          throw csvSyntaxError(
            file,
            line,
            pos - lineStart + 1,
            `found ${JSON.stringify(text[pos])} after the closing quote of a field, expected a comma or the end of the line`,
          );
        }
      } else {
        const from = pos;
        while (pos < n) {
          const c = text.charCodeAt(pos);
          if (c === COMMA || c === LF || c === CR) break;
          pos++;
        }
        fields.push(text.slice(from, pos));
      }
      if (pos < n && text.charCodeAt(pos) === COMMA) {
        pos++;
        continue;
      }
      break;
    }
    if (pos < n) breakLine();
    yield { fields, line: recordLine, fieldLines, fieldColumns };
  }
}

function csvSyntaxError(file: string, line: number, column: number, what: string): LinkageError {
  const message = `invalid CSV: ${what}`;
  const location = { file, line, column };
  return new LinkageError("E_INPUT", `${file}:${line}:${column}: ${message}`, location, {
    issues: [{ path: "(file)", message, location }],
  });
}
