import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliCapture, runCliCapture } from "../../test/support/runCliCapture.js";
import { REPORT_CSS } from "../report/reportCss.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FLAGSHIP = join(ROOT, "scenarios/kabul-2021.yaml");
const JCPOA = join(ROOT, "scenarios/jcpoa-2015.yaml");
const flagshipText = readFileSync(FLAGSHIP, "utf8");
const dir = mkdtempSync(join(tmpdir(), "linkage-run-several-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the flagship with each [find, replace] applied once; returns the file. */
function variant(name: string, ...edits: [string, string][]): string {
  let text = flagshipText;
  for (const [find, replace] of edits) {
    if (!text.includes(find)) throw new Error(`fixture: "${find}" not in the flagship`);
    text = text.replace(find, replace);
  }
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}

// another scenario id, another title, and two values changed: a different verdict to index
const COPY = variant(
  "kabul-variant",
  ["id: kabul-2021", "id: kabul-variant"],
  ['title: "Counterterrorism', 'title: "A variant: counterterrorism'],
  ["    value: 0.3 # MODEL.md §4: σ_sub", "    value: 0.6 # MODEL.md §4: σ_sub"],
  ["    value: 2.5 # MODEL.md §4: c_A(C)", "    value: 4 # MODEL.md §4: c_A(C)"],
);
const FAST = ["--runs", "50", "--seed", "3"];

/** Refused as bad input: exit code 2, nothing on stdout, no stack trace. */
function expectRefused(r: CliCapture, ...fragments: (string | RegExp)[]): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/\n\s+at /);
  for (const f of fragments) expect(r.stderr).toMatch(f);
}

/** results.json as an object (it holds no date or timing: the same seed gives the same file). */
function results(folder: string): unknown {
  return JSON.parse(readFileSync(join(folder, "results.json"), "utf8"));
}

/** Standard output without the seconds a run took. */
function untimed(stdout: string): string {
  return stdout.replace(/ in \d+\.\d s\n/g, "\n");
}

