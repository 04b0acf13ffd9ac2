#!/usr/bin/env node
import { runCli } from "./runCli.js";

// a closed pipe (e.g. `linkage solve … | head`) ends the output quietly
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
