/**
 * The workbench's page (web/src) reaches the core through `linkage/<folder>/<file>` and the
 * server through its API only: it imports the browser-usable core folders, the API's types
 * (`server/workbenchApi`) and the CLI's flag checks (`cli/cliFlags`, pure: the Gambit panel's
 * fields say what `linkage solve` would), never Node's own modules, the store or the server's
 * code, and nothing by a relative path outside web/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const WEB = fileURLToPath(new URL("../../web/src/", import.meta.url));

/** Core folders the page may import, and the two single modules outside them. */
const ALLOWED_FOLDERS = [
  "analysis",
  "errors",
  "expression",
  "gambitSolve",
  "games",
  "math",
  "report",
  "scenario",
  "sim",
  "solvers",
];
const ALLOWED_MODULES = ["server/workbenchApi", "cli/cliFlags"];

/** Modules the page must never load: they need Node (threads, files) or are the server's. */
const NODE_ONLY = [
  "analysis/runScenario",
  "sim/simulate",
  "scenario/loadScenario",
  "scenario/readTextFile",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.ts$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

const imports = sourceFiles(WEB).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => ({
    file: relative(WEB, file),
    specifier: m[1]!,
  })),
);

describe("the page's imports", () => {
  it("reads the page's source", () => {
    expect(imports.filter((i) => i.specifier.startsWith("linkage/")).length).toBeGreaterThan(20);
  });

  it("reach the core by linkage/<folder>/<file> in the allowed folders only", () => {
    const wrong = imports
      .filter((i) => i.specifier.startsWith("linkage/"))
      .filter((i) => {
        const path = i.specifier.slice("linkage/".length);
        const folder = path.split("/")[0]!;
        return !(ALLOWED_FOLDERS.includes(folder) || ALLOWED_MODULES.includes(path));
      })
      .map((i) => `${i.file} imports ${i.specifier}`);
    expect(wrong).toEqual([]);
  });

  it("never load Node's modules or the core's Node-only ones, nor climb out of web/", () => {
    const wrong = imports
      .filter(
        (i) =>
          i.specifier.startsWith("node:") ||
          NODE_ONLY.some((m) => i.specifier === `linkage/${m}`) ||
          (i.specifier.startsWith("../") &&
            relative(WEB, join(WEB, i.file, "..", i.specifier)).startsWith("..")),
      )
      .map((i) => `${i.file} imports ${i.specifier}`);
    expect(wrong).toEqual([]);
  });
});
