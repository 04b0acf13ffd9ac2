/**
 * The workbench in Chromium, end to end: the compiled `linkage serve` (dist/, with the page in
 * dist/web built by `npm run build`) on a free port with a throwaway registry, driven through the
 * page as a user would. Load the flagship and move a prior's slider (the verdict changes with no
 * request to the server), introduce a YAML error and see it located, read the game tree and the
 * strategic form and export the .efg (the same bytes as `linkage export`), run with progress to
 * completion across a page reload, cancel a run, compare two runs, open a Gambit file and solve it
 * exactly. The screenshot in the README (docs/images/workbench.png) is the one this test takes.
 * Skips without CHROMIUM_PATH (see .ci/run) or without a build.
 */

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/launchChromium.js";
import { skipReason } from "../support/skipReason.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));
const CHROMIUM = process.env["CHROMIUM_PATH"];
const MISSING = [
  ...(CHROMIUM ? [] : ["CHROMIUM_PATH set to a Chromium (.ci/run sets it)"]),
  ...(existsSync(join(ROOT, "dist/web/index.html")) && existsSync(join(ROOT, "dist/cli/main.js"))
    ? []
    : ["a build in dist/ and dist/web (npm run build)"]),
];

/** A full run through the server: generous, since CI's two cores are shared with other tests. */
const RUN_TIMEOUT = 180_000;

/** In the page: the runs panel's form names the flagship's file (a permalink was applied). */
const RUN_FORM_HAS_FLAGSHIP = `document.querySelector(".runs-what")?.textContent?.includes("kabul")`;

/** Three players, two strategies each, every payoff 0: a continuum of equilibria. */
const ALL_ZERO_NFG = `NFG 1 R "all zero" { "1" "2" "3" } { 2 2 2 }

${Array(24).fill(0).join(" ")}
`;

/** Battle of the sexes: two pure equilibria and one mixed, (2/3, 1/3) against (1/3, 2/3). */
const BATTLE_NFG = `NFG 1 R "Battle of the sexes" { "Row" "Column" } { 2 2 }

2 1 0 0 0 0 1 2
`;

