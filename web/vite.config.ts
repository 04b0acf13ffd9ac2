import { fileURLToPath } from "node:url";
import { createLogger, defineConfig } from "vite";

/** The repository's src/, which the page imports by subpath (`linkage/analysis`, …) as TypeScript. */
const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/**
 * The workbench's page: built by `npm run build` (hence by `npm ci`) into dist/web, everything
 * bundled (no CDN), served by `linkage serve`. `linkage/<folder>/<file>` resolves to one module of
 * the core's source (and `linkage/<folder>` to its barrel), so the page runs the same code as the
 * CLI. Import modules, not barrels, where a barrel reaches Node-only code (`runScenario`,
 * `simulate`, `loadScenario`).
 */
/**
 * Vite's logger without one known, harmless warning: HiGHS's browser build names `node:module` in
 * a branch that only runs under Node, and Vite says it externalised it on every build.
 */
const logger = createLogger("warn");
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => {
  if (/"node:module" has been externalized.*highs/.test(message)) return;
  warn(message, options);
};

export default defineConfig({
  customLogger: logger,
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
