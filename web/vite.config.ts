import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** The repository's src/, which the page imports by subpath (`linkage/analysis`, …) as TypeScript. */
const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/**
 * The workbench's page: built by `npm run build` (hence by `npm ci`) into dist/web, everything
 * bundled (no CDN), served by `linkage serve`. `linkage/<folder>/<file>` resolves to one module of
 * the core's source (and `linkage/<folder>` to its barrel), so the page runs the same code as the
 * CLI. Import modules, not barrels, where a barrel reaches Node-only code (`runScenario`,
 * `simulate`, `loadScenario`).
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  logLevel: "warn",
  resolve: {
    alias: [
      { find: /^linkage\/solve$/, replacement: `${SRC}gambitSolve/index.ts` },
      { find: /^linkage\/([A-Za-z]+)$/, replacement: `${SRC}$1/index.ts` },
      { find: /^linkage\/([A-Za-z]+\/[A-Za-z/]+)$/, replacement: `${SRC}$1.ts` },
    ],
  },
  worker: { format: "es" },
  build: {
    outDir: fileURLToPath(new URL("../dist/web/", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4000,
  },
});
