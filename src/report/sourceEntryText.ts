import type { SourceSpec } from "../scenario/Scenario.js";

/**
 * A bibliography entry in words: author, “title”, date and, where there is one, the public
 * address (as text: the report fetches nothing). The source's `note`, written for the scenario's
 * maintainers, is left out.
 *
 * @example sourceEntryText({ key: "gtd", author: "START", title: "Global Terrorism Database", date: "2019", url: "https://www.start.umd.edu/gtd/", note: null })
 * // => "START, “Global Terrorism Database”, 2019. https://www.start.umd.edu/gtd/"
 */
export function sourceEntryText(source: SourceSpec): string {
  const entry = `${source.author}, “${source.title}”, ${source.date}.`;
  return source.url ? `${entry} ${source.url}` : entry;
}
