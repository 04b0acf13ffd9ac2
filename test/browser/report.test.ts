import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScenario } from "../../src/analysis/runScenario.js";
import type { ScenarioRun } from "../../src/analysis/ScenarioRun.js";
import { analysisVerdict } from "../../src/report/analysisVerdict.js";
import { runReportHtml } from "../../src/report/runReportHtml.js";
import { loadScenario } from "../../src/scenario/loadScenario.js";
import { closeSimulationPool } from "../../src/sim/simulate.js";
import { skipReason } from "../support/skipReason.js";

const FLAGSHIP = fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url));
const CHROMIUM = process.env["CHROMIUM_PATH"];
const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));

/** What the rendered page shows of one `figure.chart`. */
interface RenderedChart {
  readonly name: string;
  readonly svgs: number;
  readonly marks: number;
  readonly width: number;
  readonly height: number;
}

describe.skipIf(!CHROMIUM)(
  `the run report in Chromium${skipReason(!CHROMIUM, "needs CHROMIUM_PATH set to a Chromium (.ci/run sets it)")}`,
  () => {
    let dir: string;
    let file: string;
    let run: ScenarioRun;
    let browser: Browser | undefined;

    beforeAll(async () => {
      const scenario = loadScenario(FLAGSHIP);
      run = await runScenario(scenario, { runs: 250, draws: 200 });
      dir = mkdtempSync(join(tmpdir(), "linkage-report-"));
      file = join(dir, "report.html");
      writeFileSync(file, runReportHtml(run, scenario, analysisVerdict(run.analysis)));
      browser = await chromium.launch({
        executablePath: CHROMIUM!,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-quic",
        ],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await closeSimulationPool();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("renders every chart, the verdict and the policy table, offline", async () => {
      const page = await browser!.newPage({ viewport: { width: 1200, height: 900 } });
      const requests: string[] = [];
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      await page.goto(pathToFileURL(file).href);
      // STACK.md gotcha 6: wait for the charts, not for the first path (an invisible axis tick).
      await page.waitForSelector("figure.chart", { state: "attached" });

      const charts: RenderedChart[] = await page.$$eval("figure.chart", (figures) =>
        figures.map((f) => {
          const svg = f.querySelector("svg");
          const box = svg?.getBoundingClientRect();
          return {
            name: f.getAttribute("data-chart") ?? "",
            svgs: f.querySelectorAll("svg").length,
            marks: f.querySelectorAll("svg path, svg rect, svg line, svg circle").length,
            width: box?.width ?? 0,
            height: box?.height ?? 0,
          };
        }),
      );
      expect(charts.length).toBeGreaterThanOrEqual(17);
      for (const c of charts) {
        expect(c.svgs, c.name).toBeGreaterThan(0);
        expect(c.marks, c.name).toBeGreaterThan(0);
        expect(c.width, c.name).toBeGreaterThan(0);
        expect(c.height, c.name).toBeGreaterThan(0);
      }
      expect(charts.map((c) => c.name)).toEqual(
        expect.arrayContaining(["tornado", "game-tree", "best-policy-share", "fan-attacks"]),
      );

      expect(await page.locator("ul.verdict > li").count()).toBeGreaterThanOrEqual(3);
      const rows = await page
        .locator("#policy-table tbody tr")
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-policy")));
      expect(rows.sort()).toEqual(Object.keys(run.simulation.policies).sort());
      expect(requests).toEqual([]);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "report.png"), fullPage: true });
      await page.close();
    }, 60_000);
  },
);
