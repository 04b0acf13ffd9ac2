/**
 * A test that skips says why: every conditional or unconditional skip in the repository puts its
 * reason in the test's title through test/support/skipReason (" (skipped: …)"), so a report of
 * skipped suites reads as a list of what this machine lacks.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A skip: describe, it or test with .skip, .skipIf or .runIf. */
const SKIP = /\b(?:describe|it|test)\.(?:skip|skipIf|runIf)\(/g;

/** This file, which names the pattern in its comments. */
const SELF = "test/architecture/skipReasons.test.ts";

/** The TypeScript files of src/, test/ and bench/, relative to the root. */
function sourceFiles(): string[] {
  return ["src", "test", "bench"].flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".ts"))
      .map((path) => join(folder, path))
      .filter((path) => path !== SELF),
  );
}

/** Each skip in `text` whose title (up to the test's function) does not call skipReason. */
function unexplainedSkips(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(SKIP)) {
    const rest = text.slice(match.index);
    const end = rest.search(/(?:async\s*)?\([^)]*\)\s*=>/);
    const title = rest.slice(0, end < 0 ? 500 : end);
    if (!title.includes("skipReason(")) {
      found.push(`${file}:${text.slice(0, match.index).split("\n").length}: ${match[0]}`);
    }
  }
  return found;
}

describe("skipped tests say why", () => {
  const files = sourceFiles();

  it("reads the test files", () => {
    expect(files.filter((f) => f.endsWith(".test.ts")).length).toBeGreaterThan(50);
    expect(files.some((f) => readFileSync(join(ROOT, f), "utf8").match(SKIP) !== null)).toBe(true);
  });

  it("every skip's title carries skipReason(…)", () => {
    const unexplained = files.flatMap((f) =>
      unexplainedSkips(f, readFileSync(join(ROOT, f), "utf8")),
    );
    expect(unexplained).toEqual([]);
  });
});
