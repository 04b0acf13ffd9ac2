#!/usr/bin/env node
// The `linkage` command: runs the compiled CLI (built by `npm ci` through the prepare script).
try {
  await import("../dist/cli/main.js");
} catch (error) {
  if (
    error?.code === "ERR_MODULE_NOT_FOUND" &&
    String(error.message).includes("dist/cli/main.js")
  ) {
    console.error(
      "linkage: the CLI is not built yet; run `npm run build` (npm ci does it for you)",
    );
    process.exit(1);
  }
  throw error;
}
