import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeSimulationPool } from "../../src/sim/simulate.js";
import { runCliCapture } from "../support/runCliCapture.js";

/**
 * `linkage run` on each shipped case, end to end through the CLI (few runs, to stay quick): it
 * exits 0 and writes its report, Markdown and results. How long a default run takes is measured
 * by bench/cases.bench.ts, never here.
 */
const out = mkdtempSync(join(tmpdir(), "linkage-cases-"));
afterAll(async () => {
  await closeSimulationPool();
  rmSync(out, { recursive: true, force: true });
});

describe("linkage run on each case", () => {
  it.each(["jcpoa-2015", "pakistan-aid-2009", "egypt-aid-2013", "imf-programme"])(
    "%s writes its report",
    async (id) => {
      const dir = join(out, id);
      const r = await runCliCapture("run", `scenarios/${id}.yaml`, "--runs", "200", "--out", dir);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.code).toBe(0);
      for (const file of ["report.html", "report.md", "results.json"])
        expect(existsSync(join(dir, file)), file).toBe(true);
      const results = JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as {
        scenario: { id: string };
      };
      expect(results.scenario.id).toBe(id);
    },
    60_000,
  );
});
