import { LinkageError } from "../errors/LinkageError.js";
import { closestNames, quoteAlternatives } from "../expression/closestNames.js";
import { locatedRowError, quoteFound } from "./BadRows.js";
import type { CsvRecord } from "./csvRecords.js";

/**
 * Where each needed column is in a CSV header: name → field index. Other columns are allowed
 * and ignored, in any order. Names are matched exactly (case and spaces count); a missing name
 * is reported with the header's closest names.
 *
 * @param header - the header record, or undefined when the file has no record at all
 * @param needed - the columns the parser reads
 * @param expected - how to say what a header should hold (`a GED file needs …`)
 * @throws {LinkageError} E_INPUT `FILE:LINE: (header): …` when the file is empty, a needed
 * column is missing, or a needed column appears twice
 * @example csvHeaderIndex(header, "t.csv", ["date"], "…").get("date") // => 0 for the header `date,count`
 */
export function csvHeaderIndex(
  header: CsvRecord | undefined,
  file: string,
  needed: readonly string[],
  expected: string,
): Map<string, number> {
  if (header === undefined) {
    throw new LinkageError(
      "E_INPUT",
      `${file}:1: (header): the file has no header line; ${expected}`,
      {
        file,
        line: 1,
        column: 1,
      },
    );
  }
  const index = new Map<string, number>();
  for (let i = 0; i < header.fields.length; i++) {
    const name = header.fields[i]!;
    if (!needed.includes(name)) continue;
    if (index.has(name)) {
      throw locatedRowError(
        file,
        header.fieldLines[i]!,
        header.fieldColumns[i]!,
        "(header)",
        `column ${quoteFound(name)} appears twice (fields ${index.get(name)! + 1} and ${i + 1}); it must name one column`,
      );
    }
    index.set(name, i);
  }
  const missing = needed.filter((name) => !index.has(name));
  if (missing.length > 0) {
    const hints = missing
      .map((name) => {
        const close = closestNames(name, header.fields, 2);
        return close.length > 0 ? ` (for "${name}" did you mean ${quoteAlternatives(close)}?)` : "";
      })
      .join("");
    const what =
      missing.length === 1
        ? `missing column "${missing[0]}"`
        : `missing columns ${missing.map((m) => `"${m}"`).join(", ")}`;
    throw locatedRowError(file, header.line, 1, "(header)", `${what}${hints}; ${expected}`);
  }
  return index;
}