describe("linkage run with several files", () => {
  const both = join(dir, "both");
  let several: CliCapture;
  let alone: [CliCapture, CliCapture];
  beforeAll(async () => {
    several = await runCliCapture("run", FLAGSHIP, COPY, ...FAST, "--out", both);
    alone = [
      await runCliCapture("run", FLAGSHIP, ...FAST, "--out", join(dir, "alone-flagship")),
      await runCliCapture("run", COPY, ...FAST, "--out", join(dir, "alone-variant")),
    ];
  }, 300_000);

  it("writes each scenario to DIR/<id>/, the same three files as a run alone, and the index", () => {
    expect(several.code).toBe(0);
    expect(readdirSync(both).sort()).toEqual([
      "index.html",
      "index.json",
      "kabul-2021",
      "kabul-variant",
    ]);
    for (const id of ["kabul-2021", "kabul-variant"]) {
      expect(readdirSync(join(both, id)).sort()).toEqual([
        "report.html",
        "report.md",
        "results.json",
      ]);
    }
  });

  it("each scenario's results.json is what a run of that file alone gives with the same seed", () => {
    expect(alone.map((r) => r.code)).toEqual([0, 0]);
    expect(results(join(both, "kabul-2021"))).toEqual(results(join(dir, "alone-flagship")));
    expect(results(join(both, "kabul-variant"))).toEqual(results(join(dir, "alone-variant")));
    // the two differ: the index compares two verdicts, not one twice
    expect(results(join(both, "kabul-variant"))).not.toEqual(results(join(both, "kabul-2021")));
  });

  it("prints each scenario's verdict as a run alone does, then the index's path", () => {
    const expected = [
      untimed(alone[0].stdout).replaceAll(join(dir, "alone-flagship"), join(both, "kabul-2021")),
      untimed(alone[1].stdout).replaceAll(join(dir, "alone-variant"), join(both, "kabul-variant")),
      `Wrote ${join(both, "index.html")} and ${join(both, "index.json")}\n`,
    ].join("");
    expect(untimed(several.stdout)).toBe(expected);
  });

  it("index.html: one self-contained row per scenario, linking its report", () => {
    const html = readFileSync(join(both, "index.html"), "utf8");
    expect(html).toContain(REPORT_CSS);
    expect(html).not.toMatch(/<link|<script|src=|https?:\/\//);
    expect(html).toContain("How to read this page");
    const rows = html.match(/<tr data-scenario="[^"]+">/g);
    expect(rows).toEqual(['<tr data-scenario="kabul-2021">', '<tr data-scenario="kabul-variant">']);
    expect(html).toContain('href="kabul-2021/report.html"');
    expect(html).toContain('href="kabul-variant/report.html"');
    expect(html).toContain("A variant: counterterrorism");
    expect(html).toContain("52 weeks");
    expect(html).toContain("seed 3");
  });

  it("index.json: the rows as data, the recommendation as in each verdict", () => {
    const index = JSON.parse(readFileSync(join(both, "index.json"), "utf8"));
    expect(index.seed).toBe(3);
    expect(index.runs).toBe(50);
    expect(index.scenarios.map((r: { id: string }) => r.id)).toEqual([
      "kabul-2021",
      "kabul-variant",
    ]);
    for (const [i, id] of ["kabul-2021", "kabul-variant"].entries()) {
      const row = index.scenarios[i];
      const verdict = (results(join(both, id)) as { verdict: string[] }).verdict;
      expect(verdict[0]).toContain(
        `Recommended policy: ${row.recommended.id} (${row.recommended.label})`,
      );
      expect(row.step).toBe("week");
      expect(row.steps).toBe(52);
      expect(row.report).toBe(`${id}/report.html`);
    }
  });
});

describe("linkage run with several files: refused before any work", () => {
  it("two files with the same scenario id, naming both", async () => {
    const twin = variant("kabul-twin", [
      'title: "Counterterrorism',
      'title: "A twin: counterterrorism',
    ]);
    const out = join(dir, "twins");
    expectRefused(
      await runCliCapture("run", FLAGSHIP, twin, ...FAST, "--out", out),
      `${FLAGSHIP} and ${twin} have the same scenario id "kabul-2021"`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("a bad second file fails with its located error, nothing written", async () => {
    const broken = variant(
      "kabul-broken",
      ["id: kabul-2021", "id: kabul-broken"],
      ["  mu0:\n", "  mu0: [0.7\n"],
    );
    const line = readFileSync(broken, "utf8").split("\n").indexOf("  mu0: [0.7") + 1;
    const out = join(dir, "broken");
    const r = await runCliCapture("run", FLAGSHIP, broken, ...FAST, "--out", out);
    expectRefused(r, `${broken}:${line}:`, /invalid YAML/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it("a --set that no scenario declares", async () => {
    const out = join(dir, "unknown-set");
    expectRefused(
      await runCliCapture("run", FLAGSHIP, JCPOA, ...FAST, "--set", "sigma_su=0.1", "--out", out),
      /--set sigma_su=0.1: no scenario declares the parameter "sigma_su" .*did you mean "sigma_sub"\?/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("a --set that only some declare: applied to those, a note names the others", async () => {
    // refused afterwards by --max-memory 16, so nothing runs
    const r = await runCliCapture(
      "run",
      FLAGSHIP,
      JCPOA,
      "--set",
      "cE=0.4",
      "--max-memory",
      "16",
      "--out",
      join(dir, "some"),
    );
    expectRefused(r, /--max-memory/);
    expect(r.stderr).toContain(
      `linkage: note: --set cE=0.4 applies to ${FLAGSHIP}; ${JCPOA} does not declare "cE" and runs at its own value\n`,
    );
  });

  it("a value out of bounds for one of the scenarios", async () => {
    expectRefused(
      await runCliCapture(
        "run",
        JCPOA,
        FLAGSHIP,
        ...FAST,
        "--set",
        "mu0=1.5",
        "--out",
        join(dir, "bad-value"),
      ),
      /--set mu0=1.5: "mu0" is used as a probability/,
    );
  });
});