describe.skipIf(MISSING.length > 0)(
  `the workbench in Chromium${skipReason(MISSING.length > 0, `needs ${MISSING.join("; ")}`)}`,
  () => {
    let dir: string;
    let server: ChildProcess | undefined;
    let base: string;
    let browser: Browser | undefined;
    let serverLog = "";

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "linkage-workbench-"));
      server = spawn(
        process.execPath,
        ["bin/linkage.js", "serve", "--port", "0", "--db", join(dir, "runs.sqlite")],
        { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
      );
      base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no URL from serve:\n${serverLog}`)),
          30_000,
        );
        const read = (chunk: Buffer) => {
          serverLog += chunk.toString();
          const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(serverLog)?.[0];
          if (url) {
            clearTimeout(timer);
            resolve(url);
          }
        };
        server!.stdout!.on("data", read);
        server!.stderr!.on("data", (chunk: Buffer) => {
          serverLog += chunk.toString();
        });
        server!.on("exit", (code) => reject(new Error(`serve exited (${code}):\n${serverLog}`)));
      });
      browser = await launchChromium(CHROMIUM!);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      if (server && server.exitCode === null) {
        const exited = new Promise((resolve) => server!.once("exit", resolve));
        server.kill("SIGTERM");
        await exited;
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** A fresh page on the workbench, failing the test on any error the page throws. */
    async function openPage(hash = ""): Promise<{ page: Page; errors: string[] }> {
      const page = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${base}${hash}`);
      return { page, errors };
    }

    it("loads the flagship; a slider moves the verdict with no request to the server; the page is whole offline", async () => {
      const { page, errors } = await openPage();
      const outside: string[] = [];
      page.on("request", (r) => {
        if (!r.url().startsWith(base)) outside.push(r.url());
      });
      await page.waitForSelector('[data-test="verdict"][data-best="KE"][data-pivots="done"]', {
        timeout: 30_000,
      });
      expect(await page.locator('[data-test="verdict"]').innerText()).toContain("Best policy: KE");
      expect(await page.locator('[data-test="policies"] tr[data-policy]').count()).toBe(4);

      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      // MODEL.md's flagship pivot: below sigma_sub = 0.2 the best policy becomes K
      await page.locator('[data-test="slider-sigma_sub"]').fill("0.1");
      await page.waitForSelector('[data-test="verdict"][data-best="K"]', { timeout: 10_000 });
      expect(await page.locator('[data-test="value-sigma_sub"]').innerText()).toContain("0.1");
      expect(requests).toEqual([]);
      await page.locator('[data-test="reset-sigma_sub"]').click();
      await page.waitForSelector('[data-test="verdict"][data-best="KE"][data-pivots="done"]', {
        timeout: 10_000,
      });

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.evaluate("window.scrollTo(0, 0)");
      await page.screenshot({ path: join(ARTIFACTS, "workbench.png") });
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it("locates a YAML error inline as it is typed, and clears it when taken out", async () => {
      const { page, errors } = await openPage();
      await page.waitForSelector('[data-test="verdict"][data-best="KE"]', { timeout: 30_000 });
      await page.locator(".cm-line", { hasText: /^id: kabul-2021$/ }).click();
      await page.keyboard.press("Home");
      await page.keyboard.type("   - ");
      const problem = page.locator('[data-test="scenario-errors"] li').first();
      await problem.waitFor({ timeout: 10_000 });
      expect(await problem.innerText()).toMatch(/line 11, column \d+: invalid YAML/);
      expect(await page.locator(".cm-lintRange-error").count()).toBeGreaterThan(0);
      for (let i = 0; i < "   - ".length; i++) await page.keyboard.press("Shift+ArrowLeft");
      await page.keyboard.press("Delete");
      await page.waitForSelector('[data-test="scenario-no-errors"]', { timeout: 10_000 });
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it("shows the game tree with its equilibrium path, folds it, shows the strategic form and exports the .efg linkage export writes", async () => {
      const { page, errors } = await openPage("#game");
      await page.waitForSelector('[data-test="game-tree"] svg', { timeout: 30_000 });
      const nodes = page.locator('[data-test="game-tree"] g[data-node]');
      const before = await nodes.count();
      expect(before).toBeGreaterThan(10);
      expect(
        await page.locator('[data-test="game-tree"] g[data-node][data-on-path="true"]').count(),
      ).toBeGreaterThan(1);
      expect(
        await page.locator('[data-test="strategic-form"] td[data-nash="true"]').count(),
      ).toBeGreaterThan(0);
      await page.locator('[data-test="tree-fold-off-path"]').click();
      await expect.poll(() => nodes.count(), { timeout: 10_000 }).toBeLessThan(before);

      const download = page.waitForEvent("download");
      await page.locator('[data-test="export-efg"]').click();
      const file = await (await download).path();
      const cli = execFileSync(
        process.execPath,
        ["bin/linkage.js", "export", "scenarios/kabul-2021.yaml", "--format", "efg"],
        { cwd: ROOT, encoding: "utf8" },
      );
      expect(readFileSync(file, "utf8")).toBe(cli);
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it("opens a Gambit file and solves it exactly in a Web Worker", async () => {
      const { page, errors } = await openPage("#gambit");
      await page.locator('[data-test="gambit-file"]').setInputFiles({
        name: "battle.nfg",
        mimeType: "text/plain",
        buffer: Buffer.from(BATTLE_NFG),
      });
      await page.waitForSelector('[data-test="game-summary"]');
      await page.selectOption('[data-test="solver-method"]', "enummixed");
      await page.setChecked('[data-test="solver-rational"]', true);
      await page.locator('[data-test="solve"]').click();
      await page.waitForSelector('.gambit-panel[data-solving="false"] [data-test="equilibrium"]', {
        timeout: 30_000,
      });
      const rows = await page
        .locator('[data-test="equilibria"] tr[data-test="equilibrium"]')
        .evaluateAll((trs) =>
          trs.map((tr) =>
            [...tr.querySelectorAll("td[data-player]")]
              .map((td) => td.getAttribute("data-value"))
              .join(","),
          ),
        );
      expect(rows.sort()).toEqual(["0,1,0,1", "1,0,1,0", "2/3,1/3,1/3,2/3"]);
      // enumpoly on a game where every profile is an equilibrium: its degenerate supports are
      // told on the page (the CLI's stderr note), never dropped silently
      await page.locator('[data-test="gambit-file"]').setInputFiles({
        name: "zeros.nfg",
        mimeType: "text/plain",
        buffer: Buffer.from(ALL_ZERO_NFG),
      });
      await page.waitForSelector('[data-test="game-summary"]');
      await page.selectOption('[data-test="solver-method"]', "enumpoly");
      await page.locator('[data-test="solve"]').click();
      await page.waitForSelector(
        '.gambit-panel[data-solving="false"] [data-test="degenerate-supports"]',
        { timeout: 30_000 },
      );
      expect(await page.locator('[data-test="degenerate-supports"]').innerText()).toMatch(
        /could not be resolved .* may be missing/,
      );
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it(
      "runs with progress to completion across a page reload, cancels a run, and compares two runs",
      async () => {
        const { page, errors } = await openPage("#runs/new?scenario=kabul-2021&runs=50");
        await page.waitForFunction(RUN_FORM_HAS_FLAGSHIP, undefined, { timeout: 30_000 });
        await page.locator('[data-test="start-run"]').click();
        await page.waitForSelector('[data-test="run-progress"]', { timeout: 30_000 });
        // a reload mid-run follows the same run again
        await page.reload();
        await page.waitForSelector('[data-test="run-progress"]', { timeout: 30_000 });
        await page.waitForSelector(
          '[data-test="run-charts"] figure[data-chart="fan-attacks"] svg',
          {
            timeout: RUN_TIMEOUT,
          },
        );
        expect(await page.locator('[data-test="run-headline"]').innerText()).not.toBe("");
        const done = page.locator('[data-test="run-list"] tr[data-status="done"]');
        await expect.poll(() => done.count(), { timeout: 10_000 }).toBe(1);
        // the run started from the page stores the results.json linkage run writes, byte for byte
        const id = await done.first().getAttribute("data-run-id");
        const stored = await (await page.request.get(`${base}api/runs/${id}/results.json`)).text();
        execFileSync(
          process.execPath,
          [
            "bin/linkage.js",
            "run",
            "scenarios/kabul-2021.yaml",
            "--runs",
            "50",
            "--seed",
            "1",
            "--out",
            join(dir, "cli"),
          ],
          { cwd: ROOT, stdio: "ignore" },
        );
        expect(stored).toBe(readFileSync(join(dir, "cli", "results.json"), "utf8"));

        // a second run, with one value set, started from its permalink
        await page.goto(`${base}#runs/new?scenario=kabul-2021&runs=50&set=sigma_sub=0.1`);
        await page.reload();
        await page.waitForFunction(RUN_FORM_HAS_FLAGSHIP, undefined, { timeout: 30_000 });
        await page.locator('[data-test="start-run"]').click();
        await expect.poll(() => done.count(), { timeout: RUN_TIMEOUT }).toBe(2);

        // a third, cancelled
        await page.locator('[data-test="start-run"]').click();
        await page.locator('[data-test="cancel-run"]').click({ timeout: 30_000 });
        await expect
          .poll(() => page.locator('[data-test="run-list"] tr[data-status="cancelled"]').count(), {
            timeout: 30_000,
          })
          .toBe(1);

        for (const pick of await done.locator('[data-test="compare-pick"]').all()) {
          await pick.check();
        }
        await page.locator('[data-test="compare-runs"]').click();
        await page.waitForSelector('[data-test="compare-fan"] svg', { timeout: 30_000 });
        expect(await page.locator('[data-test="compare-parameters"]').innerText()).toContain(
          "sigma_sub",
        );
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS, "workbench-compare.png"), fullPage: true });
        expect(errors).toEqual([]);
        await page.close();
      },
      RUN_TIMEOUT * 3,
    );
  },
);
