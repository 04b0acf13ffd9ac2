import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCliCapture } from "../../test/support/runCliCapture.js";
import { parseScenario } from "../scenario/parseScenario.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const GED = join(ROOT, "test/fixtures/ged-synthetic.csv");
const FLAGSHIP = join(ROOT, "scenarios/kabul-2021.yaml");
const dir = mkdtempSync(join(tmpdir(), "linkage-calibrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("linkage calibrate", () => {
  it("round trip: calibrate → write-scenario → the copy simulates, the original unchanged", async () => {
    const before = readFileSync(FLAGSHIP, "utf8");
    const copy = join(dir, "calibrated.yaml");
    const out = join(dir, "out");
    const r = await runCliCapture(
      "calibrate",
      GED,
      "--scenario",
      FLAGSHIP,
      "--actor",
      "IS",
      "--country",
      "Afghanistan",
      "--change-point",
      "2021-08-15",
      "--out",
      out,
      "--json",
      "--write-scenario",
      copy,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining([
        "data",
        "weekly",
        "daily",
        "continuous",
        "scenario",
        "verdict",
        "dataHash",
      ]),
    );
    expect(JSON.parse(readFileSync(join(out, "calibration.json"), "utf8"))).toEqual(result);
    const html = readFileSync(join(out, "calibration.html"), "utf8");
    for (const chart of ["count-fit-week", "qq-week", "acf-week", "intensity", "qq-continuous"]) {
      expect(html).toContain(`data-chart="${chart}"`);
    }
    expect(html).not.toMatch(/<script/);
    expect(readFileSync(FLAGSHIP, "utf8")).toBe(before);
    // the copy carries the estimates and runs
    const calibrated = parseScenario(readFileSync(copy, "utf8"), copy);
    const written = result.scenario.parameters.filter(
      (p: { value: number | null }) => p.value !== null,
    );
    expect(written.length).toBeGreaterThan(0);
    for (const p of written) {
      const spec = calibrated.parameters.find((q) => q.id === p.id)!;
      expect(spec.value).toBe(p.value);
      expect(spec.prior).toEqual(p.prior);
      expect(spec.source).toContain("ged-synthetic.csv");
    }
    const sim = await runCliCapture("simulate", copy, "--runs", "50", "--policies", "W", "--json");
    expect(sim.code).toBe(0);
    expect(JSON.parse(sim.stdout).policies.W).toBeDefined();
  });

  it("refuses bad input with a located message and exit code 2, writing nothing", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "date,count\n2021-01-01,3\n2021-01-02,three\n");
    const r = await runCliCapture(
      "calibrate",
      bad,
      "--scenario",
      FLAGSHIP,
      "--count-column",
      "count",
      "--out",
      join(dir, "bad"),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv:3: count: /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const missing = await runCliCapture("calibrate", GED, "--actor", "IS");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--scenario FILE is required/);
    const wrongFlag = await runCliCapture(
      "calibrate",
      bad,
      "--scenario",
      FLAGSHIP,
      "--country",
      "X",
    );
    expect(wrongFlag.code).toBe(2);
    expect(wrongFlag.stderr).toMatch(/--country: applies only to a UCDP GED file/);
    const outside = await runCliCapture(
      "calibrate",
      GED,
      "--scenario",
      FLAGSHIP,
      "--actor",
      "IS",
      "--change-point",
      "2030-01-01",
    );
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/--change-point 2030-01-01: outside the window/);
    const notADate = await runCliCapture(
      "calibrate",
      GED,
      "--scenario",
      FLAGSHIP,
      "--from",
      "2021-02-30",
    );
    expect(notADate.stderr).toMatch(/--from "2021-02-30": expected a date YYYY-MM-DD/);
    const short = await runCliCapture(
      "calibrate",
      GED,
      "--scenario",
      FLAGSHIP,
      "--actor",
      "IS",
      "--from",
      "2021-01-01",
      "--to",
      "2021-02-20",
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(
      /has 7 whole weeks; the weekly fit with 4 rolling-origin folds needs at least 10/,
    );
  });

  it("never writes over the scenario it calibrates", async () => {
    const r = await runCliCapture(
      "calibrate",
      GED,
      "--scenario",
      FLAGSHIP,
      "--actor",
      "IS",
      "--write-scenario",
      FLAGSHIP,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the scenario itself/);
  });

  it("skips bad rows only when asked, and says how many", async () => {
    const table = join(dir, "table.csv");
    const rows = ["date,count"];
    for (let d = 0; d < 120; d++) {
      const day = new Date(Date.UTC(2021, 1, 1 + d)).toISOString().slice(0, 10);
      rows.push(`${day},${(d * 7) % 5}`);
    }
    rows.push("2021-04-31,2"); // line 122: April has 30 days
    writeFileSync(table, `${rows.join("\n")}\n`);
    const strict = await runCliCapture(
      "calibrate",
      table,
      "--scenario",
      FLAGSHIP,
      "--count-column",
      "count",
      "--out",
      join(dir, "t1"),
    );
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/table\.csv:122: date: /);
    const lenient = await runCliCapture(
      "calibrate",
      table,
      "--scenario",
      FLAGSHIP,
      "--count-column",
      "count",
      "--skip-bad-rows",
      "--out",
      join(dir, "t2"),
    );
    expect(lenient.stderr).toBe("");
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/Skipped 1 bad rows/);
    expect(lenient.stdout).toMatch(/line 122: date: /);
  });
});
