/**
 * The package's public API: the root names its entry points one by one, each folder is a subpath
 * (`linkage/solvers`, …), and importing the root, the solvers or the analysis loads no chart code.
 * The imports run in a child `node` against the compiled `dist/` (built by `npm ci`), exactly as a
 * user's program would resolve them.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importEdges, runtimeClosure } from "../support/importGraph.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SRC = `${ROOT}src/`;
const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as {
  exports: Record<string, string | { types: string; default: string }>;
};

/** The names a program gets from `import(specifier)`, sorted. */
function exportedNames(specifier: string): string[] {
  const out = execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()));`,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  return JSON.parse(out) as string[];
}

const SUBPATHS = [
  "analysis",
  "calibrate",
  "errors",
  "expression",
  "games",
  "math",
  "queue",
  "report",
  "scenario",
  "sim",
  "solve",
  "solvers",
];

describe("subpath exports", () => {
  it("package.json lists the root and one subpath per folder, each with its types", () => {
    const keys = Object.keys(manifest.exports).filter((k) => k !== "./package.json");
    expect(keys.sort()).toEqual([".", ...SUBPATHS.map((s) => `./${s}`)].sort());
    for (const key of keys) {
      const target = manifest.exports[key] as { types: string; default: string };
      expect(target.default).toMatch(/^\.\/dist\/.*index\.js$/);
      expect(target.types).toBe(target.default.replace(/\.js$/, ".d.ts"));
    }
  });

  it.each(SUBPATHS)("linkage/%s resolves and exports the folder's names", (subpath) => {
    const names = exportedNames(`linkage/${subpath}`);
    expect(names.length).toBeGreaterThan(0);
  });

  it("the root names its entry points explicitly, without arithmetic or samplers", () => {
    const names = exportedNames("linkage");
    for (const name of [
      "loadScenario",
      "parseScenario",
      "analyze",
      "runScenario",
      "simulate",
      "solveGame",
      "readGambitGame",
      "vertexEnumerationExact",
      "LinkageError",
      "analysisMarkdown",
    ]) {
      expect(names).toContain(name);
    }
    for (const name of ["add", "divide", "normal", "ONE", "ZERO", "poisson", "runReportHtml"]) {
      expect(names).not.toContain(name);
    }
    expect(names.length).toBeLessThan(90);
  });

  it("rational arithmetic and the samplers sit behind namespaces in linkage/math", () => {
    const out = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { rational, samplers } = await import("linkage/math");
         console.log(rational.formatRational(rational.add(rational.parseRational("1/3"), rational.parseRational("1/6"))), typeof samplers.poisson);`,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(out.trim()).toBe("1/2 function");
  });

  it("the HTML report is in linkage/report", () => {
    expect(exportedNames("linkage/report")).toContain("runReportHtml");
  });
});

describe("what each entry point loads", () => {
  const edges = importEdges(SRC);
  const chartPackages = (entry: string) =>
    [...runtimeClosure(SRC, entry, edges).packages].filter(
      (p) => p.startsWith("@observablehq/plot") || p.startsWith("linkedom"),
    );

  it.each([
    "index.ts",
    "solvers/index.ts",
    "gambitSolve/index.ts",
    "analysis/index.ts",
    "scenario/index.ts",
    "sim/index.ts",
  ])("%s loads no chart code", (entry) => {
    expect(chartPackages(entry)).toEqual([]);
  });

  it("only linkage/queue loads the queue's packages (bullmq, ioredis)", () => {
    const queuePackages = (entry: string) =>
      [...runtimeClosure(SRC, entry, edges).packages].filter(
        (p) => p === "bullmq" || p === "ioredis",
      );
    for (const entry of ["index.ts", "sim/index.ts", "analysis/index.ts"])
      expect(queuePackages(entry)).toEqual([]);
    expect(queuePackages("queue/index.ts").sort()).toEqual(["bullmq", "ioredis"]);
  });

  it("the report's barrel does (so the check can see chart code)", () => {
    expect(chartPackages("report/index.ts")).toContain("@observablehq/plot");
  });

  it("the solvers load only the LP solver among packages", () => {
    const packages = [...runtimeClosure(SRC, "solvers/index.ts", edges).packages];
    expect(packages.filter((p) => !p.startsWith("node:")).sort()).toEqual(["highs"]);
  });
});
