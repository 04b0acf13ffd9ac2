/**
 * The solvers in a browser: Chromium loads the compiled core (dist/, plain ES modules; HiGHS from
 * its own ES-module build through an import map) from a local static server, solves Gambit
 * reference games with every family of method, and must give exactly what Node gives. Skips
 * without CHROMIUM_PATH (see .ci/run) or without a build (npm run build).
 */

import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GAMBIT_GAMES_DIR, HAS_GAMBIT_GAMES } from "../support/gambitReferenceFiles.js";
import { launchChromium } from "../support/launchChromium.js";
import { skipReason } from "../support/skipReason.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST = join(ROOT, "dist");
const CHROMIUM = process.env["CHROMIUM_PATH"];

/** What this suite needs and does not have (it skips itself when anything is missing). */
const MISSING = [
  ...(CHROMIUM ? [] : ["CHROMIUM_PATH set to a Chromium (.ci/run sets it)"]),
  ...(existsSync(DIST) ? [] : ["a build in dist/ (npm run build)"]),
  ...(HAS_GAMBIT_GAMES ? [] : ["Gambit's game files in ../shared/games/gambit"]),
];

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".html": "text/html",
};

/** The page: an import map for the one bare import of the core (HiGHS), nothing else. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>solvers</title>
<script type="importmap">{"imports":{"highs":"/node_modules/highs/build/highs.mjs"}}</script>`;

type Results = Record<string, unknown>;

describe.skipIf(MISSING.length > 0)(
  `the solvers in Chromium${skipReason(MISSING.length > 0, `needs ${MISSING.join("; ")}`)}`,
  () => {
    let server: Server;
    let base: string;
    let browser: Browser | undefined;
    const texts = {
      bimatrix: "",
      zeroSum: "",
      tree: "",
    };

    beforeAll(async () => {
      texts.bimatrix = readFileSync(join(GAMBIT_GAMES_DIR, "contrib/games/8x8.nfg"), "utf8");
      texts.zeroSum = readFileSync(join(GAMBIT_GAMES_DIR, "contrib/games/oneill.nfg"), "utf8");
      texts.tree = readFileSync(join(GAMBIT_GAMES_DIR, "doc/poker.efg"), "utf8");
      server = createServer((request, response) => {
        const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
        if (path === "/") {
          response.writeHead(200, { "content-type": "text/html" }).end(PAGE);
          return;
        }
        const file = normalize(join(ROOT, path));
        const allowed =
          file.startsWith(join(ROOT, "dist")) ||
          file.startsWith(join(ROOT, "node_modules/highs")) ||
          file === join(ROOT, "test/browser/solveGames.js");
        if (!allowed || !existsSync(file)) {
          response.writeHead(404).end();
          return;
        }
        response
          .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" })
          .end(readFileSync(file));
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await launchChromium(CHROMIUM!);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    it("gives the same equilibria as Node, by every family of method", async () => {
      const page = await browser!.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${base}/`);
      // a string, so that the test runner's module transform leaves the page's import alone
      const inBrowser = (await page.evaluate(
        `import("/test/browser/solveGames.js").then((m) => m.solveGames("", ${JSON.stringify(texts)}))`,
      )) as Results;
      const { solveGames } = (await import(
        pathToFileURL(join(ROOT, "test/browser/solveGames.js")).href
      )) as {
        solveGames: (base: string, data: typeof texts) => Promise<Results>;
      };
      const inNode = await solveGames(pathToFileURL(ROOT).href.replace(/\/$/, ""), texts);
      expect(errors).toEqual([]);
      // exact answers are strings: identical; float answers: the same IEEE arithmetic, to 1e-12
      for (const key of ["enummixed", "lh", "lpValue", "lp", "lcpCovering"]) {
        expect(inBrowser[key], key).toEqual(inNode[key]);
      }
      for (const key of ["enummixedFloat", "lcpCentroid", "logit", "simpdiv", "gnm"]) {
        const close = (a: unknown, b: unknown): void => {
          if (Array.isArray(a)) {
            expect((b as unknown[]).length, key).toBe(a.length);
            for (let i = 0; i < a.length; i++) close(a[i], (b as unknown[])[i]);
          } else expect(a as number, key).toBeCloseTo(b as number, 12);
        };
        close(inBrowser[key], inNode[key]);
      }
      // and they are Gambit's: 8×8 has five extreme equilibria; O'Neill's game has value 0
      expect((inBrowser["enummixed"] as string[]).length).toBe(5);
      expect(inBrowser["lp"]).toBe("2/5,1/5,1/5,1/5,2/5,1/5,1/5,1/5");
      expect(inBrowser["lpValue"]).toBe("-1/5");
    }, 60_000);
  },
);
