import { readFileSync } from "node:fs";

/** Linkage's version, from its package.json (what `linkage --version` prints and the report's footer names). */
export const LINKAGE_VERSION: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;
