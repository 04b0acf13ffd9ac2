import { existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { isIP } from "node:net";
import { hostname, networkInterfaces } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import { LinkageError } from "../errors/LinkageError.js";
import { createWorkbenchApp } from "../server/createWorkbenchApp.js";
import { isLoopbackHost } from "../server/loopbackHost.js";
import { RunManager } from "../server/RunManager.js";
import { HEARTBEAT_MS, RunRegistry } from "../store/runRegistry.js";
import { nonEmptyFlag, wholeNumberFlag } from "./cliFlags.js";
import type { CliIo } from "./cliIo.js";
import { LINKAGE_VERSION } from "./linkageVersion.js";

/** The flags of `linkage serve`, as commander gives them (checked by `serveCommand`). */
export interface ServeCommandOptions {
  readonly port?: string;
  readonly host?: string;
  readonly db?: string;
  readonly scenarios?: string;
  readonly threads?: string;
  readonly concurrentRuns?: string;
  readonly check?: boolean;
}

/** This package's folder (the CLI's modules sit two levels below it, in src/cli/ or dist/cli/). */
const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The built page, served at `/`. */
const WEB_DIR = resolve(PACKAGE_ROOT, "dist", "web");

const DEFAULT_PORT = 5173;
const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_DB = "linkage-runs.sqlite";

/**
 * `linkage serve [--port 5173] [--host 127.0.0.1] [--db linkage-runs.sqlite] [--scenarios DIR]
 * [--threads T] [--concurrent-runs N] [--check]`: the browser workbench. Opens (or creates) the
 * run registry, marks the runs a stopped server left `running` as `interrupted`, serves the API
 * and the built page on 127.0.0.1 (another `--host` is warned about: the workbench has no
 * login), prints the URL on stdout (port 0 picks a free port, and the URL names it), and serves
 * until SIGINT or SIGTERM, which stop the runs in progress (`interrupted`) and close the registry.
 * `--check` does everything but serve: it checks the flags, the registry and the page, prints
 * the URL it would serve, and exits.
 */
export async function serveCommand(options: ServeCommandOptions, io: CliIo): Promise<void> {
  const port = wholeNumberFlag("--port", options.port) ?? DEFAULT_PORT;
  const host = nonEmptyFlag("--host", options.host)?.trim() ?? DEFAULT_HOST;
  const db = nonEmptyFlag("--db", options.db) ?? DEFAULT_DB;
  const threads = wholeNumberFlag("--threads", options.threads);
  const concurrency = wholeNumberFlag("--concurrent-runs", options.concurrentRuns) ?? 1;
  const scenariosDir = scenarioFolder(nonEmptyFlag("--scenarios", options.scenarios));
  if (!isLoopbackHost(host)) {
    io.stderr(
      `linkage: warning: --host ${host} lets other machines reach the workbench, which has no login: anyone who can connect can start runs and read, rename and delete the stored ones\n`,
    );
  }
  if (!existsSync(WEB_DIR)) {
    io.stderr(
      "linkage: note: the page is not built (dist/web is missing): run npm run build; the API works meanwhile\n",
    );
  }
  const folder = dirname(resolve(db));
  if (!existsSync(folder)) {
    throw new LinkageError("E_INPUT", `--db ${db}: the folder ${folder} does not exist`);
  }
  // the port first: a server that cannot listen leaves no registry file behind
  if (port !== 0) {
    const probe = createServer();
    await listen(probe, port, host.replace(/^\[(.*)\]$/, "$1"));
    await new Promise((closed) => probe.close(closed));
  }
  if (options.check) {
    // checked, not changed: a server using the same file keeps its runs
    let registryState = "would be created";
    if (existsSync(db) && statSync(db).size === 0) registryState = "empty, would be set up";
    else if (existsSync(db)) {
      const registry = RunRegistry.open(db, { readOnly: true });
      const runs = registry.list();
      registry.close();
      const running = runs.filter((run) => run.status === "running").length;
      registryState = `${runs.length} ${runs.length === 1 ? "run" : "runs"}${running > 0 ? `, ${running} running` : ""}`;
    }
    const url = port === 0 ? urlOf(host, 0).replace(":0/", ":<a free port>/") : urlOf(host, port);
    io.stdout(
      `Linkage workbench: would serve ${url} (run registry ${db}: ${registryState}; scenarios from ${scenariosDir})\n`,
    );
    return;
  }
  const registry = RunRegistry.open(db);
  registry.beat();
  const heartbeat = setInterval(() => registry.beat(), HEARTBEAT_MS);
  heartbeat.unref();
  const interrupted = registry.markInterrupted();
  if (interrupted > 0) {
    io.stderr(
      `linkage: note: ${interrupted} ${interrupted === 1 ? "run was" : "runs were"} left running by a server that stopped; ${interrupted === 1 ? "it is" : "they are"} marked interrupted\n`,
    );
  }

  const runner = new RunManager({
    registry,
    version: LINKAGE_VERSION,
    concurrency,
    ...(threads !== undefined ? { threads } : {}),
  });
  const app = createWorkbenchApp({
    registry,
    scenariosDir,
    webDir: WEB_DIR,
    runner,
    allowedHosts: isLoopbackHost(host) ? [] : namesOf(host),
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  try {
    await listen(server, port, host.replace(/^\[(.*)\]$/, "$1"));
  } catch (error) {
    clearInterval(heartbeat);
    await runner.close();
    registry.close();
    throw error;
  }
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  io.stdout(`Linkage workbench: ${urlOf(host, actualPort)}\n`);
  io.stderr(
    "linkage: note: Ctrl-C stops the workbench (a run in progress is kept as interrupted)\n",
  );

  await new Promise<void>((done) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      io.stderr(`linkage: note: ${signal}: stopping the workbench\n`);
      clearInterval(heartbeat);
      server.close();
      server.closeAllConnections(); // open event streams too
      void runner.close().then(() => {
        registry.close();
        done();
      });
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** Listens on `host:port`; a port in use or a host that cannot be bound is the user's to fix. */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      const why =
        error.code === "EADDRINUSE"
          ? `port ${port} is in use (give another --port, or --port 0 for any free port)`
          : error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND"
            ? `this machine has no address ${host}`
            : error.code === "EACCES"
              ? `not allowed to listen on port ${port} (ports below 1024 need privileges)`
              : error.message;
      reject(new LinkageError("E_INPUT", `--host ${host} --port ${port}: cannot listen: ${why}`));
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/** The scenarios' folder: as given (it must be a folder), else ./scenarios, else the package's. */
function scenarioFolder(given: string | undefined): string {
  if (given !== undefined) {
    let isFolder = false;
    try {
      isFolder = statSync(given).isDirectory();
    } catch {
      isFolder = false;
    }
    if (!isFolder) throw new LinkageError("E_INPUT", `--scenarios ${given}: no such folder`);
    return given;
  }
  return existsSync("scenarios") ? "scenarios" : resolve(PACKAGE_ROOT, "scenarios");
}

/**
 * The host names a server bound to the non-loopback `host` answers: that address, the machine's
 * name, and for a wildcard (0.0.0.0, ::) every address of the machine's interfaces.
 */
function namesOf(host: string): string[] {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  const names = [bare, hostname()];
  if (bare === "0.0.0.0" || bare === "::") {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const a of addresses ?? []) names.push(a.address);
    }
  }
  return names;
}

/** The URL a browser opens for `host:port` (an IPv6 address in brackets). */
function urlOf(host: string, port: number): string {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  return `http://${isIP(bare) === 6 ? `[${bare}]` : bare}:${port}/`;
}
