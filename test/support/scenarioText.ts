/**
 * Shipped scenario files as text, and variants of them for tests of the scenario language.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/** The text of `scenarios/<id>.yaml`. */
export function shippedScenarioText(id: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../scenarios/${id}.yaml`, import.meta.url)),
    "utf8",
  );
}

/**
 * `text` with each `[find, replace]` applied once, in order; each `find` must be there (the test
 * fails otherwise, so a fixture cannot silently stop testing what it meant to).
 */
export function withEdits(text: string, ...edits: [string, string][]): string {
  for (const [find, replace] of edits) {
    expect(text).toContain(find);
    text = text.replace(find, replace);
  }
  return text;
}
