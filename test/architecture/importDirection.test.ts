/**
 * The layers of `src/` (docs/architecture.md): data flows one way, and each folder may import
 * only the folders listed for it here. A new arrow is a decision: make it here, in the same
 * commit as the architecture document.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type ImportEdge, importEdges, topFolder } from "../support/importGraph.js";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

/** Folder → the folders it may import (besides itself). The package root ("") may import any. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  errors: [],
  math: ["errors"],
  expression: ["errors", "math"],
  games: ["errors", "math"],
  solvers: ["errors", "math", "games"],
  gambitSolve: ["errors", "math", "games", "solvers"],
  scenario: ["errors", "math", "expression", "games"],
  sim: ["errors", "math", "expression", "games", "scenario"],
  analysis: ["errors", "math", "expression", "games", "scenario", "sim", "solvers"],
  calibrate: ["errors", "math", "expression", "scenario", "sim"],
  queue: ["errors", "math", "expression", "games", "scenario", "sim"],
  report: ["errors", "math", "games", "scenario", "sim", "analysis", "calibrate"],
  cli: [
    "errors",
    "math",
    "expression",
    "games",
    "solvers",
    "gambitSolve",
    "scenario",
    "sim",
    "analysis",
    "calibrate",
    "report",
    "store",
    "server",
    "queue",
  ],
  store: ["errors", "analysis", "scenario", "report"],
  server: [
    "errors",
    "math",
    "expression",
    "games",
    "solvers",
    "gambitSolve",
    "scenario",
    "sim",
    "analysis",
    "report",
    "store",
  ],
};

/** Folders whose code must run unchanged in a browser: no Node API. */
const BROWSER_SAFE = [
  "errors",
  "math",
  "expression",
  "games",
  "solvers",
  "gambitSolve",
  "calibrate",
];

/** Packages that draw charts: only `report/charts/` may load them. */
const CHART_PACKAGES = ["@observablehq/plot", "linkedom"];

const edges = importEdges(SRC);

/** The imports that break the layers, as "file imports specifier". */
function upwardImports(list: readonly ImportEdge[]): string[] {
  return list
    .filter((e) => e.to !== null)
    .filter((e) => {
      const from = topFolder(e.from);
      const to = topFolder(e.to!);
      return from !== "" && to !== from && !ALLOWED[from]!.includes(to);
    })
    .map((e) => `${e.from} imports ${e.specifier}`);
}

describe("import direction", () => {
  it("reads the whole source tree", () => {
    expect(edges.length).toBeGreaterThan(500);
  });

  it("every top folder has a declared place in the layers", () => {
    const folders = new Set(edges.map((e) => topFolder(e.from)).filter((f) => f !== ""));
    expect([...folders].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it("no folder imports one above it (nor cli/ or report/ from the core)", () => {
    expect(upwardImports(edges)).toEqual([]);
  });

  it("the browser-safe folders use no Node API", () => {
    const wrong = edges
      .filter((e) => BROWSER_SAFE.includes(topFolder(e.from)) && e.specifier.startsWith("node:"))
      .map((e) => `${e.from} imports ${e.specifier}`);
    expect(wrong).toEqual([]);
  });

  it("only report/charts/ loads the chart packages", () => {
    const wrong = edges
      .filter((e) =>
        CHART_PACKAGES.some((p) => e.specifier === p || e.specifier.startsWith(`${p}/`)),
      )
      .filter((e) => !e.from.startsWith("report/charts/"))
      .map((e) => `${e.from} imports ${e.specifier}`);
    expect(wrong).toEqual([]);
  });

  it("the check catches an upward import", () => {
    const edge = (from: string, to: string): ImportEdge => ({
      from,
      specifier: `../${to}`,
      to,
      typeOnly: false,
    });
    expect(
      upwardImports([
        edge("solvers/lemkeHowson.ts", "report/formatNumber.ts"),
        edge("scenario/parseScenario.ts", "sim/simulate.ts"),
        edge("analysis/analyze.ts", "cli/runCli.ts"),
        edge("report/runVerdict.ts", "analysis/analyze.ts"),
      ]),
    ).toEqual([
      "solvers/lemkeHowson.ts imports ../report/formatNumber.ts",
      "scenario/parseScenario.ts imports ../sim/simulate.ts",
      "analysis/analyze.ts imports ../cli/runCli.ts",
    ]);
  });
});
