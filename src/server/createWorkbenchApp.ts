import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { RunRegistry } from "../store/runRegistry.js";
import { ApiProblem } from "./ApiProblem.js";
import { apiErrorAnswer } from "./apiErrorAnswer.js";
import { isLoopbackHost } from "./loopbackHost.js";
import type { RunManager } from "./RunManager.js";
import { runRoutes } from "./runRoutes.js";
import { scenarioRoutes } from "./scenarioRoutes.js";
import { webFileResponse } from "./webFileResponse.js";
import { type Health, MAX_BODY_BYTES } from "./workbenchApi.js";

/** What the workbench app serves: the registry, the scenarios, the built page and the runner. */
export interface WorkbenchAppOptions {
  readonly registry: RunRegistry;
  /** The folder of the shipped scenarios (`scenarios/`). */
  readonly scenariosDir: string;
  /** The built page (`dist/web`). */
  readonly webDir: string;
  /** Executes the runs; its version is the one /api/health reports. */
  readonly runner: RunManager;
  /** Where faults are logged (never sent to a client). @default stderr */
  readonly log?: (text: string) => void;
  /**
   * Host names the server answers besides this machine's loopback names (checked against the
   * Host header): the address a non-loopback `--host` binds and the machine's names. A page of
   * another site that rebinds its own name to one of this machine's addresses is refused, so it
   * cannot read or change the runs. @default none
   */
  readonly allowedHosts?: readonly string[];
}

/**
 * The workbench's HTTP application (hono): the JSON API under `/api` (workbenchApi.ts) and the
 * built page at `/`. Bodies are limited to `MAX_BODY_BYTES` (413), checked by zod (400 with the
 * path), and a request that changes something from another site's page (an `Origin` that is not
 * this server's) is refused (403). Every error is `ApiError` JSON without a stack trace. Testable
 * without a socket through `app.request()`.
 */
export function createWorkbenchApp(options: WorkbenchAppOptions): Hono {
  const { registry, scenariosDir, webDir, runner } = options;
  const log = options.log ?? ((text: string) => process.stderr.write(`${text}\n`));
  const app = new Hono();

  app.onError((error, c) => {
    const { status, body } = apiErrorAnswer(error, log);
    return c.json(body, status);
  });

  const allowed = new Set((options.allowedHosts ?? []).map((h) => h.toLowerCase()));
  app.use("*", async (c, next) => {
    const hostname = new URL(c.req.url).hostname.toLowerCase();
    if (!isLoopbackHost(hostname) && !allowed.has(hostname.replace(/^\[(.*)\]$/, "$1"))) {
      throw new ApiProblem(
        403,
        "E_FORBIDDEN",
        `this workbench answers requests to ${["localhost", ...allowed].join(", ")} only, not to ${hostname}`,
      );
    }
    await next();
    // no other site may frame the page (a click on Delete through a frame)
    c.header("X-Frame-Options", "DENY");
  });
  app.use("/api/*", async (c, next) => {
    const method = c.req.method;
    if (method !== "GET" && method !== "HEAD") {
      const origin = c.req.header("origin");
      if (origin !== undefined && hostOf(origin) !== new URL(c.req.url).host) {
        throw new ApiProblem(403, "E_FORBIDDEN", `requests from ${origin} may not change runs`);
      }
    }
    await next();
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiProblem(
          413,
          "E_TOO_LARGE",
          `the request body is larger than ${MAX_BODY_BYTES} bytes (a scenario may be at most 1 MiB)`,
        );
      },
    }),
  );

  app.get("/api/health", (c) => c.json({ version: runner.version } satisfies Health));
  app.route("/api", scenarioRoutes(scenariosDir));
  app.route("/api/runs", runRoutes(registry, runner));
  app.all("/api/*", (c) => {
    throw new ApiProblem(404, "E_NOT_FOUND", `no such API endpoint: ${c.req.method} ${c.req.path}`);
  });

  app.get("*", (c) => {
    const response = webFileResponse(webDir, new URL(c.req.url).pathname);
    if (response) return response;
    return c.text("not found", 404);
  });
  return app;
}

/** The `host[:port]` of an origin URL, or undefined when it is not one. */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
